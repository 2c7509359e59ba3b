import type { QueryKey } from "@tanstack/react-query"
import { lotQueryKeys } from "../hooks/query-keys"

/**
 * Roots of Medusa's admin query keys whose invalidation means stock, reservations or shipments
 * changed — so lots were allocated, shipped, released or returned behind the plugin's back.
 * Medusa invalidates them after its own actions: create/cancel fulfillment, mark shipped or
 * delivered, cancel order, receive a return, claims, exchanges, order edits, inventory changes.
 */
export const MEDUSA_STOCK_ROOTS: ReadonlySet<string> = new Set([
  "orders",
  "fulfillments",
  "returns",
  "claims",
  "exchanges",
  "order_edits",
  "reservation_items",
  "inventory_items",
])

/** Every plugin view that shows lot stock, allocations or shipments (not settings such as suppliers). */
const LOT_STOCK_KEYS: readonly QueryKey[] = [
  lotQueryKeys.orders(),
  lotQueryKeys.picking(),
  lotQueryKeys.lists(),
  lotQueryKeys.details(),
  lotQueryKeys.traces(),
  lotQueryKeys.expiry(),
  lotQueryKeys.recalls(),
  lotQueryKeys.integrity(),
]

/**
 * The plugin query keys to invalidate when Medusa invalidates `medusaKey`. Every order is
 * included, not only the one acted on: shipping or returning one order can re-allocate lots of
 * another. Keys nested under a detail (`[["orders", "detail", id], "preview"]`) are drafts of an
 * order change, not committed ones, so their first element being an array makes them ignored.
 */
export function pluginKeysAfterMedusaChange(medusaKey: QueryKey): readonly QueryKey[] {
  const root = medusaKey[0]
  return typeof root === "string" && MEDUSA_STOCK_ROOTS.has(root) ? LOT_STOCK_KEYS : []
}
