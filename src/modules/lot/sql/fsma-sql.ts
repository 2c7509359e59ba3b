import type { FsmaCte, FsmaEventRow } from "../domain/fsma-event"
import { DEFAULT_UNIT_OF_MEASURE } from "../types"
import { EVENT_TIME_TEXT, type EventCursor } from "./event-page"
import type { Sql } from "./sql"

export type { FsmaEventRow } from "../domain/fsma-event"

/**
 * FDA FSMA 204 Critical Tracking Events read straight from the lot tables, in event-time order,
 * one keyset page per statement so an export of any size holds one page in memory at a time
 * (times as exact text, see event-page.ts).
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
 * One branch per source of events, each with the same columns, its own predicates, and its own
 * ORDER BY time, id LIMIT take: a subquery of a UNION ALL is planned on its own, so only a branch
 * that asks for its index order reads its (time, id) index range (Migration20261208010000) and
 * stops after a page; the outer statement then merges at most one page per source.
 * - Receiving: `received` history entries that no compensation reverted. The entry that created
 *   the lot (it carries the new status) happened at the lot's received_at, which the merchant may
 *   have back-dated; later receipts into the same lot happened when they were recorded.
 * - Transformation: the `produced` entry of each output lot, with the lineage edges of the same
 *   transformation as inputs (a reverted transformation's edges are retired, so it drops out).
 * - Shipping: shipment links not canceled; shipped when Medusa marked the shipment, else when the
 *   units left in the fulfillment.
 * The lot, a lot's creating receipt and a transformation's edge are each read through a LATERAL
 * ... LIMIT 1: a probe per row the planner cannot turn into a hash join, which would read every
 * row left in the period and sort them once a page is a large share of what is left.
 * History is append-only (deleted_at stays null), but the predicates say `deleted_at IS NULL` so
 * the partial indexes on lot_event serve them. Every branch checks the lot filters itself, so the
 * outer statement drops nothing a branch's LIMIT counted.
 */
type FsmaSource = {
  cte: FsmaCte
  /** The branch's columns, named as the outer statement reads them. */
  columns: string
  /** FROM and WHERE of the source, with its lot as `l`. */
  from: string
  at: string
  id: string
  /** The source's own lot id column: filters name it, so the planner can start from the lot's rows. */
  lot: string
  /** A transformation's input edges (joined to each input lot `p`), which lot and item filters also match. */
  inputs?: string
}

const LOT_COLUMNS = `l.lot_number, l.inventory_item_id, l.supplier, l.supplier_lot_number, l.supplier_details,
         l.exempt_source, l.tlc_assigned_by`
const lotOf = (lotId: string) => `CROSS JOIN LATERAL (SELECT l.id, ${LOT_COLUMNS} FROM lot l
                                        WHERE l.id = ${lotId} AND l.deleted_at IS NULL LIMIT 1) l`
const NOT_REVERTED = `NOT EXISTS (SELECT 1 FROM lot_event r
                                 WHERE r.reference_type = 'lot_event' AND r.reference_id = e.id AND r.type = 'reverted'
                                   AND r.deleted_at IS NULL)`
const RECEIPT_COLUMNS = `e.quantity, e.location_id, e.reference_type, e.reference_id,
         NULL::text AS order_id, NULL::text AS customer_name, NULL::jsonb AS ship_to,
         e.data->>'reference_document_type' AS document_type, e.data->>'reference_document_number' AS document_number`
const SOURCES: FsmaSource[] = [
  {
    cte: "receiving",
    columns: `'receiving' AS cte, e.id, l.received_at AS at, l.id AS lot_id, ${LOT_COLUMNS}, ${RECEIPT_COLUMNS}`,
    from: `FROM lot l
          CROSS JOIN LATERAL (SELECT e.* FROM lot_event e
                               WHERE e.lot_id = l.id AND e.type = 'received' AND e.to_status IS NOT NULL
                                 AND e.deleted_at IS NULL AND ${NOT_REVERTED}
                               LIMIT 1) e
          WHERE l.deleted_at IS NULL`,
    at: "l.received_at",
    id: "e.id",
    lot: "l.id",
  },
  {
    cte: "receiving",
    columns: `'receiving' AS cte, e.id, e.created_at AS at, e.lot_id, ${LOT_COLUMNS}, ${RECEIPT_COLUMNS}`,
    from: `FROM lot_event e ${lotOf("e.lot_id")}
          WHERE e.type = 'received' AND e.to_status IS NULL AND e.deleted_at IS NULL AND ${NOT_REVERTED}`,
    at: "e.created_at",
    id: "e.id",
    lot: "e.lot_id",
  },
  {
    cte: "transformation",
    columns: `'transformation' AS cte, e.id, e.created_at AS at, e.lot_id, ${LOT_COLUMNS}, e.quantity, e.location_id,
         e.reference_type, e.reference_id, NULL::text AS order_id, NULL::text AS customer_name, NULL::jsonb AS ship_to,
         NULL::text AS document_type, NULL::text AS document_number`,
    from: `FROM lot_event e ${lotOf("e.lot_id")}
          CROSS JOIN LATERAL (SELECT 1 FROM lot_lineage g
                               WHERE g.child_lot_id = e.lot_id AND g.transformation_id = e.reference_id AND g.deleted_at IS NULL
                               LIMIT 1) edge
          WHERE e.type = 'produced' AND e.deleted_at IS NULL`,
    at: "e.created_at",
    id: "e.id",
    lot: "e.lot_id",
    inputs: `SELECT 1 FROM lot_lineage g JOIN lot p ON p.id = g.parent_lot_id
              WHERE g.child_lot_id = e.lot_id AND g.transformation_id = e.reference_id AND g.deleted_at IS NULL`,
  },
  {
    cte: "shipping",
    columns: `'shipping' AS cte, s.id, coalesce(s.shipped_at, s.fulfilled_at) AS at, s.lot_id, ${LOT_COLUMNS}, s.quantity,
         s.location_id, 'fulfillment' AS reference_type, s.fulfillment_id AS reference_id, s.order_id, s.customer_name, s.ship_to,
         NULL::text AS document_type, NULL::text AS document_number`,
    from: `FROM lot_shipment s ${lotOf("s.lot_id")}
          WHERE s.status <> 'canceled' AND s.deleted_at IS NULL`,
    at: "coalesce(s.shipped_at, s.fulfilled_at)",
    id: "s.id",
    lot: "s.lot_id",
  },
]

