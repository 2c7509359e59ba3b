import type { FsmaCte, FsmaEventRow } from "../domain/fsma-event"
import { DEFAULT_UNIT_OF_MEASURE } from "../types"
import { EVENT_TIME_TEXT, eventPageWhere, type EventCursor } from "./event-page"
import type { Sql } from "./sql"

export type { FsmaEventRow } from "../domain/fsma-event"

/**
 * FDA FSMA 204 Critical Tracking Events read straight from the lot tables, in event-time order,
 * one keyset page per statement (event-page.ts) so an export of any size holds one page in memory
 * at a time.
 */

export type FsmaEventFilters = {
  /** Inclusive start and exclusive end of the period (UTC instants). */
  start: Date
  end: Date
  /** Events of these lots; a transformation also matches when one of them is an input. */
  lot_ids?: string[]
  /** Events of lots of these items; a transformation also matches when an input is one. */
  inventory_item_ids?: string[]
  /** Only these Critical Tracking Events (all when absent). */
  ctes?: FsmaCte[]
}

export type { EventCursor as FsmaCursor } from "./event-page"

/*
 * One branch per source of events, each with the same columns. The planner pushes the outer period,
 * cursor and filter predicates into every branch of the UNION ALL, and each branch's time is a
 * column or expression an index keeps in (time, id) order (Migration20261208010000), so a page is
 * a merge of index ranges however long the period is.
 * - Receiving: `received` history entries that no compensation reverted. The entry that created
 *   the lot (it carries the new status) happened at the lot's received_at, which the merchant may
 *   have back-dated; later receipts into the same lot happened when they were recorded.
 * - Transformation: the `produced` entry of each output lot, with the lineage edges of the same
 *   transformation as inputs (a reverted transformation's edges are retired, so it drops out).
 * - Shipping: shipment links not canceled; shipped when Medusa marked the shipment, else when the
 *   units left in the fulfillment.
 */
const NOT_REVERTED = `NOT EXISTS (SELECT 1 FROM lot_event r
                                 WHERE r.reference_type = 'lot_event' AND r.reference_id = e.id AND r.type = 'reverted')`
const EVENTS = `
  SELECT 'receiving' AS cte, e.id, l.received_at AS at,
         e.lot_id, e.quantity, e.location_id, e.reference_type, e.reference_id,
         NULL::text AS order_id, NULL::text AS customer_name, NULL::jsonb AS ship_to,
         e.data->>'reference_document_type' AS document_type, e.data->>'reference_document_number' AS document_number
    FROM lot l JOIN lot_event e ON e.lot_id = l.id AND e.type = 'received' AND e.to_status IS NOT NULL
   WHERE ${NOT_REVERTED}
  UNION ALL
  SELECT 'receiving', e.id, e.created_at, e.lot_id, e.quantity, e.location_id, e.reference_type, e.reference_id,
         NULL, NULL, NULL, e.data->>'reference_document_type', e.data->>'reference_document_number'
    FROM lot_event e
   WHERE e.type = 'received' AND e.to_status IS NULL AND ${NOT_REVERTED}
  UNION ALL
  SELECT 'transformation', e.id, e.created_at, e.lot_id, e.quantity, e.location_id, e.reference_type, e.reference_id,
         NULL, NULL, NULL, NULL, NULL
    FROM lot_event e
   WHERE e.type = 'produced'
     AND EXISTS (SELECT 1 FROM lot_lineage g
                  WHERE g.child_lot_id = e.lot_id AND g.transformation_id = e.reference_id AND g.deleted_at IS NULL)
  UNION ALL
  SELECT 'shipping', s.id, coalesce(s.shipped_at, s.fulfilled_at), s.lot_id, s.quantity, s.location_id,
         'fulfillment', s.fulfillment_id, s.order_id, s.customer_name, s.ship_to::jsonb, NULL, NULL
    FROM lot_shipment s
   WHERE s.status <> 'canceled' AND s.deleted_at IS NULL`

// Inputs of a transformation row, matched by the filters through its lineage edges.
const INPUT_EDGES = `SELECT 1 FROM lot_lineage g JOIN lot p ON p.id = g.parent_lot_id
                      WHERE ev.cte = 'transformation' AND g.child_lot_id = ev.lot_id
                        AND g.transformation_id = ev.reference_id AND g.deleted_at IS NULL`

/**
 * The next page of events in the period matching the filters, ordered by event time then id,
 * starting after `after` (from the beginning when absent).
 */
export async function listFsmaEventsSql(
  sql: Sql,
  filters: FsmaEventFilters,
  page: { after?: EventCursor; take: number }
): Promise<FsmaEventRow[]> {
  const { where, params } = eventPageWhere(filters, page.after)
  if (filters.lot_ids) {
    where.push(`(ev.lot_id IN (?) OR EXISTS (${INPUT_EDGES} AND g.parent_lot_id IN (?)))`)
    params.push(filters.lot_ids, filters.lot_ids)
  }
  if (filters.ctes) {
    where.push("ev.cte IN (?)")
    params.push(filters.ctes)
  }
  if (filters.inventory_item_ids) {
    where.push(`(l.inventory_item_id IN (?) OR EXISTS (${INPUT_EDGES} AND p.inventory_item_id IN (?)))`)
    params.push(filters.inventory_item_ids, filters.inventory_item_ids)
  }
  const rows = await sql.execute<FsmaEventRow[]>(
    `SELECT ev.cte, ev.id, ${EVENT_TIME_TEXT} AS occurred_at,
            ev.lot_id, l.lot_number, l.inventory_item_id, ev.quantity, ev.location_id,
            l.supplier, l.supplier_lot_number, l.supplier_details, l.exempt_source, l.tlc_assigned_by,
            ev.document_type, ev.document_number, coalesce(pol.unit_of_measure, ?) AS unit_of_measure,
            (SELECT g.location_id FROM lot_lineage g
              WHERE g.child_lot_id = l.id AND g.deleted_at IS NULL ORDER BY g.created_at LIMIT 1) AS made_at_location_id,
            (SELECT r.location_id FROM lot_event r
              WHERE r.lot_id = l.id AND r.type = 'received' ORDER BY r.created_at LIMIT 1) AS first_received_location_id,
            ev.reference_type, ev.reference_id, ev.order_id, ev.customer_name, ev.ship_to,
            CASE WHEN ev.cte = 'transformation' THEN (
              SELECT json_agg(json_build_object('lot_number', p.lot_number, 'inventory_item_id', p.inventory_item_id,
                                                'quantity', g.quantity, 'unit_of_measure', coalesce(pp.unit_of_measure, ?))
                              ORDER BY p.lot_number)
                FROM lot_lineage g JOIN lot p ON p.id = g.parent_lot_id
                LEFT JOIN lot_policy pp ON pp.inventory_item_id = p.inventory_item_id AND pp.deleted_at IS NULL
               WHERE g.child_lot_id = ev.lot_id AND g.transformation_id = ev.reference_id AND g.deleted_at IS NULL
            ) END AS inputs
       FROM (${EVENTS}) ev
       JOIN lot l ON l.id = ev.lot_id AND l.deleted_at IS NULL
       LEFT JOIN lot_policy pol ON pol.inventory_item_id = l.inventory_item_id AND pol.deleted_at IS NULL
      WHERE ${where.join(" AND ")}
      ORDER BY ev.at, ev.id
      LIMIT ?`,
    [DEFAULT_UNIT_OF_MEASURE, DEFAULT_UNIT_OF_MEASURE, ...params, page.take]
  )
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity) }))
}
