import type { LotEventType, LotLineageKind, TlcAssignedBy } from "../types/statuses"
import type { EpcisPlace } from "./epcis-identifiers"

/**
 * One event of the plugin's history as the EPCIS export reads it (the query fills it; epcis-events.ts
 * maps it). Rows come from lot_event (receipts, status changes, scraps, returns), lot_shipment
 * (shipping) and lot_lineage grouped by transformation_id (productions and splits).
 */

/** Units of one lot: the lot's names, its item's GTIN-14 (null when the item has none) and how many. */
export type EpcisLotQuantity = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  gtin: string | null
  /** Units the event concerns; its sign is ignored (the event type says which way they went). */
  quantity: number
  /** The item's unit of measure (its lot policy's). */
  unit_of_measure: string
  /** Serial numbers of the units, when they are serialised: the event then lists units, not a quantity. */
  serials?: string[] | null
}

export type EpcisEventRow = {
  /**
   * What the event is: received (a receipt), held / released / rejected / recalled / expired (a
   * status change), scrapped, shipped (a lot_shipment), returned, return_restocked, produced (a
   * whole production or split). Other types have no EPCIS counterpart and map to nothing.
   */
  type: LotEventType
  /** Our record's id (lot_event, lot_shipment or the transformation id): for tracing the event back. */
  id: string
  /** ISO 8601 with its offset: when it happened. */
  occurred_at: string
  /** The lot and units; null for a transformation (see `transformation`). */
  lot: EpcisLotQuantity | null
  /** Where: the receiving, holding, ship-from, return or production stock location, with its GLN. */
  location: EpcisPlace | null
  /** Status changes: the lot's status before and after (LotStatus values). */
  from_status: string | null
  to_status: string | null
  /** Receipts: who assigned the lot code (a lot we coded is commissioned here, not received). */
  tlc_assigned_by: TlcAssignedBy | null
  /** Receipts: the supplier, by its record id (or the lot id for a typed name) and GLN. */
  supplier: EpcisPlace | null
  /** Shipping and returns: the order, the customer (null for a guest) and the return. */
  order_id: string | null
  customer_id: string | null
  return_id: string | null
  /** Productions and splits: every input lot consumed and every output lot made, in one event. */
  transformation: { id: string; kind: LotLineageKind; inputs: EpcisLotQuantity[]; outputs: EpcisLotQuantity[] } | null
}
