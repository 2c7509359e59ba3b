import { model } from "@medusajs/framework/utils"
import { ALLOCATION_STATUSES, AllocationStatus } from "../types"
import Lot from "./lot"

/**
 * Units of one lot promised to one order line at one location. Open allocations count in
 * lot_stock.allocated_quantity; fulfilling or releasing one gives that room back.
 */
const LotAllocation = model
  .define("lot_allocation", {
    id: model.id({ prefix: "lotalloc" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity: model.number(),
    status: model.enum(ALLOCATION_STATUSES).default(AllocationStatus.OPEN),
    fulfillment_id: model.text().nullable(),
    lot: model.belongsTo(() => Lot, { mappedBy: "allocations" }),
  })
  .indexes([
    { name: "IDX_lot_allocation_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_allocation_line_item_id", on: ["line_item_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_allocation_lot_id_status", on: ["lot_id", "status"], where: "deleted_at IS NULL" },
  ])
  .checks([{ name: "CHK_lot_allocation_quantity_positive", expression: (c) => `${c.quantity} > 0` }])

export default LotAllocation
