import { model } from "@medusajs/framework/utils"

/**
 * Units of an order line that no eligible lot could cover when it was allocated — shown to the
 * merchant instead of silently under-allocating. Resolved when the line is allocated in full later.
 */
const LotAllocationShortfall = model
  .define("lot_allocation_shortfall", {
    id: model.id({ prefix: "lotshort" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity: model.number(),
    reason: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_lot_allocation_shortfall_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_allocation_shortfall_line_item_id", on: ["line_item_id"], where: "deleted_at IS NULL" },
  ])

export default LotAllocationShortfall
