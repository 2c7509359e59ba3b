import type { LotTrace, TraceDirection, TracedShipment } from "../domain/lot-trace"
import type { Sql } from "./sql"

export type {
  LotEventTotalRow,
  LotTrace,
  TraceDirection,
  TracedLineage,
  TracedLot,
  TracedShipment,
  TracedStock,
} from "../domain/lot-trace"

/**
 * Traceability reads: the genealogy walked with one recursive CTE over the indexed link tables
 * (lot_lineage by parent or child, lot_stock / lot_event by lot) in ONE statement per trace, and
 * the shipments of every lot it reached in a second one — never one query per lot. Lot, lineage
 * and stock dates come back as ISO strings (JSON); shipments are plain rows with ISO date strings.
 */

// A direction is a choice of columns, never input: the SQL text stays fixed per direction.
const STEP: Record<TraceDirection, { from: string; to: string }> = {
  forward: { from: "parent_lot_id", to: "child_lot_id" },
  backward: { from: "child_lot_id", to: "parent_lot_id" },
}

// Shipments travel as rows, not JSON: building a JSON object per shipment cost more than the
// whole walk (thousands of shipments per raw-material lot), and sorting them in PostgreSQL
// spilled to disk; they are sorted in JS instead (byFulfillment). The driver hands timestamps
// over as PostgreSQL's text, so they are written as JSON dates (ISO 8601) like every other date.
const SHIPMENT_COLUMNS = `s.id, s.lot_id, s.inventory_item_id, s.order_id, s.line_item_id, s.fulfillment_id, s.location_id,
  s.quantity, s.returned_quantity, s.quantity - s.returned_quantity AS outstanding_quantity, s.status,
  s.customer_id, s.customer_email, s.customer_name, s.ship_to, to_json(s.fulfilled_at) #>> '{}' AS fulfilled_at,
  to_json(s.shipped_at) #>> '{}' AS shipped_at, to_json(s.delivered_at) #>> '{}' AS delivered_at`

/** Oldest fulfillment first, ties by id (each date parsed once, not once per comparison). */
function byFulfillment(rows: TracedShipment[]): TracedShipment[] {
  return rows
    .map((row) => ({ row, at: Date.parse(row.fulfilled_at) }))
    .sort((a, b) => a.at - b.at || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0))
    .map(({ row }) => row)
}

/**
 * The shipments (not canceled) of the given lots. The ids travel as one JSON array parameter, so
 * a trace reaching thousands of lots stays one statement with one bind value; each id is looked
 * up through the partial lot_id index.
 */
async function shipmentsOfLots(sql: Sql, lotIds: string[]): Promise<TracedShipment[]> {
  const rows = await sql.execute<TracedShipment[]>(
    `SELECT ${SHIPMENT_COLUMNS}
       FROM lot_shipment s
      WHERE s.lot_id IN (SELECT json_array_elements_text(?::json))
        AND s.status <> 'canceled' AND s.deleted_at IS NULL`,
    [JSON.stringify(lotIds)]
  )
  return byFulfillment(rows)
}

/**
 * Each traced lot's rows are read through LATERAL subqueries, so they come from the lot_id indexes
 * lot by lot: a join would let the planner scan a whole table (lot_event grows with every change)
 * for the few hundred lots of one trace, which its row estimates for the walk cannot rule out. OFFSET 0 (and
 * the GROUP BY for history sums) keeps PostgreSQL from flattening them back into such a join.
 * The `deleted_at IS NULL` filters let the partial lot_id indexes serve every lookup.
 *
 * The walk: UNION (not UNION ALL) keeps one row per (lot, depth, edge), and the depth bound stops
 * it, so a lineage cycle ends after at most `max_depth` rounds instead of looping forever, and a
 * lot reached along many paths is expanded at most once per depth.
 */
