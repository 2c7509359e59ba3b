import type { InferTypeOf, PaginatedResponse } from "@medusajs/framework/types"
import type { LotStatus } from "../../../modules/lot"
import type { RecallProgress } from "../../../modules/lot/domain/recall-progress"
import type { RecallScopeSummary } from "../../../modules/lot/domain/recall-scope"
import type { TraceTables } from "../../../modules/lot/domain/trace-report"
import type { TracePage, TraceTablePage, TraceTableRow } from "../../../modules/lot/domain/trace-view"
import type { MockRecall, Recall, RecallAction, RecallCustomer, RecallLot } from "../../../modules/lot/models"
import type { AdminActor } from "../../utils/actors"
import type { SCOPE_TABLES } from "./validators"

// Responses of /admin/recalls/*, as the handlers send them (the admin reads them with dates as ISO
// strings). The ORM types JSON columns as plain records; these types say what the module writes there.

export type AdminRecall = Omit<InferTypeOf<typeof Recall>, "lots" | "shipments" | "customers" | "summary"> & {
  /** The scope as it was when the recall was opened. */
  summary: RecallScopeSummary | null
}

export type AdminRecallLot = Omit<InferTypeOf<typeof RecallLot>, "recall" | "status_before" | "on_hand_by_location"> & {
  /** The lot's status when the recall was opened. */
  status_before: LotStatus
  on_hand_by_location: { location_id: string; quantity: number }[] | null
}

export type AdminRecallCustomer = Omit<InferTypeOf<typeof RecallCustomer>, "recall" | "order_ids" | "ship_to"> & {
  order_ids: string[]
  /** The orders' display numbers ("#1042"), in the order of `order_ids`. */
  order_numbers: (string | null)[]
  ship_to: Record<string, unknown> | null
}

/** An entry of a recall's activity, with the admin user who made it and, for units, the lot's number and the location's name. */
export type AdminRecallAction = InferTypeOf<typeof RecallAction> & {
  actor: AdminActor | null
  lot_number: string | null
  location_name: string | null
}

/** A recall with (at most RECALL_DETAIL_LIMIT of) its lots and customers, and where it stands. */
export type AdminRecallDetail = AdminRecall & {
  lots: AdminRecallLot[]
  lot_count: number
  customers: AdminRecallCustomer[]
  customer_count: number
  progress: RecallProgress
  /** What was done on the recall, newest first (at most RECALL_DETAIL_LIMIT entries). */
  activity: AdminRecallAction[]
}

export type AdminMockRecall = Omit<InferTypeOf<typeof MockRecall>, "lot_ids" | "lot_numbers" | "summary"> & {
  lot_ids: string[]
  lot_numbers: string[]
  summary: RecallScopeSummary | null
}

export type AdminRecallResponse = { recall: AdminRecallDetail }
export type AdminRecallListResponse = PaginatedResponse<{ recalls: AdminRecall[] }>
export type AdminRecallPreviewResponse = {
  summary: RecallScopeSummary
  scope: TraceTables
  /** Each order the scope reaches, by id: its display number ("#1042"). */
  order_numbers: Record<string, string | null>
}
/**
 * POST /admin/recalls/mock: the run (its summary holds the totals and the mass balance) and the first
 * page of each table; the rest is paged with GET /admin/recalls/mock/:id/scope.
 */
export type AdminMockRecallResponse = {
  mock_recall: AdminMockRecall
  tables: { [K in (typeof SCOPE_TABLES)[number]]: TracePage<TraceTableRow<K>> }
  /** The display numbers of the orders on those pages. */
  order_numbers: Record<string, string | null>
}
/** GET /admin/recalls/mock/:id/scope: a page of the mock recall's lots traced again now, with the display numbers of its orders. */
export type AdminMockRecallScopeResponse = TraceTablePage<(typeof SCOPE_TABLES)[number]> & { order_numbers: Record<string, string | null> }
export type AdminMockRecallListResponse = PaginatedResponse<{ mock_recalls: AdminMockRecall[] }>
