import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { LotStatus } from "../types"
import { lotQueryKeys } from "./query-keys"

/** Shapes of GET /admin/lots/expiring and GET /admin/lots/expiry-summary. */
export type ExpiryItemInfo = {
  id: string
  title: string | null
  sku: string | null
  variant: { id: string; title: string | null; product_title: string | null } | null
}

export type ExpiringLot = {
  id: string
  lot_number: string
  inventory_item_id: string
  status: LotStatus
  expires_at: string
  days_left: number
  on_hand: number
  allocated: number
  stock: { location_id: string; quantity: number; allocated_quantity: number }[]
  inventory_item: ExpiryItemInfo | null
}

export type ExpiringLotsQuery = {
  within_days: number
  /** "true" lists lots past expiry first, "only" lists them alone. */
  include_expired?: "true" | "only"
  location_id?: string
  inventory_item_id?: string
  limit: number
  offset: number
}

export type ExpiringLotsResponse = { lots: ExpiringLot[]; count: number; offset: number; limit: number; within_days: number }

export type ExpiryBucket = { quantity: number; lots: number }
export type ExpirySummaryGroup = {
  expired: ExpiryBucket
  windows: ({ days: number } & ExpiryBucket)[]
  weeks: ({ week_start: string } & ExpiryBucket)[]
}
export type ExpirySummaryResponse = {
  as_of: string
  /** The configured warning windows, smallest first (30, 60, 90 by default). */
  windows: number[]
  totals: ExpirySummaryGroup
  by_location: ({ location_id: string; location_name: string | null } & ExpirySummaryGroup)[]
  by_product: ({ inventory_item_id: string; inventory_item: ExpiryItemInfo | null } & ExpirySummaryGroup)[]
  product_count: number
}

/** Expiry data lives under the lot-tracking root, so invalidating `lotQueryKeys.all` refreshes it too. */
export const expiryQueryKeys = {
  all: () => [...lotQueryKeys.all, "expiry"] as const,
  summary: () => [...lotQueryKeys.all, "expiry", "summary"] as const,
  expiring: (query: ExpiringLotsQuery) => [...lotQueryKeys.all, "expiry", "expiring", query] as const,
}

/** GET /admin/lots/expiry-summary — per week, expired on hand and per window; by location and product. */
export const useExpirySummary = () =>
  useQuery({
    queryKey: expiryQueryKeys.summary(),
    queryFn: () => sdk.client.fetch<ExpirySummaryResponse>("/admin/lots/expiry-summary"),
  })

/** GET /admin/lots/expiring — one page of lots expiring within a window (or already expired), earliest first. */
export const useExpiringLots = (query: ExpiringLotsQuery) =>
  useQuery({
    queryKey: expiryQueryKeys.expiring(query),
    queryFn: () => sdk.client.fetch<ExpiringLotsResponse>("/admin/lots/expiring", { query }),
    // The previous page stays on screen while the next one loads, but never another window's.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[3]
      return typeof before === "object" && before !== null && "within_days" in before &&
        before.within_days === query.within_days && before.include_expired === query.include_expired
        ? previous
        : undefined
    },
  })
