import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { likePattern, type LotSearchFilters } from "../../../modules/lot/sql/search-sql"
import type { AdminGetLotsParamsType } from "./validators"

type ProductRow = { variants?: ({ inventory_items?: ({ inventory_item_id?: string | null } | null)[] | null } | null)[] | null }

/**
 * The inventory items a search text names: by SKU or title (Medusa names an item after its
 * variant, "500 g"), or by the title of a product whose variants stock it ("Greek yogurt").
 * Read through Medusa's modules, so the lot module never reads their tables.
 */
async function inventoryItemsNamed(scope: MedusaContainer, text: string): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const pattern = likePattern(text.trim())
  const [items, products] = await Promise.all([
    query.graph({ entity: "inventory_item", fields: ["id"], filters: { $or: [{ sku: { $ilike: pattern } }, { title: { $ilike: pattern } }] } }),
    query.graph({ entity: "product", fields: ["variants.inventory_items.inventory_item_id"], filters: { title: { $ilike: pattern } } }),
  ])
  const fromProducts = (products.data as ProductRow[]).flatMap((p) =>
    (p.variants ?? []).flatMap((v) => (v?.inventory_items ?? []).map((link) => link?.inventory_item_id))
  )
  return [...new Set([...(items.data as { id: string }[]).map((i) => i.id), ...fromProducts])].filter((id): id is string => !!id)
}

/** GET /admin/lots's filters (its export takes the same) as the lot module's search takes them. */
export async function lotSearchFilters(scope: MedusaContainer, query: AdminGetLotsParamsType): Promise<LotSearchFilters> {
  const { q, inventory_item_id, location_id, status, expires_before, expires_after, in_stock } = query
  return {
    q,
    q_inventory_item_ids: q?.trim() ? await inventoryItemsNamed(scope, q) : undefined,
    inventory_item_id,
    location_id,
    status,
    expires_before,
    expires_after,
    in_stock: in_stock === "true",
  }
}
