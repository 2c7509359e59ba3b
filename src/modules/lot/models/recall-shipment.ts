import { model } from "@medusajs/framework/utils"
import Recall from "./recall"

/** A shipment of a recalled lot, copied from the lot's shipment links when the recall was made. */
const RecallShipment = model
  .define("recall_shipment", {
    id: model.id({ prefix: "rclshp" }).primaryKey(),
    shipment_id: model.text(),
    lot_id: model.text(),
    lot_number: model.text(),
    order_id: model.text(),
    fulfillment_id: model.text(),
    location_id: model.text(),
    customer_key: model.text(),
    customer_id: model.text().nullable(),
    customer_email: model.text().nullable(),
    customer_name: model.text().nullable(),
    ship_to: model.json().nullable(),
    // Units shipped, returned before the recall, and still with the customer (shipped − returned).
    shipped_quantity: model.number().default(0),
    returned_quantity: model.number().default(0),
    outstanding_quantity: model.number(),
    shipped_at: model.dateTime().nullable(),
    recall: model.belongsTo(() => Recall, { mappedBy: "shipments" }),
  })
  .indexes([{ name: "IDX_recall_shipment_recall_id", on: ["recall_id"], where: "deleted_at IS NULL" }])

export default RecallShipment
