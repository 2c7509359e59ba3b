import type { LotEventType, LotLineageKind, LotShipmentStatus, LotStatus } from "../types"

/**
 * What a trace returns: the lots reached (with their depth), the lineage edges walked, the shipments
 * and stock of those lots, and their history totals. Dates are ISO 8601 strings.
 */

export type TraceDirection = "forward" | "backward"

export type TracedLot = {
  id: string
  lot_number: string
  inventory_item_id: string
  status: LotStatus
  manufactured_at: string | null
  expires_at: string | null
  received_at: string
  supplier: string | null
  supplier_lot_number: string | null
  /** Links from the nearest starting lot (0 for a starting lot). */
  depth: number
}

export type TracedLineage = {
  id: string
  parent_lot_id: string
  child_lot_id: string
  kind: LotLineageKind
  transformation_id: string
  location_id: string
  quantity: number
  created_at: string
}

export type TracedShipment = {
  id: string
  lot_id: string
  inventory_item_id: string
  order_id: string
  line_item_id: string
  fulfillment_id: string
  location_id: string
  quantity: number
  returned_quantity: number
  /** Units of this shipment still out there: shipped minus returned. */
  outstanding_quantity: number
  status: LotShipmentStatus
  customer_id: string | null
  customer_email: string | null
  customer_name: string | null
  ship_to: Record<string, unknown> | null
  fulfilled_at: string
  shipped_at: string | null
  delivered_at: string | null
}

export type TracedStock = {
  lot_id: string
  location_id: string
  quantity: number
  allocated_quantity: number
  quarantined_quantity: number
}

export type LotEventTotalRow = { lot_id: string; type: LotEventType; quantity: number }

export type LotTrace = {
  direction: TraceDirection
  max_depth: number
  lots: TracedLot[]
  lineage: TracedLineage[]
  /** Forward traces only: every shipment of a traced lot that was not canceled. */
  shipments: TracedShipment[]
  /** Stock rows of the traced lots that still hold units. */
  stock: TracedStock[]
  /** Signed history sums per lot and event type (for the mass balance). */
  event_totals: LotEventTotalRow[]
  /** The depth limit cut the walk short: some lot at the limit has further links. */
  truncated: boolean
}
