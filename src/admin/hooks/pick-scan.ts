import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { AdminOrderPickScanResponse } from "../../api/admin/orders/types"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { invalidateLotData } from "./lots"

/**
 * POST /admin/orders/:id/pick-scan — one scan while picking. A swap changes the order's lots and
 * the lots' allocated units, so every lot view is refetched.
 */
export const useOrderPickScan = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (code: string) =>
      sdk.client.fetch<Serialized<AdminOrderPickScanResponse>>(`/admin/orders/${encodeURIComponent(orderId)}/pick-scan`, { method: "POST", body: { code } }),
    onSuccess: (answer) => {
      if (answer.outcome === "swapped") {
        invalidateLotData(queryClient)
      }
    },
  })
}
