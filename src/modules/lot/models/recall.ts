import { model } from "@medusajs/framework/utils"
import { RECALL_CLASSIFICATIONS, RECALL_STATUSES, RecallStatus } from "../types"
import RecallCustomer from "./recall-customer"
import RecallLot from "./recall-lot"
import RecallShipment from "./recall-shipment"

/**
 * A recall of one or more lots and everything made from them. The scope (lots, shipments,
 * customers) is copied when the recall is created, so it answers "who got what" as it stood then.
 */
const Recall = model
  .define("recall", {
    id: model.id({ prefix: "rcl" }).primaryKey(),
    recall_number: model.text(),
    reason: model.text(),
    classification: model.enum(RECALL_CLASSIFICATIONS),
    status: model.enum(RECALL_STATUSES).default(RecallStatus.OPEN),
    // Shown to shoppers by the store's recall-status lookup; never customer data.
    public_notice: model.text().nullable(),
    created_by: model.text().nullable(),
    closed_at: model.dateTime().nullable(),
    closed_by: model.text().nullable(),
    close_reason: model.text().nullable(),
    // Totals of the scope when it was computed, and how long that took.
    summary: model.json().nullable(),
    lots: model.hasMany(() => RecallLot, { mappedBy: "recall" }),
    shipments: model.hasMany(() => RecallShipment, { mappedBy: "recall" }),
    customers: model.hasMany(() => RecallCustomer, { mappedBy: "recall" }),
  })
  .cascades({ delete: ["lots", "shipments", "customers"] })
  .indexes([
    { name: "IDX_recall_recall_number_unique", on: ["recall_number"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_recall_status", on: ["status"], where: "deleted_at IS NULL" },
  ])

export default Recall
