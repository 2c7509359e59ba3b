import { defineLink } from "@medusajs/framework/utils"
import InventoryModule from "@medusajs/medusa/inventory"
import LotModule from "../modules/lot"

// The way back: inventory_item.lots, read from lot.inventory_item_id (no pivot table).
export default defineLink(
  { linkable: InventoryModule.linkable.inventoryItem, field: "id" },
  { ...LotModule.linkable.lot.id, primaryKey: "inventory_item_id" },
  { readOnly: true, isList: true }
)
