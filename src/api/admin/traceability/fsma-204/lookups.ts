import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FsmaItem, FsmaLocation, FsmaLookups } from "../../../../modules/lot/domain/fsma-204"
import type { PostalAddress } from "../../../../modules/lot/domain/location-description"
import type { FsmaEventRow } from "../../../../modules/lot/sql/fsma-sql"
import { BoundedCache, cachedLookup } from "../../../utils/bounded-cache"
import { inventoryItemInfo } from "../../lots/expiring/helpers"

type LocationRow = { id: string; name: string | null; address?: PostalAddress | null }
// Query types display_id as text; the order module stores a number.
type OrderRow = { id: string; display_id?: string | number | null }

/**
 * Items and locations recur across an export's pages, so the most recent are kept; orders are
 * rarely shipped across pages and are looked up per page only. Bounded: a catalog of a million
 * items does not end up in memory because a long period touched all of them.
 */
const CACHED_PER_KIND = 20_000

export type FsmaLookupCache = { items: BoundedCache<FsmaItem>; locations: BoundedCache<FsmaLocation> }

export const fsmaLookupCache = (): FsmaLookupCache => ({
  items: new BoundedCache(CACHED_PER_KIND),
  locations: new BoundedCache(CACHED_PER_KIND),
})

/**
 * Item titles, location names and addresses, and order numbers for one page of events, dropped
 * with the page: recent items and locations from `cache`, the rest in one batched query per kind.
 * Items, locations and orders live in other Medusa modules, so they are read through Query, not joined.
 */
export async function fsmaPageLookups(scope: MedusaContainer, events: FsmaEventRow[], cache: FsmaLookupCache): Promise<FsmaLookups> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [items, locations, orders] = await Promise.all([
    cachedLookup(
      events.flatMap((e) => [e.inventory_item_id, ...(e.inputs ?? []).map((i) => i.inventory_item_id)]),
      cache.items,
      async (ids) =>
        [...(await inventoryItemInfo(scope, ids))].map(([id, item]): [string, FsmaItem] => [
          id,
          { title: item.title, sku: item.sku, product_title: item.variant?.product_title },
        ])
    ),
    cachedLookup(
      events.flatMap((e) => [e.location_id, e.made_at_location_id, e.first_received_location_id]),
      cache.locations,
      async (ids) => {
        const { data } = await query.graph({
          entity: "stock_location",
          fields: ["id", "name", "address.address_1", "address.address_2", "address.postal_code", "address.city",
                   "address.province", "address.country_code"],
          filters: { id: ids },
        })
        return (data as LocationRow[]).map((l): [string, FsmaLocation] => [l.id, { name: l.name, address: l.address ?? null }])
      }
    ),
    cachedLookup(
      events.map((e) => e.order_id),
      null,
      async (ids) => {
        const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: ids } })
        return (data as OrderRow[]).filter((o) => o.display_id != null).map((o): [string, number] => [o.id, Number(o.display_id)])
      }
    ),
  ])
  return { items, locations, orders }
}