function traceStatement(direction: TraceDirection): string {
  const { from, to } = STEP[direction]
  return `WITH RECURSIVE walk (lot_id, depth, edge_id) AS (
      SELECT l.id, 0, NULL::text FROM lot l WHERE l.id IN (?) AND l.deleted_at IS NULL
    UNION
      SELECT e.${to}, w.depth + 1, e.id
        FROM walk w
        JOIN lot_lineage e ON e.${from} = w.lot_id AND e.deleted_at IS NULL
       WHERE w.depth < ?
  ), reached AS (
    SELECT lot_id, min(depth) AS depth FROM walk GROUP BY lot_id
  ), lots AS (
    SELECT l.id, l.lot_number, l.inventory_item_id, l.status, l.manufactured_at, l.expires_at, l.received_at,
           l.supplier, l.supplier_lot_number, r.depth
      FROM reached r CROSS JOIN LATERAL (SELECT * FROM lot WHERE id = r.lot_id AND deleted_at IS NULL) l
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_object(
        'id', l.id, 'lot_number', l.lot_number, 'inventory_item_id', l.inventory_item_id, 'status', l.status,
        'manufactured_at', l.manufactured_at, 'expires_at', l.expires_at, 'received_at', l.received_at,
        'supplier', l.supplier, 'supplier_lot_number', l.supplier_lot_number, 'depth', l.depth)
        ORDER BY l.depth, l.lot_number), '[]'::json)
       FROM lots l) AS lots,
    (SELECT coalesce(json_agg(json_build_object(
        'id', e.id, 'parent_lot_id', e.parent_lot_id, 'child_lot_id', e.child_lot_id, 'kind', e.kind,
        'transformation_id', e.transformation_id, 'location_id', e.location_id, 'quantity', e.quantity,
        'created_at', e.created_at)
        ORDER BY e.created_at, e.id), '[]'::json)
       FROM lot_lineage e WHERE e.id IN (SELECT edge_id FROM walk WHERE edge_id IS NOT NULL)) AS lineage,
    (SELECT coalesce(json_agg(json_build_object(
        'lot_id', st.lot_id, 'location_id', st.location_id, 'quantity', st.quantity,
        'allocated_quantity', st.allocated_quantity, 'quarantined_quantity', st.quarantined_quantity)
        ORDER BY st.lot_id, st.location_id), '[]'::json)
       FROM lots l CROSS JOIN LATERAL (
              SELECT * FROM lot_stock WHERE lot_id = l.id AND deleted_at IS NULL AND quantity > 0 OFFSET 0) st) AS stock,
    (SELECT coalesce(json_agg(t ORDER BY t.lot_id, t.type), '[]'::json)
       FROM (SELECT l.id AS lot_id, ev.type, ev.quantity
               FROM lots l CROSS JOIN LATERAL (
                      SELECT type, sum(quantity)::bigint AS quantity FROM lot_event
                       WHERE lot_id = l.id AND deleted_at IS NULL GROUP BY type) ev) t) AS event_totals,
    EXISTS (SELECT 1 FROM reached r JOIN lot_lineage e ON e.${from} = r.lot_id AND e.deleted_at IS NULL
             WHERE r.depth >= ?) AS truncated`
}

const STATEMENTS: Record<TraceDirection, string> = {
  forward: traceStatement("forward"),
  backward: traceStatement("backward"),
}

type TraceRow = Omit<LotTrace, "direction" | "max_depth" | "shipments">

/**
 * Every lot linked to `lotIds` in one direction, up to `maxDepth` links away, with the lineage
 * edges walked, the lots' stock and history sums, and (forward) their shipments, read in a second
 * statement for exactly the lots the walk returned. Starting lots that do not exist are simply
 * absent from `lots`.
 */
export async function traceLots(sql: Sql, lotIds: string[], direction: TraceDirection, maxDepth: number): Promise<LotTrace> {
  const empty: LotTrace = { direction, max_depth: maxDepth, lots: [], lineage: [], shipments: [], stock: [], event_totals: [], truncated: false }
  if (!lotIds.length) {
    return empty
  }
  const [row] = await sql.execute<TraceRow[]>(STATEMENTS[direction], [lotIds, maxDepth, maxDepth])
  const shipments = direction === "forward" && row.lots.length ? await shipmentsOfLots(sql, row.lots.map((l) => l.id)) : []
  return { ...empty, ...row, shipments, event_totals: row.event_totals.map((t) => ({ ...t, quantity: Number(t.quantity) })) }
}

/**
 * Forward scope of a recall: every lot made from `lotIds` (any depth up to `maxDepth`), every
 * shipment of any of them still counted (not canceled) with its customer, and what is on hand where.
 */
export async function traceForward(sql: Sql, lotIds: string[], maxDepth: number): Promise<LotTrace> {
  return await traceLots(sql, lotIds, "forward", maxDepth)
}

/** Every lot that went into `lotIds`, up to `maxDepth` links back, with their suppliers. */
export async function traceBackward(sql: Sql, lotIds: string[], maxDepth: number): Promise<LotTrace> {
  return await traceLots(sql, lotIds, "backward", maxDepth)
}

/** The lot shipments of an order that were not canceled (the starting point of an order's trace). */
export async function orderShipments(sql: Sql, orderId: string): Promise<TracedShipment[]> {
  const rows = await sql.execute<TracedShipment[]>(
    `SELECT ${SHIPMENT_COLUMNS}
       FROM lot_shipment s
      WHERE s.order_id = ? AND s.status <> 'canceled' AND s.deleted_at IS NULL`,
    [orderId]
  )
  return byFulfillment(rows)
}
