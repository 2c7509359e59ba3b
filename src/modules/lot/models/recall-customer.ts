import { model } from "@medusajs/framework/utils"
import { RECALL_NOTICE_METHODS } from "../types/statuses"
import Recall from "./recall"

/** A customer who received units of a recalled lot, and whether they have been told. */
const RecallCustomer = model
  .define("recall_customer", {
    id: model.id({ prefix: "rclcus" }).primaryKey(),
    // customer id, or the e-mail address for a shipment without one.
    customer_key: model.text(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    name: model.text().nullable(),
    ship_to: model.json().nullable(),
    order_ids: model.json(),
    // Units of the recalled lots this customer was shipped and returned before the recall, and
    // what is still with them (shipped − returned).
    shipped_quantity: model.number().default(0),
    returned_quantity: model.number().default(0),
    outstanding_quantity: model.number(),
    notified_at: model.dateTime().nullable(),
    notified_by: model.text().nullable(),
    // How they were told, and what the person who told them noted.
    notification_method: model.enum(RECALL_NOTICE_METHODS).nullable(),
    notification_note: model.text().nullable(),
    recall: model.belongsTo(() => Recall, { mappedBy: "customers" }),
  })
  .indexes([
    {
      name: "IDX_recall_customer_recall_key",
      on: ["recall_id", "customer_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default RecallCustomer
