import type { HttpTypes } from "@medusajs/framework/types"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminOrderPickScanResponse } from "../../api/admin/orders/types"
import type { AdminPickQueueResponse, AdminPickSheetResponse } from "../../api/admin/picking/types"
import type { AdminOrderPickScanType } from "../../api/admin/orders/[id]/pick-scan/validators"
import { fulfillmentBody, type Pick, type PickSheet } from "../lib/picking"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { invalidateLotData } from "./lots"
import { lotQueryKeys } from "./query-keys"

const PAGE_SIZE = 50

/** GET /admin/picking/orders — the orders to pick at a location, oldest first. */
export const usePickQueue = (locationId: string | null) =>
  useQuery({
    queryKey: lotQueryKeys.pickQueue(locationId ?? ""),
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminPickQueueResponse>>("/admin/picking/orders", {
        query: { location_id: locationId, limit: PAGE_SIZE },
      }),
    enabled: Boolean(locationId),
    placeholderData: keepPreviousData,
  })

/** GET /admin/picking/orders/:id — the order's lines to pick at the location, in walking order. */
export const usePickSheet = (orderId: string, locationId: string | null) =>
  useQuery({
    queryKey: lotQueryKeys.pickSheet(orderId, locationId ?? ""),
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminPickSheetResponse>>(`/admin/picking/orders/${encodeURIComponent(orderId)}`, {
        query: { location_id: locationId },
      }),
    enabled: Boolean(locationId),
  })

/**
 * POST /admin/orders/:id/pick-scan from the Picking screen: with the units taken and a warning
 * instead of a swap that skips an earlier-expiring lot (unless the picker confirmed it).
 */
export const usePickingScan = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminOrderPickScanType) =>
      sdk.client.fetch<Serialized<AdminOrderPickScanResponse>>(`/admin/orders/${encodeURIComponent(orderId)}/pick-scan`, {
        method: "POST",
        body,
      }),
    onSuccess: (answer) => {
      // A swap moved the line's allocation: the order's lot views and lot lists follow.
      if (answer.outcome === "swapped") {
        invalidateLotData(queryClient)
      }
    },
  })
}

/**
 * "Finish": Medusa's own POST /admin/orders/:id/fulfillments for the picked units at the
 * location, with the scanned lots in `additional_data.lots` (see fulfillmentBody).
 */
export const useFinishPick = (sheet: PickSheet | undefined) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (picks: Pick[]) =>
      sdk.client.fetch<HttpTypes.AdminOrderResponse>(`/admin/orders/${encodeURIComponent(sheet!.order_id)}/fulfillments`, {
        method: "POST",
        body: fulfillmentBody(sheet!, picks),
        query: { fields: "id" },
      }),
    onSuccess: () => {
      invalidateLotData(queryClient)
      // Medusa's order caches, as its own "Create fulfillment" leaves them.
      queryClient.invalidateQueries({ queryKey: ["orders"] })
    },
  })
}
