import type { z } from "@medusajs/framework/zod"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query"
import type {
  AdminMockRecall,
  AdminMockRecallListResponse,
  AdminMockRecallResponse,
  AdminRecall,
  AdminRecallDetail,
  AdminRecallListResponse,
  AdminRecallPreviewResponse,
  AdminRecallResponse,
} from "../../api/admin/recalls/types"
import type {
  AdminCreateRecall,
  AdminDisposeRecalledUnits,
  AdminMarkRecallCustomersNotified,
  AdminRecordRecallRecovery,
  AdminWithdrawRecallCustomersNotice,
} from "../../api/admin/recalls/validators"
import type { RecallStatus } from "../../modules/lot/types"
import { counted, errorMessage } from "../lib/format"
import { downloadMockRecallExport, downloadRecallExport, type RecallExportChoice } from "../lib/recall-export"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

export { RECALL_CLASSIFICATIONS, RECALL_NOTICE_METHODS } from "../../modules/lot/types"
export type { RecallClassification, RecallNoticeMethod, RecallStatus } from "../../modules/lot/types"
export type { RecallScopeSummary } from "../../modules/lot/domain/recall-scope"

// /admin/recalls/* as the recall screens read them.
export type Recall = Serialized<AdminRecall>
export type RecallDetail = Serialized<AdminRecallDetail>
export type MockRecall = Serialized<AdminMockRecall>
export type RecallPreview = Serialized<AdminRecallPreviewResponse>

export type RecallListQuery = { status?: RecallStatus; limit: number; offset: number }
export type PageQuery = { limit: number; offset: number }
export type CreateRecallBody = z.input<typeof AdminCreateRecall>
export type MarkNotifiedBody = z.input<typeof AdminMarkRecallCustomersNotified>
export type WithdrawNoticeBody = z.input<typeof AdminWithdrawRecallCustomersNotice>
export type RecordRecoveryBody = z.input<typeof AdminRecordRecallRecovery>
export type DisposeUnitsBody = z.input<typeof AdminDisposeRecalledUnits>

/** Recall data lives under the lot-tracking root: a recall changes lots, and lot changes refresh recalls. */
export const recallQueryKeys = {
  all: lotQueryKeys.recalls,
  lists: () => [...lotQueryKeys.all, "recall", "list"] as const,
  list: (query: RecallListQuery) => [...lotQueryKeys.all, "recall", "list", query] as const,
  detail: (id: string) => [...lotQueryKeys.all, "recall", "detail", id] as const,
  mocks: (query: PageQuery) => [...lotQueryKeys.all, "recall", "mock", query] as const,
}

const recallPath = (id: string, rest = "") => `/admin/recalls/${encodeURIComponent(id)}${rest}`
const showError = (title: string) => (error: unknown) => toast.error(title, { description: errorMessage(error) })

// Queries ---------------------------------------------------------------------------------------

/** GET /admin/recalls — one page, newest first; the previous page stays on screen while the next loads. */
export const useRecalls = (query: RecallListQuery) =>
  useQuery({
    queryKey: recallQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<Serialized<AdminRecallListResponse>>("/admin/recalls", { query }),
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[3]
      return typeof before === "object" && before !== null && "status" in before && before.status === query.status ? previous : undefined
    },
  })

/** GET /admin/recalls/:id — header, lots, customers and progress. */
export const useRecall = (id: string) =>
  useQuery({ queryKey: recallQueryKeys.detail(id), queryFn: () => sdk.client.fetch<Serialized<AdminRecallResponse>>(recallPath(id)) })

/** GET /admin/recalls/mock — the rehearsals run so far, newest first. */
export const useMockRecalls = (query: PageQuery) =>
  useQuery({
    queryKey: recallQueryKeys.mocks(query),
    queryFn: () => sdk.client.fetch<Serialized<AdminMockRecallListResponse>>("/admin/recalls/mock", { query }),
    placeholderData: (previous) => previous,
  })

// Mutations -------------------------------------------------------------------------------------

/** A recall changes its lots' status, so every lot list and detail is refreshed with the recalls. */
function invalidateRecalls(queryClient: QueryClient) {
  queryClient.invalidateQueries({ queryKey: lotQueryKeys.all })
}

/** POST /admin/recalls/preview — what a recall of these lots would reach; records nothing. */
export const useRecallPreview = () =>
  useMutation({
    mutationFn: (lotIds: string[]) =>
      sdk.client.fetch<Serialized<AdminRecallPreviewResponse>>("/admin/recalls/preview", { method: "POST", body: { lot_ids: lotIds } }),
  })

