import type { TlcAssignedBy } from "../types/statuses"
import type { SupplierDetails } from "./lot-supplier"

/** An FDA FSMA 204 Critical Tracking Event of a lot, as the export reads it. */

export type FsmaCte = "receiving" | "transformation" | "shipping"

export type FsmaInputLot = { lot_number: string; inventory_item_id: string; quantity: number; unit_of_measure: string }

export type FsmaEventRow = {
  cte: FsmaCte
  /** lot_event id (receiving, transformation) or lot_shipment id (shipping). */
  id: string
  /** ISO 8601, UTC, microseconds: when the lot was received, transformed or shipped. */
  occurred_at: string
  lot_id: string
  lot_number: string
  inventory_item_id: string
  quantity: number
  /** The item's unit of measure (its lot policy's). */
  unit_of_measure: string
  /** Receiving location, transformation location, or ship-from location. */
  location_id: string | null
  supplier: string | null
  supplier_lot_number: string | null
  /** The supplier's location and references as the lot was received (null for a free-text supplier). */
  supplier_details: SupplierDetails | null
  exempt_source: boolean
  tlc_assigned_by: TlcAssignedBy | null
  /** Receiving only: the delivery's reference document typed on receipt. */
  document_type: string | null
  document_number: string | null
  /** Where the lot was made, when a production or split created it. */
  made_at_location_id: string | null
  /** Where the lot was first received, when it was received. */
  first_received_location_id: string | null
  reference_type: string | null
  reference_id: string | null
  order_id: string | null
  customer_name: string | null
  ship_to: Record<string, unknown> | null
  /** Transformation only: the input lots of this output lot, by lot number. */
  inputs: FsmaInputLot[] | null
}
