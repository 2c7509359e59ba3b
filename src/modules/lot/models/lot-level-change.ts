import { model } from "@medusajs/framework/utils"

/**
 * A change to Medusa's stocked quantity that a lot write needs (a receipt, adjustment, transfer,
 * production or split), written in the lot write's own transaction, one row per item and location
 * (`change_id` groups the rows of one write). The workflow's next step applies it under Medusa's
 * inventory lock and sets `applied_at`; a compensation that takes the lot write back sets
 * `reverted_at`. A row left with neither — the server stopped between the two writes — is what
 * the integrity repair applies, or only marks when Medusa already has it.
 */
const LotLevelChange = model
  .define("lot_level_change", {
    id: model.id({ prefix: "lotlvl" }).primaryKey(),
    change_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity: model.number(),
    applied_at: model.dateTime().nullable(),
    reverted_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_lot_level_change_change_id", on: ["change_id"], where: "deleted_at IS NULL" },
    {
      name: "IDX_lot_level_change_pending",
      on: ["inventory_item_id", "location_id"],
      where: "applied_at IS NULL AND reverted_at IS NULL AND deleted_at IS NULL",
    },
  ])

export default LotLevelChange