/** One source's next page: its rows after the cursor in the period matching the filters, in (time, id) order. */
function sourcePage(source: FsmaSource, filters: FsmaEventFilters, page: { after?: EventCursor; take: number }) {
  const where = [`${source.at} >= ?`, `${source.at} < ?`]
  const params: unknown[] = [filters.start, filters.end]
  if (page.after) {
    // The plain bound lets the time index start at the cursor; the row comparison breaks the tie.
    where.push(`${source.at} >= ?::timestamptz`, `(${source.at}, ${source.id}) > (?::timestamptz, ?)`)
    params.push(page.after.occurred_at, page.after.occurred_at, page.after.id)
  }
  if (filters.lot_ids) {
    // A transformation's edges name its output (child) and inputs (parents): one semi-join the
    // lineage indexes can drive, where an OR with the output's own id would scan the period.
    where.push(source.inputs ? `EXISTS (${source.inputs} AND (g.child_lot_id IN (?) OR g.parent_lot_id IN (?)))` : `${source.lot} IN (?)`)
    params.push(...(source.inputs ? [filters.lot_ids, filters.lot_ids] : [filters.lot_ids]))
  }
  if (filters.inventory_item_ids) {
    const itemLots = "SELECT i.id FROM lot i WHERE i.inventory_item_id IN (?) AND i.deleted_at IS NULL"
    where.push(
      source.inputs
        ? `EXISTS (${source.inputs} AND (g.child_lot_id IN (${itemLots}) OR p.inventory_item_id IN (?)))`
        : `${source.lot} IN (${itemLots})`
    )
    params.push(...(source.inputs ? [filters.inventory_item_ids, filters.inventory_item_ids] : [filters.inventory_item_ids]))
  }
  params.push(page.take)
  return {
    text: `(SELECT ${source.columns}
       ${source.from} AND ${where.join(" AND ")}
      ORDER BY at, id LIMIT ?)`,
    params,
  }
}

/**
 * The next page of events in the period matching the filters, ordered by event time then id,
 * starting after `after` (from the beginning when absent).
 */
export async function listFsmaEventsSql(
  sql: Sql,
  filters: FsmaEventFilters,
  page: { after?: EventCursor; take: number }
): Promise<FsmaEventRow[]> {
  const branches = SOURCES.filter((source) => !filters.ctes || filters.ctes.includes(source.cte)).map((source) =>
    sourcePage(source, filters, page)
  )
  if (!branches.length) {
    return []
  }
  const rows = await sql.execute<FsmaEventRow[]>(
    `SELECT ev.cte, ev.id, ${EVENT_TIME_TEXT} AS occurred_at,
            ev.lot_id, ev.lot_number, ev.inventory_item_id, ev.quantity, ev.location_id,
            ev.supplier, ev.supplier_lot_number, ev.supplier_details, ev.exempt_source, ev.tlc_assigned_by,
            ev.document_type, ev.document_number, coalesce(pol.unit_of_measure, ?) AS unit_of_measure,
            (SELECT g.location_id FROM lot_lineage g
              WHERE g.child_lot_id = ev.lot_id AND g.deleted_at IS NULL ORDER BY g.created_at LIMIT 1) AS made_at_location_id,
            (SELECT r.location_id FROM lot_event r
              WHERE r.lot_id = ev.lot_id AND r.type = 'received' AND r.deleted_at IS NULL
              ORDER BY r.created_at LIMIT 1) AS first_received_location_id,
            ev.reference_type, ev.reference_id, ev.order_id, ev.customer_name, ev.ship_to,
            CASE WHEN ev.cte = 'transformation' THEN (
              SELECT json_agg(json_build_object('lot_number', p.lot_number, 'inventory_item_id', p.inventory_item_id,
                                                'quantity', g.quantity, 'unit_of_measure', coalesce(pp.unit_of_measure, ?))
                              ORDER BY p.lot_number)
                FROM lot_lineage g JOIN lot p ON p.id = g.parent_lot_id
                LEFT JOIN lot_policy pp ON pp.inventory_item_id = p.inventory_item_id AND pp.deleted_at IS NULL
               WHERE g.child_lot_id = ev.lot_id AND g.transformation_id = ev.reference_id AND g.deleted_at IS NULL
            ) END AS inputs
       FROM (${branches.map((b) => b.text).join("\n      UNION ALL ")}) ev
       LEFT JOIN lot_policy pol ON pol.inventory_item_id = ev.inventory_item_id AND pol.deleted_at IS NULL
      ORDER BY ev.at, ev.id
      LIMIT ?`,
    [DEFAULT_UNIT_OF_MEASURE, DEFAULT_UNIT_OF_MEASURE, ...branches.flatMap((b) => b.params), page.take]
  )
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity) }))
}
