import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query"
import { errorMessage, LOT_STATUS_LABELS } from "../lib/format"
import type { AdminLotPolicyResponse } from "../../api/admin/inventory-items/types"
import type {
  AdminAdjustLotResponse,
  AdminEditLotResponse,
  AdminLotListResponse,
  AdminLotResponse,
  AdminLotStatusChangeResponse,
  AdminProduceLotResponse,
  AdminReceiveLotResponse,
  AdminSplitLotResponse,
  AdminTransferLotResponse,
} from "../../api/admin/lots/types"
import type { AdminOrderLotsResponse, AdminOrderPickListResponse } from "../../api/admin/orders/types"
import { downloadSpreadsheet, type SpreadsheetFormat } from "../lib/download"
import { sdk } from "../lib/sdk"
import type {
  AdjustLotBody,
  EditLotBody,
  HoldLotBody,
  LotListFilters,
  LotListQuery,
  LotPolicyBody,
  ReceiveLotBody,
  RejectLotBody,
  ReleaseLotBody,
  Serialized,
  ProduceLotBody,
  SplitLotBody,
  TransferLotBody,
} from "../types"
import { lotQueryKeys } from "./query-keys"

export { lotQueryKeys }

// Queries ---------------------------------------------------------------------------------------

/**
 * GET /admin/lots — one page of lots for a query (search, item, status, paging). While the next
 * page or search loads, the previous one stays on screen — but never another item's lots.
 */
export const useLots = (query: LotListQuery, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: lotQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<Serialized<AdminLotListResponse>>("/admin/lots", { query }),
    placeholderData: (previous, previousQuery) => {
      const previousFilter = previousQuery?.queryKey[2]
      const sameItem =
        typeof previousFilter === "object" && previousFilter !== null && "inventory_item_id" in previousFilter
          ? previousFilter.inventory_item_id === query.inventory_item_id
          : query.inventory_item_id === undefined
      return sameItem ? previous : undefined
    },
    ...options,
  })

/** GET /admin/lots/:id — a lot with its stock per location and its history, newest first. */
export const useLot = (id: string, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: lotQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminLotResponse>>(`/admin/lots/${encodeURIComponent(id)}`, {
        query: { fields: "+inventory_item.title,+inventory_item.sku" },
      }),
    ...options,
  })

/** GET /admin/inventory-items/:id/lot-policy — untracked defaults when the item has none. */
export const useLotPolicy = (inventoryItemId: string) =>
  useQuery({
    queryKey: lotQueryKeys.policy(inventoryItemId),
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminLotPolicyResponse>>(`/admin/inventory-items/${encodeURIComponent(inventoryItemId)}/lot-policy`),
  })

/** GET /admin/orders/:id/lots — per line: allocated lots, shipped lots, shortfalls. */
export const useOrderLots = (orderId: string) =>
  useQuery({
    queryKey: lotQueryKeys.orderLots(orderId),
    queryFn: () => sdk.client.fetch<Serialized<AdminOrderLotsResponse>>(`/admin/orders/${encodeURIComponent(orderId)}/lots`),
  })

/** GET /admin/orders/:id/pick-list — what to pick, location by location. */
export const usePickList = (orderId: string) =>
  useQuery({
    queryKey: lotQueryKeys.pickList(orderId),
    queryFn: () => sdk.client.fetch<Serialized<AdminOrderPickListResponse>>(`/admin/orders/${encodeURIComponent(orderId)}/pick-list`),
  })

// Mutations -------------------------------------------------------------------------------------

/**
 * After any change to a lot: every plugin view, since one lot shows in lists, its detail, traces
 * (its own and its inputs' and outputs'), order allocations (holds re-allocate), picking, expiry,
 * recalls and the integrity report. Only the views on screen refetch; the rest are marked stale.
 * Medusa's own sections on the same page follow too: receiving, adjusting and transferring change
 * its stock levels, holds and swaps its reservations.
 */
export function invalidateLotData(queryClient: QueryClient) {
  queryClient.invalidateQueries({ queryKey: lotQueryKeys.all })
  queryClient.invalidateQueries({ queryKey: ["inventory_items"] })
  queryClient.invalidateQueries({ queryKey: ["reservation_items"] })
}

/** A mutation's onError: a toast with the title and the API's message. */
export const showError = (title: string) => (error: unknown) => toast.error(title, { description: errorMessage(error) })

/** GET /admin/lots/export — downloads the lots matching the filters; the API's message in a toast if it cannot. */
export const useExportLots = () =>
  useMutation({
    mutationFn: ({ filters, format }: { filters: LotListFilters; format: SpreadsheetFormat }) =>
      downloadSpreadsheet("/admin/lots/export", filters, format, `lots.${format}`),
    onError: showError("The export could not be made"),
  })

/** POST /admin/lots — receive stock into a new lot. */
export const useReceiveLot = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ReceiveLotBody) =>
      sdk.client.fetch<Serialized<AdminReceiveLotResponse>>("/admin/lots", { method: "POST", body }),
    onSuccess: ({ receipt }) => {
      invalidateLotData(queryClient)
      toast.success("Lot received", {
        description: `${receipt.quantity} units received into lot ${receipt.lot_number}.`,
      })
    },
    onError: showError("The lot was not received"),
  })
}

