import { defineLink } from "@medusajs/framework/utils"
import InventoryModule from "@medusajs/medusa/inventory"
import LotModule from "../modules/lot"

export default defineLink(
  { linkable: LotModule.linkable.lotPolicy, field: "inventory_item_id" },
  InventoryModule.linkable.inventoryItem,
  { readOnly: true }
)
