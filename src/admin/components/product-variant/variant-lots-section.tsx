import type { AdminProductVariant } from "@medusajs/framework/types"
import { Container } from "@medusajs/ui"
import { useStockLocations } from "../../hooks/stock-locations"
import { useVariantLotSummaries } from "../../hooks/variant-lots"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"
import { VariantItemLots, type VariantInventoryItem } from "./variant-item-lots"

/** The variant's inventory items as the dashboard loads them (`*inventory_items.inventory`). */
function inventoryItemsOf(variant: AdminProductVariant): VariantInventoryItem[] {
  return (variant.inventory_items ?? []).map((link) => ({
    id: link.inventory_item_id,
    title: link.inventory?.title || link.inventory?.sku || link.inventory_item_id,
    sku: link.inventory?.sku ?? null,
    required_quantity: link.required_quantity ?? 1,
  }))
}

/** A compact lot summary for each inventory item of a product variant. */
export const VariantLotsSection = ({ variant }: { variant: AdminProductVariant }) => {
  const items = variant.manage_inventory ? inventoryItemsOf(variant) : []
  const summaries = useVariantLotSummaries(items.map((i) => i.id))
  const { nameOf } = useStockLocations()

  return (
    <Container className="divide-y p-0" data-testid="variant-lots-section">
      <SectionHeader
        title="Lots"
        description={items.length > 1 ? "Lots of each inventory item this variant is made of" : "Lots of this variant's inventory item"}
      />
      {!variant.manage_inventory && (
        <SectionEmpty title="Inventory is not managed">
          Lots are kept per inventory item; turn on "Manage inventory" for this variant to track its stock in lots.
        </SectionEmpty>
      )}
      {variant.manage_inventory && items.length === 0 && (
        <SectionEmpty title="No inventory item">This variant has no inventory item to hold lots.</SectionEmpty>
      )}
      {items.map((item, index) => (
        <VariantItemLots key={item.id} item={item} summary={summaries[index]} nameOf={nameOf} />
      ))}
    </Container>
  )
}
