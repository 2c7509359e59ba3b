import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FsmaLookups } from "../../../../modules/lot/domain/fsma-204"
import type { PostalAddress } from "../../../../modules/lot/domain/location-description"
import type { FsmaEventRow } from "../../../../modules/lot/sql/fsma-sql"
import { inventoryItemInfo } from "../../lots/expiring/helpers"

type LocationRow = { id: string; name: string | null; address?: PostalAddress | null }
type OrderRow = { id: string; display_id: number }

/** The distinct ids not yet in `known`: what a page still has to look up. */
export const unknown = <T>(ids: (string | null)[], known: Map<string, T>) =>
  [...new Set(ids.filter((id): id is string => Boolean(id) && !known.has(id!)))]

/**
 * Item titles, location names and addresses, and order numbers for a page of events, added to
 * `lookups`: only ids not looked up on an earlier page, one batched query per kind. Items,
 * locations and orders live in other Medusa modules, so they are read through Query, not joined.
 */
export async function addFsmaLookups(scope: MedusaContainer, events: FsmaEventRow[], lookups: FsmaLookups): Promise<void> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const itemIds = unknown(
    events.flatMap((e) => [e.inventory_item_id, ...(e.inputs ?? []).map((i) => i.inventory_item_id)]),
    lookups.items
  )
  const locationIds = unknown(
    events.flatMap((e) => [e.location_id, e.made_at_location_id, e.first_received_location_id]),
    lookups.locations
  )
  const orderIds = unknown(events.map((e) => e.order_id), lookups.orders)
  const [items, locations, orders] = await Promise.all([
    inventoryItemInfo(scope, itemIds),
    locationIds.length
      ? query.graph({
          entity: "stock_location",
          fields: ["id", "name", "address.address_1", "address.address_2", "address.postal_code", "address.city",
                   "address.province", "address.country_code"],
          filters: { id: locationIds },
        })
      : { data: [] },
    orderIds.length ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }) : { data: [] },
  ])
  for (const [id, item] of items) {
    lookups.items.set(id, { title: item.title, sku: item.sku, product_title: item.variant?.product_title })
  }
  for (const location of locations.data as LocationRow[]) {
    lookups.locations.set(location.id, { name: location.name, address: location.address ?? null })
  }
  for (const order of orders.data as OrderRow[]) {
    lookups.orders.set(order.id, Number(order.display_id))
  }
}
