import { model } from "@medusajs/framework/utils"
import Recall from "./recall"

/** A lot in a recall's scope: named in the recall (depth 0) or made from one (depth = steps down). */
const RecallLot = model
  .define("recall_lot", {
    id: model.id({ prefix: "rcllot" }).primaryKey(),
    lot_id: model.text(),
    lot_number: model.text(),
    inventory_item_id: model.text(),
    depth: model.number(),
    status_before: model.text(),
    received_quantity: model.number().default(0),
    shipped_quantity: model.number().default(0),
    // Units returned before the recall, and still with customers (shipped − returned).
    returned_quantity: model.number().default(0),
    outstanding_quantity: model.number().default(0),
    on_hand_quantity: model.number().default(0),
    // [{ location_id, quantity }] when the recall was created.
    on_hand_by_location: model.json().nullable(),
    recall: model.belongsTo(() => Recall, { mappedBy: "lots" }),
  })
  .indexes([
    { name: "IDX_recall_lot_recall_lot", on: ["recall_id", "lot_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_recall_lot_lot_id", on: ["lot_id"], where: "deleted_at IS NULL" },
  ])

export default RecallLot
