import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ExpiryItemInfo } from "../types"

type ItemRow = {
  id: string
  title?: string | null
  sku?: string | null
  variants?: ({ id: string; title?: string | null; product?: { title?: string | null } | null } | null)[] | null
}

/** Titles of the given inventory items (and their first variant and product), by id. */
export async function inventoryItemInfo(scope: MedusaContainer, ids: string[]): Promise<Map<string, ExpiryItemInfo>> {
  const unique = [...new Set(ids)]
  if (!unique.length) {
    return new Map()
  }
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "inventory_item",
    fields: ["id", "title", "sku", "variants.id", "variants.title", "variants.product.title"],
    filters: { id: unique },
  })
  return new Map(
    (data as ItemRow[]).map((item) => {
      const variant = item.variants?.find((v) => v) ?? null
      return [
        item.id,
        {
          id: item.id,
          title: item.title ?? null,
          sku: item.sku ?? null,
          variant: variant ? { id: variant.id, title: variant.title ?? null, product_title: variant.product?.title ?? null } : null,
        },
      ]
    })
  )
}

/** Names of the given stock locations, by id. */
export async function locationNames(scope: MedusaContainer, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) {
    return new Map()
  }
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "stock_location",
    fields: ["id", "name"],
    filters: { id: unique },
  })
  return new Map((data as { id: string; name: string }[]).map((l) => [l.id, l.name]))
}
