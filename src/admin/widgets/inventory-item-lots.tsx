import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminInventoryItem, DetailWidgetProps } from "@medusajs/framework/types"
import { ItemLotsSection } from "../components/inventory-item/item-lots-section"
import { LotPolicySection } from "../components/inventory-item/lot-policy-section"
import { useFollowMedusaChanges } from "../hooks/medusa-refresh"

/** Inventory item page: the item's lot policy and its lots (receive, hold, release, adjust, transfer). */
const InventoryItemLotsWidget = ({ data }: DetailWidgetProps<AdminInventoryItem>) => {
  useFollowMedusaChanges()
  return (
    <div className="flex flex-col gap-y-3" data-testid="inventory-item-lots-widget">
      <LotPolicySection inventoryItemId={data.id} />
      <ItemLotsSection inventoryItemId={data.id} />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.details.after",
})

export default InventoryItemLotsWidget
