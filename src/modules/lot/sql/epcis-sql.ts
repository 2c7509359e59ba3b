import type { EpcisEventRow, EpcisLotQuantity } from "../domain/epcis-event-row"
import { DEFAULT_UNIT_OF_MEASURE, LotEventType, type LotLineageKind, type TlcAssignedBy } from "../types"
import { EVENT_TIME_TEXT, eventPageWhere, type EventCursor } from "./event-page"
import type { Sql } from "./sql"

/**
 * The lot history an EPCIS 2.0 export maps (epcis-events.ts), read straight from the lot tables in
 * event-time order, one keyset page per statement (event-page.ts) so an export of any size holds
 * one page at a time.
 *
 * The rows name items and locations by id only: an item's GTIN and a stock location's GLN live in
 * other Medusa modules, and the route adds them per page (`gtin` and `location.gln` are null here).
 */

export type EpcisEventFilters = {
  /** Inclusive start and exclusive end of the period (UTC instants). */
  start: Date
  end: Date
  /** Events of these lots; a production or split also matches when one of them went in or came out. */
  lot_ids?: string[]
  /** Events of lots of these items, with the same rule for productions and splits. */
  inventory_item_ids?: string[]
}


/** History entries read at their own time: status changes, scraps, returns and restocks (IDX_lot_event_epcis_at). */
const TIMED_TYPES = [
  LotEventType.HELD, LotEventType.RELEASED, LotEventType.REJECTED, LotEventType.RECALLED, LotEventType.EXPIRED,
  LotEventType.SCRAPPED, LotEventType.RETURNED, LotEventType.RETURN_RESTOCKED,
]

const NOT_REVERTED = `NOT EXISTS (SELECT 1 FROM lot_event r
                                 WHERE r.reference_type = 'lot_event' AND r.reference_id = e.id AND r.type = 'reverted')`

/*
 * One branch per source, the same columns in each; every branch's time is a column or expression
 * an index keeps in (time, id) order, so the outer period, cursor and filters make each a range.
 * - The receipt that created a lot happened at its received_at (which may be back-dated, as in
 *   the FSMA 204 export); later receipts, status changes, scraps and returns when recorded.
 *   Entries a compensation reverted never happened.
 * - A production or split is one event, keyed by its transformation id and read from its first
 *   `produced` entry; a reverted one has retired lineage edges and drops out.
 * - Shipping: shipment links not canceled, when Medusa marked the shipment, else when the units left.
 */
const EVENTS = `
  SELECT e.type, e.id, l.received_at AS at, e.lot_id, e.quantity, e.location_id, e.from_status, e.to_status,
         NULL::text AS order_id, NULL::text AS customer_id, NULL::text AS return_id, NULL::text AS kind
    FROM lot l JOIN lot_event e ON e.lot_id = l.id AND e.type = 'received' AND e.to_status IS NOT NULL
   WHERE ${NOT_REVERTED}
  UNION ALL
  SELECT e.type, e.id, e.created_at, e.lot_id, e.quantity, e.location_id, e.from_status, e.to_status, NULL, NULL, NULL, NULL
    FROM lot_event e
   WHERE e.type = 'received' AND e.to_status IS NULL AND ${NOT_REVERTED}
  UNION ALL
  SELECT e.type, e.id, e.created_at, e.lot_id, e.quantity, e.location_id, e.from_status, e.to_status,
         e.data->>'order_id', (SELECT s.customer_id FROM lot_shipment s WHERE s.id = e.data->>'shipment_id'),
         CASE WHEN e.reference_type = 'return' THEN e.reference_id END, NULL
    FROM lot_event e
   WHERE e.type IN (${TIMED_TYPES.map((type) => `'${type}'`).join(", ")}) AND ${NOT_REVERTED}
  UNION ALL
  SELECT e.type, e.reference_id, e.created_at, NULL, 0, e.location_id, NULL, NULL, NULL, NULL, NULL, e.reference_type
    FROM lot_event e
   WHERE e.type = 'produced'
     AND NOT EXISTS (SELECT 1 FROM lot_event o WHERE o.reference_type = e.reference_type AND o.reference_id = e.reference_id
                                                 AND o.type = 'produced' AND o.id < e.id)
     AND EXISTS (SELECT 1 FROM lot_lineage g WHERE g.transformation_id = e.reference_id AND g.deleted_at IS NULL)
  UNION ALL
  SELECT 'shipped', s.id, coalesce(s.shipped_at, s.fulfilled_at), s.lot_id, s.quantity, s.location_id, NULL, NULL,
         s.order_id, s.customer_id, NULL, NULL
    FROM lot_shipment s
   WHERE s.status <> 'canceled' AND s.deleted_at IS NULL`

// The lots that went into (consumed) or came out of (produced) a production or split row `ev`.
const TRANSFORMED_LOTS = `SELECT 1 FROM lot_event c JOIN lot p ON p.id = c.lot_id
                           WHERE ev.type = 'produced' AND c.reference_type = ev.kind AND c.reference_id = ev.id
                             AND c.type IN ('consumed', 'produced')`

type LotColumns = Omit<EpcisLotQuantity, "gtin">
type TransformedLot = LotColumns & { side: "input" | "output" }

