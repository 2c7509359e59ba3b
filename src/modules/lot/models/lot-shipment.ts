import { model } from "@medusajs/framework/utils"
import { LOT_SHIPMENT_STATUSES, LotShipmentStatus } from "../types"

/**
 * Units of one lot that left in one fulfillment for one order line: the forward trace's edge from
 * a lot to a customer. Customer and ship-to address are copied when the link is recorded, so the
 * trace still says where the units went after the customer edits their profile.
 */
const LotShipment = model
  .define("lot_shipment", {
    id: model.id({ prefix: "lotshp" }).primaryKey(),
    lot_id: model.text(),
    inventory_item_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    fulfillment_id: model.text(),
    // Ship-from stock location.
    location_id: model.text(),
    quantity: model.number(),
    returned_quantity: model.number().default(0),
    status: model.enum(LOT_SHIPMENT_STATUSES).default(LotShipmentStatus.FULFILLED),
    customer_id: model.text().nullable(),
    customer_email: model.text().nullable(),
    customer_name: model.text().nullable(),
    ship_to: model.json().nullable(),
    fulfilled_at: model.dateTime(),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([
    // A replayed fulfillment event finds its links here instead of adding new ones.
    {
      name: "IDX_lot_shipment_fulfillment_line_lot",
      on: ["fulfillment_id", "line_item_id", "lot_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_lot_shipment_lot_id", on: ["lot_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_shipment_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_shipment_customer_id", on: ["customer_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_shipment_fulfilled_at", on: ["fulfilled_at"], where: "deleted_at IS NULL" },
  ])
  .checks([
    { name: "CHK_lot_shipment_quantity_positive", expression: (c) => `${c.quantity} > 0` },
    {
      name: "CHK_lot_shipment_returned_within_quantity",
      expression: (c) => `${c.returned_quantity} >= 0 AND ${c.returned_quantity} <= ${c.quantity}`,
    },
  ])

export default LotShipment
