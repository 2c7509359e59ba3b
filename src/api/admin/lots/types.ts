import type { HttpTypes, InferTypeOf, PaginatedResponse } from "@medusajs/framework/types"
import type { ExpiredLot, LotEdit, LotReceipt, LotStatusChange, LotStockChangeResult, WarnedLot } from "../../../modules/lot"
import type { Gs1ParseError } from "../../../modules/lot/domain/gs1"
import type { ExpirySummary } from "../../../modules/lot/domain/expiry-summary"
import type { LotIntegrityReport } from "../../../workflows/steps/check-lot-integrity"
import type { LotIntegrityRepair } from "../../../workflows/runners/integrity-repair"
import type { TraceSummary, TraceTablePage, TraceTreeLevel } from "../../../modules/lot/domain/trace-view"
import type { LotTransformation } from "../../../modules/lot/domain/transformation"
import type { Lot, LotEvent, LotStock } from "../../../modules/lot/models"
import type { ExpiringLotRow } from "../../../modules/lot/sql/expiry-report-sql"
import type { AdminActor } from "../../utils/actors"

// Responses of /admin/lots/*, as the handlers send them (the admin reads them with dates as ISO strings).

export type AdminLotStock = Pick<
  InferTypeOf<typeof LotStock>,
  "id" | "location_id" | "quantity" | "allocated_quantity" | "quarantined_quantity"
>

/** A lot with the default fields (query-config.ts) and its stock per location. */
export type AdminLot = Pick<
  InferTypeOf<typeof Lot>,
  | "id"
  | "lot_number"
  | "inventory_item_id"
  | "status"
  | "manufactured_at"
  | "expires_at"
  | "best_before_at"
  | "received_at"
  | "supplier"
  | "supplier_lot_number"
  | "supplier_id"
  | "supplier_details"
  | "exempt_source"
  | "tlc_assigned_by"
  | "receipt_document_type"
  | "receipt_document_number"
  | "notes"
  | "metadata"
  | "created_at"
  | "updated_at"
> & {
  stock: AdminLotStock[]
  /** Present when asked for with `fields=+inventory_item.title,+inventory_item.sku`. */
  inventory_item?: Pick<HttpTypes.AdminInventoryItem, "id" | "title" | "sku"> | null
}

/** An entry of a lot's history, with the admin user who made it (null for Medusa's flows and the plugin's jobs). */
export type AdminLotEvent = InferTypeOf<typeof LotEvent> & { actor: AdminActor | null }

export type AdminLotDetail = AdminLot & { events: AdminLotEvent[] }

export type AdminLotResponse = { lot: AdminLotDetail }
export type AdminLotListResponse = PaginatedResponse<{ lots: AdminLot[] }>
export type AdminReceiveLotResponse = { lot: AdminLot; receipt: LotReceipt }
/** The receipts of a batch, in request order. */
export type AdminReceiveLotsResponse = { receipts: LotReceipt[] }
export type AdminLotStatusChangeResponse = { lot: AdminLot; status_change: LotStatusChange }
/** The lot as corrected, and what changed (empty `changes` when the values were the lot's own). */
export type AdminEditLotResponse = { lot: AdminLot; edit: Omit<LotEdit, "previous"> }
export type AdminAdjustLotResponse = { lot: AdminLot; adjustment: LotStockChangeResult }
export type AdminTransferLotResponse = { lot: AdminLot; transfer: LotStockChangeResult[] }
export type AdminInspectReturnedStockResponse = { lot: AdminLot }
export type AdminSplitLotResponse = { lot: AdminLot; children: AdminLot[]; split: LotTransformation }
export type AdminProduceLotResponse = { lot: AdminLot; production: LotTransformation }
/** GET /admin/lots/:id/trace: totals, the top of the tree, the first page of every table. */
export type AdminLotTraceResponse = { lot_id: string; trace: TraceSummary }
/** GET /admin/lots/:id/trace?table=…: one page of one table. */
export type AdminLotTraceTableResponse = { lot_id: string } & TraceTablePage
/** GET /admin/lots/:id/trace?node=…: an opened lot with one page of its children. */
export type AdminLotTraceNodeResponse = { lot_id: string } & TraceTreeLevel
export type AdminLotReconciliationResponse = LotIntegrityReport
export type AdminLotIntegrityRepairResponse = LotIntegrityRepair
export type AdminExpireLotsResponse = { count: number; expired: ExpiredLot[] }
export type AdminExpiryWarningsResponse = { count: number; warned: WarnedLot[] }

/** What the expiry screens show for an inventory item: its title and SKU, and the product variant it stocks. */
export type ExpiryItemInfo = {
  id: string
  title: string | null
  sku: string | null
  variant: { id: string; title: string | null; product_title: string | null } | null
}

export type AdminExpiringLot = ExpiringLotRow & { days_left: number; inventory_item: ExpiryItemInfo | null }
export type AdminExpiringLotListResponse = PaginatedResponse<{
  lots: AdminExpiringLot[]
  within_days: number
  as_of: string
}>

type ExpiryLocationGroup = ExpirySummary["by_location"][number]
type ExpiryProductGroup = ExpirySummary["by_product"][number]
export type AdminExpirySummaryResponse = Omit<ExpirySummary, "by_location" | "by_product"> & {
  by_location: (ExpiryLocationGroup & { location_name: string | null })[]
  by_product: (ExpiryProductGroup & { inventory_item: ExpiryItemInfo | null })[]
}

export type { AdminLotScanResponse } from "../../../modules/lot/domain/scan-assessment"

/** POST /admin/lots/scan's 400 for a scan that cannot be read: the parser's words and where it stopped. */
export type AdminLotScanErrorResponse = {
  type: "invalid_data"
  message: string
  scan_error: Pick<Gs1ParseError, "code" | "position"> & { ai: string | null }
}
