import { useQuery } from "@tanstack/react-query"
import type { AdminExpiringLot, AdminExpiringLotListResponse, AdminExpirySummaryResponse } from "../../api/admin/lots/types"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

// GET /admin/lots/expiring and /admin/lots/expiry-summary as the expiry screens read them.
export type ExpiringLot = Serialized<AdminExpiringLot>
export type ExpirySummaryResponse = Serialized<AdminExpirySummaryResponse>
export type ExpirySummaryGroup = ExpirySummaryResponse["totals"]

export type ExpiringLotsQuery = {
  within_days: number
  /** "true" lists lots past expiry first, "only" lists them alone. */
  include_expired?: "true" | "only"
  location_id?: string
  inventory_item_id?: string
  limit: number
  offset: number
}

/** Expiry data lives under the lot-tracking root, so invalidating `lotQueryKeys.all` refreshes it too. */
export const expiryQueryKeys = {
  all: lotQueryKeys.expiry,
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
    queryFn: () => sdk.client.fetch<Serialized<AdminExpiringLotListResponse>>("/admin/lots/expiring", { query }),
    // The previous page stays on screen while the next one loads, but never another window's.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[3]
      return typeof before === "object" && before !== null && "within_days" in before &&
        before.within_days === query.within_days && before.include_expired === query.include_expired
        ? previous
        : undefined
    },
  })
