import { model } from "@medusajs/framework/utils"

/**
 * Returned units Medusa restocked that no lot shipped on that line: the line's fulfillment was
 * canceled after the return was requested (Medusa restocks the units on the cancel and again on
 * the receipt), or the units shipped before the item was lot-tracked. They go into no lot; this
 * record says why Medusa holds more than the lots, and keeps a replayed receipt from counting
 * them twice.
 */
const LotReturnSurplus = model
  .define("lot_return_surplus", {
    id: model.id({ prefix: "lotrsur" }).primaryKey(),
    return_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity: model.number(),
  })
  .indexes([
    { name: "IDX_lot_return_surplus_return_line", on: ["return_id", "line_item_id", "inventory_item_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_return_surplus_inventory_item_id", on: ["inventory_item_id"], where: "deleted_at IS NULL" },
  ])
  .checks([{ name: "CHK_lot_return_surplus_quantity_positive", expression: (c) => `${c.quantity} > 0` }])

export default LotReturnSurplus
