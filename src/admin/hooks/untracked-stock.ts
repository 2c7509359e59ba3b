import { toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { errorMessage } from "../lib/format"
import type { AdminAssignUntrackedStockResponse } from "../../api/admin/inventory-items/types"
import { sdk } from "../lib/sdk"
import type { AssignUntrackedStockBody, Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

export type { AssignUntrackedStockBody }

/** POST /admin/inventory-items/:id/untracked-stock/assign — put units no lot holds into a lot. */
export const useAssignUntrackedStock = (inventoryItemId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AssignUntrackedStockBody) =>
      sdk.client.fetch<Serialized<AdminAssignUntrackedStockResponse>>(
        `/admin/inventory-items/${encodeURIComponent(inventoryItemId)}/untracked-stock/assign`,
        { method: "POST", body }
      ),
    onSuccess: ({ assignment }) => {
      // Lot lists, the lot's detail and the item's summary (untracked units) all change.
      queryClient.invalidateQueries({ queryKey: lotQueryKeys.all })
      toast.success(`${assignment.quantity} units assigned to lot ${assignment.lot_number}`, {
        description:
          assignment.untracked_quantity > 0
            ? `${assignment.untracked_quantity} units at this location are still in no lot.`
            : "Every unit at this location is now in a lot.",
      })
    },
    onError: (error) => toast.error("The units were not assigned", { description: errorMessage(error) }),
  })
}
