import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { lotQueryKeys } from "./query-keys"

type PickScanLot = { lot_id: string; lot_number: string; quantity: number }

/** POST /admin/orders/:id/pick-scan's answer: the scanned lot confirmed, or the line moved onto it. */
export type PickScanAnswer =
  | { outcome: "confirmed"; line_item_id: string; location_id: string; quantity: number; message: string }
  | { outcome: "swapped"; line_item_id: string; location_id: string; from: PickScanLot[]; to: PickScanLot; message: string }

/**
 * POST /admin/orders/:id/pick-scan — one scan while picking. A swap changes the order's lots and
 * the lots' allocated units, so the order's lot views and lot lists are refetched.
 */
export const useOrderPickScan = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (code: string) =>
      sdk.client.fetch<PickScanAnswer>(`/admin/orders/${encodeURIComponent(orderId)}/pick-scan`, { method: "POST", body: { code } }),
    onSuccess: (answer) => {
      if (answer.outcome === "swapped") {
        queryClient.invalidateQueries({ queryKey: lotQueryKeys.orderLots(orderId) })
        queryClient.invalidateQueries({ queryKey: lotQueryKeys.pickList(orderId) })
        queryClient.invalidateQueries({ queryKey: lotQueryKeys.lists() })
      }
    },
  })
}
