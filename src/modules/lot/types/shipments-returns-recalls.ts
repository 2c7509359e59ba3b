import type { LotShipmentStatus, LotStatus, RecallClassification } from "./statuses"
import type { LotStockChangeResult } from "./stock"

export type ReturnPlanEntry = {
  lot_id: string
  shipment_id: string | null
  quantity: number
  chosen_by: "merchant" | "plugin"
}

export type RecallScopeSummary = {
  lots: number
  shipments: number
  customers: number
  orders: number
  shipped_quantity: number
  /** Units of those shipments returned so far. */
  returned_quantity: number
  /** Units still with customers: shipped − returned. */
  outstanding_quantity: number
  on_hand_quantity: number
  received_quantity: number
  /** Units the history accounts for (received minus every unexplained unit, per lot). */
  accounted_quantity: number
  /** accounted / received in %, two decimals; 100 when nothing was received. */
  mass_balance_percent: number
  unbalanced_lots: number
  /** The genealogy went deeper than the walk's limit: the scope may be incomplete. */
  truncated: boolean
  duration_ms: number
}

/** A fulfillment as Medusa holds it now: who it went to and how far it got. */
export type LotShipmentSnapshot = {
  fulfillment_id: string
  customer_id: string | null
  customer_email: string | null
  customer_name: string | null
  ship_to: Record<string, unknown> | null
  fulfilled_at: Date | string
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  canceled_at: Date | string | null
}

export type LotShipmentRecord = {
  id: string
  status: LotShipmentStatus
  shipped_at: Date | null
  delivered_at: Date | null
  canceled_at: Date | null
}

/** A received return as Medusa restocked it: per line, the units restocked so far in all. */
export type BookReturnInput = {
  return_id: string
  order_id: string
  location_id: string
  /** Book the units as returned units awaiting inspection (the `return_to_quarantine` option). */
  quarantine: boolean
  lines: { line_item_id: string; inventory_item_id: string; units: number }[]
  actor_id?: string | null
}

export type BookedReturn = {
  return_id: string
  order_id: string
  location_id: string
  quarantined: boolean
  bookings: (ReturnPlanEntry & { line_item_id: string })[]
  stock: LotStockChangeResult[]
  /**
   * Units Medusa restocked that no shipment of the line explains (its fulfillment was canceled
   * after the return was requested, or they shipped before lots were tracked): in no lot,
   * recorded in `lot_return_surplus` (`surplus_ids`).
   */
  unmatched: { line_item_id: string; quantity: number }[]
  surplus_ids?: string[]
}

export type OpenRecallInput = {
  lot_ids: string[]
  reason: string
  classification: RecallClassification
  public_notice?: string | null
  actor_id?: string | null
}

export type OpenedRecall = {
  id: string
  recall_number: string
  classification: RecallClassification
  /** Every lot in scope: the named ones and all made from them. */
  lot_ids: string[]
  /** Lots whose status the recall changed (to recalled), with the status they had. */
  status_changes: { lot_id: string; from_status: LotStatus }[]
  summary: RecallScopeSummary
}
