import { model } from "@medusajs/framework/utils"
import { LOT_RETURN_STATUSES, LotReturnStatus } from "../types"

/**
 * Units of a returned order line and the lot they go back to. A merchant may name the lot before
 * the return is received (status designated); receiving it books the units (status received) and
 * records whether the lot was named or chosen by the plugin (most recently shipped).
 */
const LotReturn = model
  .define("lot_return", {
    id: model.id({ prefix: "lotret" }).primaryKey(),
    return_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    lot_id: model.text(),
    shipment_id: model.text().nullable(),
    location_id: model.text().nullable(),
    // Units booked back into the lot so far (a return may be received in parts).
    quantity: model.number().default(0),
    // Units the merchant said came from this lot, before they arrived.
    designated_quantity: model.number().nullable(),
    status: model.enum(LOT_RETURN_STATUSES).default(LotReturnStatus.DESIGNATED),
    chosen_by: model.enum(["merchant", "plugin"]),
    quarantined: model.boolean().default(false),
    received_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_lot_return_return_line_lot",
      on: ["return_id", "line_item_id", "lot_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_lot_return_lot_id", on: ["lot_id"], where: "deleted_at IS NULL" },
  ])
  .checks([{ name: "CHK_lot_return_quantity_not_negative", expression: (c) => `${c.quantity} >= 0` }])

export default LotReturn
