import { model } from "@medusajs/framework/utils"
import { ALLOCATION_STRATEGIES, AllocationStrategy, DEFAULT_UNIT_OF_MEASURE } from "../types"

/** How one inventory item is lot-tracked. Items without a tracked policy behave as in stock Medusa. */
const LotPolicy = model
  .define("lot_policy", {
    id: model.id({ prefix: "lotpol" }).primaryKey(),
    inventory_item_id: model.text(),
    tracked: model.boolean().default(true),
    strategy: model.enum(ALLOCATION_STRATEGIES).default(AllocationStrategy.FEFO),
    shelf_life_days: model.number().nullable(),
    removal_lead_days: model.number().default(0),
    min_remaining_shelf_life_days: model.number().default(0),
    lot_number_template: model.text().nullable(),
    lot_number_pattern: model.text().nullable(),
    // What one unit of the item is (FSMA 204's unit of measure: "each", "case of 12", "kg").
    unit_of_measure: model.text().default(DEFAULT_UNIT_OF_MEASURE),
  })
  .indexes([
    {
      name: "IDX_lot_policy_inventory_item_id",
      on: ["inventory_item_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    { name: "CHK_lot_policy_shelf_life_positive", expression: (c) => `${c.shelf_life_days} IS NULL OR ${c.shelf_life_days} > 0` },
    { name: "CHK_lot_policy_removal_lead_not_negative", expression: (c) => `${c.removal_lead_days} >= 0` },
    {
      name: "CHK_lot_policy_min_shelf_life_not_negative",
      expression: (c) => `${c.min_remaining_shelf_life_days} >= 0`,
    },
  ])

export default LotPolicy