type EpcisSqlRow = {
  type: EpcisEventRow["type"]
  id: string
  occurred_at: string
  lot: LotColumns | null
  location_id: string | null
  from_status: string | null
  to_status: string | null
  tlc_assigned_by: TlcAssignedBy | null
  supplier_id: string | null
  supplier_gln: string | null
  order_id: string | null
  customer_id: string | null
  return_id: string | null
  kind: LotLineageKind | null
  transformed: TransformedLot[] | null
}

/**
 * The next page of exported events in the period matching the filters, ordered by event time
 * then id, starting after `after` (from the beginning when absent).
 */
export async function listEpcisEventsSql(
  sql: Sql,
  filters: EpcisEventFilters,
  page: { after?: EventCursor; take: number }
): Promise<EpcisEventRow[]> {
  const { where, params } = eventPageWhere(filters, page.after)
  where.push("(ev.lot_id IS NULL OR l.id IS NOT NULL)")
  if (filters.lot_ids) {
    where.push(`(ev.lot_id IN (?) OR EXISTS (${TRANSFORMED_LOTS} AND c.lot_id IN (?)))`)
    params.push(filters.lot_ids, filters.lot_ids)
  }
  if (filters.inventory_item_ids) {
    where.push(`(l.inventory_item_id IN (?) OR EXISTS (${TRANSFORMED_LOTS} AND p.inventory_item_id IN (?)))`)
    params.push(filters.inventory_item_ids, filters.inventory_item_ids)
  }
  const rows = await sql.execute<EpcisSqlRow[]>(
    `SELECT ev.type, ev.id, ${EVENT_TIME_TEXT} AS occurred_at,
            CASE WHEN l.id IS NOT NULL THEN json_build_object(
              'lot_id', l.id, 'lot_number', l.lot_number, 'inventory_item_id', l.inventory_item_id,
              'quantity', ev.quantity, 'unit_of_measure', coalesce(pol.unit_of_measure, ?)) END AS lot,
            ev.location_id, ev.from_status, ev.to_status,
            CASE WHEN ev.type = 'received' THEN l.tlc_assigned_by END AS tlc_assigned_by,
            -- A supplier typed by name has no record: the lot stands for it.
            CASE WHEN ev.type = 'received' AND (l.supplier_id IS NOT NULL OR l.supplier IS NOT NULL)
                 THEN coalesce(l.supplier_id, l.id) END AS supplier_id,
            CASE WHEN ev.type = 'received' THEN l.supplier_details->>'gln' END AS supplier_gln,
            ev.order_id, ev.customer_id, ev.return_id, ev.kind,
            CASE WHEN ev.type = 'produced' THEN (
              SELECT json_agg(json_build_object('side', CASE WHEN c.type = 'consumed' THEN 'input' ELSE 'output' END,
                                                'lot_id', p.id, 'lot_number', p.lot_number, 'inventory_item_id', p.inventory_item_id,
                                                'quantity', abs(c.quantity), 'unit_of_measure', coalesce(pp.unit_of_measure, ?))
                              ORDER BY p.lot_number, c.id)
                FROM lot_event c JOIN lot p ON p.id = c.lot_id
                LEFT JOIN lot_policy pp ON pp.inventory_item_id = p.inventory_item_id AND pp.deleted_at IS NULL
               WHERE c.reference_type = ev.kind AND c.reference_id = ev.id AND c.type IN ('consumed', 'produced')
            ) END AS transformed
       FROM (${EVENTS}) ev
       LEFT JOIN lot l ON l.id = ev.lot_id AND l.deleted_at IS NULL
       LEFT JOIN lot_policy pol ON pol.inventory_item_id = l.inventory_item_id AND pol.deleted_at IS NULL
      WHERE ${where.join(" AND ")}
      ORDER BY ev.at, ev.id
      LIMIT ?`,
    [DEFAULT_UNIT_OF_MEASURE, DEFAULT_UNIT_OF_MEASURE, ...params, page.take]
  )
  return rows.map(toEventRow)
}

const lotOf = (lot: LotColumns): EpcisLotQuantity => ({
  lot_id: lot.lot_id,
  lot_number: lot.lot_number,
  inventory_item_id: lot.inventory_item_id,
  gtin: null,
  quantity: Number(lot.quantity),
  unit_of_measure: lot.unit_of_measure,
})

function toEventRow(row: EpcisSqlRow): EpcisEventRow {
  const transformed = row.transformed ?? []
  return {
    type: row.type,
    id: row.id,
    occurred_at: row.occurred_at,
    lot: row.lot ? lotOf(row.lot) : null,
    location: row.location_id ? { id: row.location_id, gln: null } : null,
    from_status: row.from_status,
    to_status: row.to_status,
    tlc_assigned_by: row.tlc_assigned_by,
    supplier: row.supplier_id ? { id: row.supplier_id, gln: row.supplier_gln } : null,
    order_id: row.order_id,
    customer_id: row.customer_id,
    return_id: row.return_id,
    transformation:
      row.kind && row.type === LotEventType.PRODUCED
        ? {
            id: row.id,
            kind: row.kind,
            inputs: transformed.filter((lot) => lot.side === "input").map(lotOf),
            outputs: transformed.filter((lot) => lot.side === "output").map(lotOf),
          }
        : null,
  }
}