/** POST /admin/recalls — recall the lots and everything made from them. */
export const useCreateRecall = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateRecallBody) => sdk.client.fetch<Serialized<AdminRecallResponse>>("/admin/recalls", { method: "POST", body }),
    onSuccess: ({ recall }) => {
      invalidateRecalls(queryClient)
      toast.success(`Recall ${recall.recall_number} opened`, {
        description: `${recall.lot_count} lots recalled, ${recall.customer_count} customers to notify.`,
      })
    },
    onError: showError("The recall was not opened"),
  })
}

/** POST /admin/recalls/:id/close — close with a reason; the lots stay recalled. */
export const useCloseRecall = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reason: string) => sdk.client.fetch<Serialized<AdminRecallResponse>>(recallPath(id, "/close"), { method: "POST", body: { reason } }),
    onSuccess: ({ recall }) => {
      invalidateRecalls(queryClient)
      toast.success(`Recall ${recall.recall_number} closed`)
    },
    onError: showError("The recall was not closed"),
  })
}

/** Shows the recall a notice change answered with, and refreshes the lists' counts. */
const useShowNoticeChange = (id: string) => {
  const queryClient = useQueryClient()
  return ({ recall }: Serialized<AdminRecallResponse>) => {
    queryClient.setQueryData(recallQueryKeys.detail(id), { recall })
    queryClient.invalidateQueries({ queryKey: recallQueryKeys.lists() })
  }
}

/** POST /admin/recalls/:id/customers/notified — record that these customers were told, how and with what note. */
export const useMarkRecallCustomersNotified = (id: string) => {
  const show = useShowNoticeChange(id)
  return useMutation({
    mutationFn: (body: MarkNotifiedBody) =>
      sdk.client.fetch<Serialized<AdminRecallResponse>>(recallPath(id, "/customers/notified"), { method: "POST", body }),
    onSuccess: (response, { customer_keys }) => {
      show(response)
      toast.success(customer_keys.length === 1 ? "Customer marked as notified" : `${customer_keys.length} customers marked as notified`)
    },
    onError: showError("The customers were not marked as notified"),
  })
}

/** POST /admin/recalls/:id/customers/notified/withdraw — take back a notice marked by mistake, with the reason. */
export const useWithdrawRecallCustomersNotice = (id: string) => {
  const show = useShowNoticeChange(id)
  return useMutation({
    mutationFn: (body: WithdrawNoticeBody) =>
      sdk.client.fetch<Serialized<AdminRecallResponse>>(recallPath(id, "/customers/notified/withdraw"), { method: "POST", body }),
    onSuccess: (response) => {
      show(response)
      toast.success("Notice withdrawn: the customer counts as not notified")
    },
    onError: showError("The notice was not withdrawn"),
  })
}

/** POST /admin/recalls/:id/recoveries — units that came back or were destroyed without a Medusa return. */
export const useRecordRecallRecovery = (id: string) => {
  const show = useShowNoticeChange(id)
  return useMutation({
    mutationFn: (body: RecordRecoveryBody) =>
      sdk.client.fetch<Serialized<AdminRecallResponse>>(recallPath(id, "/recoveries"), { method: "POST", body }),
    onSuccess: (response, { quantity }) => {
      show(response)
      toast.success(`${counted(quantity, "unit")} recorded as recovered`)
    },
    onError: showError("The recovered units were not recorded"),
  })
}

/** POST /admin/recalls/:id/disposals — write off units held in stock; the lot pages refresh too. */
export const useDisposeRecalledUnits = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: DisposeUnitsBody) =>
      sdk.client.fetch<Serialized<AdminRecallResponse>>(recallPath(id, "/disposals"), { method: "POST", body }),
    onSuccess: ({ recall }, { quantity }) => {
      queryClient.setQueryData(recallQueryKeys.detail(id), { recall })
      invalidateRecalls(queryClient)
      toast.success(`${counted(quantity, "unit")} disposed of and taken out of stock`)
    },
    onError: showError("The units were not disposed of"),
  })
}

/** POST /admin/recalls/mock — rehearse a recall: duration and mass balance, nothing changes. */
export const useRunMockRecall = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (lotIds: string[]) =>
      sdk.client.fetch<Serialized<AdminMockRecallResponse>>("/admin/recalls/mock", { method: "POST", body: { lot_ids: lotIds } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...recallQueryKeys.all(), "mock"] }),
    onError: showError("The mock recall did not run"),
  })
}

/** Downloads a recall's export (CSV of one table, or XLSX of all); the API's message in a toast if it cannot. */
export const useDownloadRecallExport = (id: string) =>
  useMutation({
    mutationFn: (choice: RecallExportChoice) => downloadRecallExport(id, choice),
    onError: showError("The export could not be made"),
  })

/** Downloads a mock recall's export: its lots traced again as they stand now. */
export const useDownloadMockRecallExport = () =>
  useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: RecallExportChoice }) => downloadMockRecallExport(id, choice),
    onError: showError("The export could not be made"),
  })
