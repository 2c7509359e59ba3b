import { defineLink } from "@medusajs/framework/utils"
import InventoryModule from "@medusajs/medusa/inventory"
import LotModule from "../modules/lot"

// Read-only: the lot keeps inventory_item_id itself, so query.graph can walk
// lot -> inventory_item without a pivot table to keep in step.
export default defineLink(
  { linkable: LotModule.linkable.lot, field: "inventory_item_id" },
  InventoryModule.linkable.inventoryItem,
  { readOnly: true }
)
