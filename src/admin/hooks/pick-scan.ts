import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { AdminOrderPickScanResponse } from "../../api/admin/orders/types"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

/**
 * POST /admin/orders/:id/pick-scan — one scan while picking. A swap changes the order's lots and
 * the lots' allocated units, so the order's lot views and lot lists are refetched.
 */
export const useOrderPickScan = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (code: string) =>
      sdk.client.fetch<Serialized<AdminOrderPickScanResponse>>(`/admin/orders/${encodeURIComponent(orderId)}/pick-scan`, { method: "POST", body: { code } }),
    onSuccess: (answer) => {
      if (answer.outcome === "swapped") {
        queryClient.invalidateQueries({ queryKey: lotQueryKeys.orderLots(orderId) })
        queryClient.invalidateQueries({ queryKey: lotQueryKeys.pickList(orderId) })
        queryClient.invalidateQueries({ queryKey: lotQueryKeys.lists() })
      }
    },
  })
}
