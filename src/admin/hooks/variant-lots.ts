import { useQueries, useQuery } from "@tanstack/react-query"
import type { AdminItemLotSummaryResponse } from "../../api/admin/inventory-items/types"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

/** GET /admin/inventory-items/:id/lot-summary as the widgets read it. */
export type ItemLotSummaryResponse = Serialized<AdminItemLotSummaryResponse>
/** Per location: Medusa's stocked quantity beside the lot stock, and the units no lot holds. */
export type ItemLocationStock = ItemLotSummaryResponse["lot_summary"]["locations"][number]

/** How many lots on hand the summary lists before pointing to the inventory item. */
export const SUMMARY_LOT_LIMIT = 5

/**
 * Kept under the lot lists' key on purpose: every lot change in the admin already invalidates the
 * lists, and the summary (lot stock, untracked units) changes with them.
 */
export const itemLotSummaryKey = (inventoryItemId: string) => [...lotQueryKeys.lists(), "item-summary", inventoryItemId] as const

const fetchItemLotSummary = (inventoryItemId: string) =>
  sdk.client.fetch<ItemLotSummaryResponse>(`/admin/inventory-items/${encodeURIComponent(inventoryItemId)}/lot-summary`, {
    query: { lot_limit: SUMMARY_LOT_LIMIT },
  })

/** GET /admin/inventory-items/:id/lot-summary — lots per status, stock per location, next expiry. */
export const useItemLotSummary = (inventoryItemId: string, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: itemLotSummaryKey(inventoryItemId),
    queryFn: () => fetchItemLotSummary(inventoryItemId),
    ...options,
  })

/** The lot summaries of all inventory items of a variant (a kit or bundle has several), in order. */
export const useVariantLotSummaries = (inventoryItemIds: string[]) =>
  useQueries({
    queries: inventoryItemIds.map((id) => ({
      queryKey: itemLotSummaryKey(id),
      queryFn: () => fetchItemLotSummary(id),
    })),
  })
