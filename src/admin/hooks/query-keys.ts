import type { LotListQuery, LotSupplierListQuery } from "../types"

const LOTS = "lot_tracking" as const

/**
 * Query keys of the lot-tracking admin data. Every key starts with the same root, so
 * `lotQueryKeys.all` invalidates everything; lists carry their full query (page, search,
 * filters) so one page never shows another page's cache.
 */
export const lotQueryKeys = {
  all: [LOTS] as const,
  lists: () => [LOTS, "list"] as const,
  list: (query: LotListQuery) => [LOTS, "list", query] as const,
  details: () => [LOTS, "detail"] as const,
  detail: (id: string) => [LOTS, "detail", id] as const,
  policies: () => [LOTS, "policy"] as const,
  policy: (inventoryItemId: string) => [LOTS, "policy", inventoryItemId] as const,
  orders: () => [LOTS, "order"] as const,
  orderLots: (orderId: string) => [LOTS, "order", orderId, "lots"] as const,
  pickList: (orderId: string) => [LOTS, "order", orderId, "pick-list"] as const,
  picking: () => [LOTS, "picking"] as const,
  pickQueue: (locationId: string) => [LOTS, "picking", "queue", locationId] as const,
  pickSheet: (orderId: string, locationId: string) => [LOTS, "picking", "sheet", orderId, locationId] as const,
  stockLocations: () => [LOTS, "stock-locations"] as const,
  integrity: () => [LOTS, "integrity"] as const,
  suppliers: () => [LOTS, "supplier"] as const,
  supplierList: (query: LotSupplierListQuery) => [LOTS, "supplier", "list", query] as const,
  traces: () => [LOTS, "trace"] as const,
  expiry: () => [LOTS, "expiry"] as const,
  recalls: () => [LOTS, "recall"] as const,
}
