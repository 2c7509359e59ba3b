import type { LotEventType, LotStatus, LotStatusAction, TlcAssignedBy } from "./statuses"

export type LotModuleOptions = {
  /** Status of newly received lots when the request does not say: "released" (default) or "quarantine". */
  receive_status?: typeof LotStatus.RELEASED | typeof LotStatus.QUARANTINE
  /** Default plant and line codes for `{PLANT}` / `{LINE}` in lot-number templates. */
  plant_code?: string
  line_code?: string
  /** Returned units go into quarantine at the return's location until inspected (default true). */
  return_to_quarantine?: boolean
  /** Days before expiry at which `lot.expiring_soon` is emitted, once per window (default 90, 60, 30). */
  expiry_warning_days?: number[]
  /**
   * EPCIS export: the merchant's own http(s) address under which things without a GS1 key are
   * named (`{base}/location/sloc_…`). Default: the admin's address the export is requested at + `/epcis`.
   */
  epcis_base_uri?: string | null
  /** EPCIS export: the merchant's GLN as the owner of its stock (default: none, `{base}/party/merchant`). */
  epcis_party_gln?: string | null
}

/** Unit of measure of an item whose lot policy names none: lots count whole pieces. */
export const DEFAULT_UNIT_OF_MEASURE = "each"

export type LotEventInput = {
  lot_id: string
  type: LotEventType
  quantity?: number
  location_id?: string | null
  to_location_id?: string | null
  from_status?: string | null
  to_status?: string | null
  actor_id?: string | null
  reason?: string | null
  note?: string | null
  reference_type?: string | null
  reference_id?: string | null
  data?: Record<string, unknown> | null
}

/** One change of a lot's on-hand quantity at a location: a signed delta or an absolute count. */
export type LotStockChange = {
  lot_id: string
  location_id: string
  /** Signed change in whole units. Exactly one of delta / counted_quantity. */
  delta?: number
  /** The quantity physically counted; the change is computed under the row lock. */
  counted_quantity?: number
  /** The units are returned ones awaiting inspection: they enter (delta > 0) or leave that pool too. */
  quarantined?: boolean
  event: Omit<LotEventInput, "lot_id" | "location_id" | "quantity">
}

export type LotStockChangeResult = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  location_id: string
  previous_quantity: number
  quantity: number
  delta: number
  quarantined: boolean
  event_id: string
  /** The recorded change Medusa's stocked quantity follows (receipts, adjustments, transfers). */
  level_change_id?: string
}

/** Stock that gained units: a lot at a location, or at every location it is stocked (`location_id` null). */
export type StockGain = { lot_id: string; location_id: string | null }

export type ReceiveLotInput = {
  /** Add to this existing lot instead of creating one. */
  lot_id?: string
  lot_number?: string
  inventory_item_id: string
  location_id: string
  quantity: number
  status?: LotStatus
  manufactured_at?: Date | string | null
  expires_at?: Date | string | null
  best_before_at?: Date | string | null
  received_at?: Date | string | null
  supplier?: string | null
  supplier_lot_number?: string | null
  /** The supplier record the lot came from; `supplier` then holds its name. */
  supplier_id?: string | null
  /** The supplier's location and references as received (filled from `supplier_id`). */
  supplier_details?: Record<string, unknown> | null
  /** Received from a source exempt under 21 CFR 1.1345(b). */
  exempt_source?: boolean
  tlc_assigned_by?: TlcAssignedBy | null
  /** The receipt's reference document, e.g. "Bill of lading" / "BOL-4471". */
  receipt_document_type?: string | null
  receipt_document_number?: string | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
  actor_id?: string | null
  reference_type?: string | null
  reference_id?: string | null
  /** Plant and line codes for `{PLANT}` / `{LINE}` when the lot number is generated. */
  plant_code?: string | null
  line_code?: string | null
}

export type LotReceipt = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  location_id: string
  quantity: number
  created: boolean
  event_id: string
  /** The recorded change Medusa's stocked quantity follows (receipts through the receive workflow). */
  level_change_id?: string
}

export type LotStatusChangeInput = {
  lot_id: string
  action: LotStatusAction
  actor_id?: string | null
  reason?: string | null
  note?: string | null
  data?: Record<string, unknown> | null
}

export type LotStatusChange = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  from_status: LotStatus
  to_status: LotStatus
  event_id: string
}


/** Untracked units (Medusa stocks them, no lot holds them) put into a new or existing lot. */
export type AssignUntrackedStockInput = ReceiveLotInput & {
  /** Medusa's stocked quantity at the location, read before; the assignment does not change it. */
  stocked_quantity: number
  /** The inventory level the units come from, kept as the history entry's reference. */
  inventory_level_id?: string | null
}

export type UntrackedStockAssignment = LotReceipt & {
  /** Untracked units left at the location after this assignment. */
  untracked_quantity: number
}