/** POST /admin/inventory-items/:id/lot-policy — create or update the item's lot policy. */
export const useUpdateLotPolicy = (inventoryItemId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: LotPolicyBody) =>
      sdk.client.fetch<Serialized<AdminLotPolicyResponse>>(`/admin/inventory-items/${encodeURIComponent(inventoryItemId)}/lot-policy`, {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      // Tracking and shelf life change what the item's lots, orders and pick lists show.
      invalidateLotData(queryClient)
      toast.success("Lot policy saved")
    },
    onError: showError("The lot policy was not saved"),
  })
}

type StatusAction = "hold" | "release" | "reject"
type StatusVariables =
  | { action: "hold"; lotId: string; body: HoldLotBody }
  | { action: "release"; lotId: string; body: ReleaseLotBody }
  | { action: "reject"; lotId: string; body: RejectLotBody }

const STATUS_ERROR_TITLES: Record<StatusAction, string> = {
  hold: "The lot was not put on hold",
  release: "The lot was not released",
  reject: "The lot was not rejected",
}

/** POST /admin/lots/:id/{hold,release,reject} — move a lot through its status machine. */
export const useChangeLotStatus = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, lotId, body }: StatusVariables) =>
      sdk.client.fetch<Serialized<AdminLotStatusChangeResponse>>(`/admin/lots/${encodeURIComponent(lotId)}/${action}`, {
        method: "POST",
        body,
      }),
    onSuccess: ({ status_change }) => {
      invalidateLotData(queryClient)
      toast.success(`Lot ${status_change.lot_number}: ${LOT_STATUS_LABELS[status_change.to_status].toLowerCase()}`, {
        description: `Was ${LOT_STATUS_LABELS[status_change.from_status].toLowerCase()}.`,
      })
    },
    onError: (error, { action }) => showError(STATUS_ERROR_TITLES[action])(error),
  })
}

/** POST /admin/lots/:id/adjust — count correction or write-off at one location. */
export const useAdjustLot = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ lotId, body }: { lotId: string; body: AdjustLotBody }) =>
      sdk.client.fetch<Serialized<AdminAdjustLotResponse>>(`/admin/lots/${encodeURIComponent(lotId)}/adjust`, { method: "POST", body }),
    onSuccess: ({ lot }) => {
      invalidateLotData(queryClient)
      toast.success(`Lot ${lot.lot_number} adjusted`)
    },
    onError: showError("The stock was not adjusted"),
  })
}

/** POST /admin/lots/:id/transfer — move unallocated units between locations. */
export const useTransferLot = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ lotId, body }: { lotId: string; body: TransferLotBody }) =>
      sdk.client.fetch<Serialized<AdminTransferLotResponse>>(`/admin/lots/${encodeURIComponent(lotId)}/transfer`, { method: "POST", body }),
    onSuccess: ({ lot }, { body }) => {
      invalidateLotData(queryClient)
      toast.success(`Lot ${lot.lot_number}: ${body.quantity} units transferred`)
    },
    onError: showError("The stock was not transferred"),
  })
}

/** POST /admin/lots/:id/split — move units of a lot into new child lots (repack, relabel). */
export const useSplitLot = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ lotId, body }: { lotId: string; body: SplitLotBody }) =>
      sdk.client.fetch<Serialized<AdminSplitLotResponse>>(`/admin/lots/${encodeURIComponent(lotId)}/split`, { method: "POST", body }),
    onSuccess: ({ lot, children }) => {
      invalidateLotData(queryClient)
      toast.success(`Lot ${lot.lot_number} split`, { description: `New lots: ${children.map((c) => c.lot_number).join(", ")}` })
    },
    onError: showError("The lot was not split"),
  })
}

/** POST /admin/lots/productions — record a lot made from input lots. */
export const useProduceLot = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ProduceLotBody) =>
      sdk.client.fetch<Serialized<AdminProduceLotResponse>>("/admin/lots/productions", { method: "POST", body }),
    onSuccess: ({ lot }) => {
      invalidateLotData(queryClient)
      toast.success(`Lot ${lot.lot_number} recorded as made`)
    },
    onError: showError("The production was not recorded"),
  })
}

/**
 * POST /admin/lots/:id — correct a lot's dates, supplier or notes. What the merchant should know
 * about the outcome (the lot expired by its new date, or stays expired) comes as a warning.
 */
export const useEditLot = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ lotId, body }: { lotId: string; body: EditLotBody }) =>
      sdk.client.fetch<Serialized<AdminEditLotResponse>>(`/admin/lots/${encodeURIComponent(lotId)}`, { method: "POST", body }),
    onSuccess: ({ lot, edit }) => {
      invalidateLotData(queryClient)
      const [notice] = edit.notices
      if (notice) toast.warning(`Lot ${lot.lot_number} saved`, { description: notice })
      else toast.success(`Lot ${lot.lot_number} saved`)
    },
    onError: showError("The lot was not changed"),
  })
}
