import { model } from "@medusajs/framework/utils"

/**
 * One correction the integrity repair made: which check found what, the number before and after,
 * and what it names (a lot, an order line, a fulfillment, a reservation). Append-only, like the
 * lot history: an auditor sees every number the repair changed, including Medusa's own.
 */
const LotCorrection = model
  .define("lot_correction", {
    id: model.id({ prefix: "lotcorr" }).primaryKey(),
    check: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text().nullable(),
    lot_id: model.text().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    fulfillment_id: model.text().nullable(),
    reservation_id: model.text().nullable(),
    before: model.number(),
    after: model.number(),
    // "medusa" where Medusa's own number was corrected.
    source: model.text(),
    message: model.text(),
    actor_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_lot_correction_inventory_item_id", on: ["inventory_item_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lot_correction_created_at", on: ["created_at"], where: "deleted_at IS NULL" },
  ])

export default LotCorrection
