import { model } from "@medusajs/framework/utils"
import Lot from "./lot"

/**
 * Quantity of a lot at one stock location, in whole units. `allocated_quantity` is the part
 * promised to open orders; it can never exceed what is on hand. While the lot may not be sold
 * (quarantine, on hold, ...) its quantity is held back from Medusa's available stock by the
 * reservation `blocked_reservation_id` points at.
 */
const LotStock = model
  .define("lot_stock", {
    id: model.id({ prefix: "lotstk" }).primaryKey(),
    location_id: model.text(),
    quantity: model.number().default(0),
    allocated_quantity: model.number().default(0),
    // Returned units waiting for inspection: on hand, but neither sellable nor allocatable.
    quarantined_quantity: model.number().default(0),
    blocked_reservation_id: model.text().nullable(),
    lot: model.belongsTo(() => Lot, { mappedBy: "stock" }),
  })
  .indexes([
    {
      name: "IDX_lot_stock_lot_id_location_id",
      on: ["lot_id", "location_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_lot_stock_location_id", on: ["location_id"], where: "deleted_at IS NULL" },
  ])
  .checks([
    { name: "CHK_lot_stock_quantity_not_negative", expression: (c) => `${c.quantity} >= 0` },
    { name: "CHK_lot_stock_allocated_not_negative", expression: (c) => `${c.allocated_quantity} >= 0` },
    { name: "CHK_lot_stock_quarantined_not_negative", expression: (c) => `${c.quarantined_quantity} >= 0` },
    {
      name: "CHK_lot_stock_allocated_within_quantity",
      expression: (c) => `${c.allocated_quantity} + ${c.quarantined_quantity} <= ${c.quantity}`,
    },
  ])

export default LotStock
