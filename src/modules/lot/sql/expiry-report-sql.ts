import type { LotStatus } from "../types"
import type { ExpiryPieceColumns } from "../domain/expiry-pieces"
import type { Sql } from "./sql"

export type ExpiringLotFilters = {
  as_of: Date
  /** Lots expiring at or before this moment. */
  until: Date
  /** Statuses of stock that can still expire on the shelf (see EXPIRING_STATUSES). */
  statuses: LotStatus[]
  /**
   * Lots already past expiry (swept or not yet) with stock on hand: left out, listed too (they
   * sort first), or listed alone.
   */
  expired: "exclude" | "include" | "only"
  location_id?: string[]
  inventory_item_id?: string[]
}

export type ExpiringLotRow = {
  id: string
  lot_number: string
  inventory_item_id: string
  status: LotStatus
  expires_at: Date
  on_hand: number
  allocated: number
  stock: { location_id: string; quantity: number; allocated_quantity: number }[]
}

/**
 * Expiry pieces (domain/expiry-pieces.ts) as a relation, and the stock of their ragged ends read
 * from the lots, one row per lot and location.
 */
const PIECES_AND_RAGGED = `
  piece AS (
    SELECT * FROM unnest(ARRAY[?]::int[], ARRAY[?]::text[], ARRAY[?]::timestamptz[], ARRAY[?]::timestamptz[],
                         ARRAY[?]::boolean[], ARRAY[?]::boolean[])
      AS p(bucket, source, lo, hi, lo_incl, hi_incl)
  ),
  ragged AS (
    SELECT p.bucket, l.id AS lot_id, l.inventory_item_id, s.location_id, s.quantity
      FROM piece p
      JOIN lot l ON p.source = 'lots' AND l.deleted_at IS NULL AND l.status IN (?)
       AND l.expires_at >= coalesce(p.lo, '-infinity') AND l.expires_at <= p.hi
       AND (p.lo_incl OR l.expires_at <> p.lo) AND (p.hi_incl OR l.expires_at <> p.hi)
      JOIN lot_stock s ON s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0`

/** Summary rows of the whole weeks of a piece. */
const WEEKS_OF_PIECE = `p.source = 'weeks' AND w.status IN (?)
  AND w.week_start >= coalesce((p.lo AT TIME ZONE 'UTC')::date, '-infinity'::date)
  AND w.week_start < (p.hi AT TIME ZONE 'UTC')::date`

const pieceParams = (c: ExpiryPieceColumns) => [c.bucket, c.source, c.from, c.until, c.from_inclusive, c.until_inclusive]

export type ExpiryBucketRow = {
  bucket: number
  location_id: string | null
  inventory_item_id: string | null
  quantity: number
  lots: number
}

/**
 * Units and lots on hand per bucket of pieces — in total, per inventory item and per location —
 * from the maintained summary for whole weeks and from the lots for the ragged ends. Lots add up
 * across pieces, statuses and items; a lot at two locations counts once in the totals.
 */
export async function expiryBucketsSql(sql: Sql, pieces: ExpiryPieceColumns, statuses: LotStatus[]): Promise<ExpiryBucketRow[]> {
  const rows = await sql.execute<ExpiryBucketRow[]>(
    `WITH ${PIECES_AND_RAGGED}
     ), by_item AS (
       SELECT p.bucket, w.inventory_item_id, w.quantity, w.lots
         FROM piece p JOIN lot_expiry_item_week w ON ${WEEKS_OF_PIECE}
       UNION ALL
       SELECT bucket, inventory_item_id, sum(quantity), count(DISTINCT lot_id) FROM ragged GROUP BY bucket, inventory_item_id
     ), by_location AS (
       SELECT p.bucket, w.location_id, w.quantity, w.lots
         FROM piece p JOIN lot_expiry_week w ON ${WEEKS_OF_PIECE}
       UNION ALL
       SELECT bucket, location_id, quantity, 1 FROM ragged
     )
     SELECT bucket, NULL AS location_id, inventory_item_id, sum(quantity)::bigint AS quantity, sum(lots)::int AS lots
       FROM by_item GROUP BY GROUPING SETS ((bucket), (bucket, inventory_item_id))
     UNION ALL
     SELECT bucket, location_id, NULL, sum(quantity)::bigint, sum(lots)::int
       FROM by_location GROUP BY bucket, location_id`,
    [...pieceParams(pieces), statuses, statuses, statuses]
  )
  return rows.map((r) => ({ ...r, bucket: Number(r.bucket), quantity: Number(r.quantity), lots: Number(r.lots) }))
}

/**
 * How many lots have stock in the pieces, of the given items, at the given locations. The summary's
 * whole weeks are read per item, or per location with `summary_location_id` (one location: a lot
 * at two of several would count twice there, so for several the caller passes only lot pieces).
 */
export async function countExpiringLotsSql(
  sql: Sql,
  pieces: ExpiryPieceColumns,
  filters: { statuses: LotStatus[]; summary_location_id?: string; location_id?: string[]; inventory_item_id?: string[] }
): Promise<number> {
  const items = filters.inventory_item_id?.length ? filters.inventory_item_id : null
  const locations = filters.location_id?.length ? filters.location_id : null
  const location = filters.summary_location_id
  const [{ count }] = await sql.execute<{ count: number }[]>(
    `WITH ${PIECES_AND_RAGGED} ${locations ? "AND s.location_id IN (?)" : ""}
       ${items ? "WHERE l.inventory_item_id IN (?)" : ""}
     ), weeks AS (
       SELECT coalesce(sum(w.lots), 0) AS lots
         FROM piece p JOIN ${location ? "lot_expiry_week" : "lot_expiry_item_week"} w ON ${WEEKS_OF_PIECE}
          ${items ? "AND w.inventory_item_id IN (?)" : ""} ${location ? "AND w.location_id = ?" : ""}
     )
     SELECT ((SELECT lots FROM weeks) + (SELECT count(DISTINCT lot_id) FROM ragged))::int AS count`,
    [
      ...pieceParams(pieces),
      filters.statuses,
      ...(locations ? [locations] : []),
      ...(items ? [items] : []),
      filters.statuses,
      ...(items ? [items] : []),
      ...(location ? [location] : []),
    ]
  )
  return Number(count)
}

/**
 * One page of lots with stock on hand (at the filtered locations) expiring by `until`, earliest
 * first: walks the lots in expiry order and sums the stock of each until the page is full. Lots
 * past expiry are walked from the earliest week the summary still has stock in, not from the
 * first lot ever received.
 */
export async function listExpiringLotsPageSql(
  sql: Sql,
  filters: ExpiringLotFilters,
  page: { skip: number; take: number }
): Promise<ExpiringLotRow[]> {
  const locations = filters.location_id?.length ? filters.location_id : null
  const items = filters.inventory_item_id?.length ? filters.inventory_item_id : null
  const statuses = filters.expired === "exclude" ? filters.statuses : [...filters.statuses, "expired"]
  const lots = await sql.execute<ExpiringLotRow[]>(
    `SELECT l.id, l.lot_number, l.inventory_item_id, l.status, l.expires_at, st.on_hand, st.allocated, st.stock
       FROM lot l
       CROSS JOIN LATERAL (
         SELECT sum(s.quantity)::bigint AS on_hand, sum(s.allocated_quantity)::bigint AS allocated,
                jsonb_agg(jsonb_build_object('location_id', s.location_id, 'quantity', s.quantity,
                                             'allocated_quantity', s.allocated_quantity) ORDER BY s.location_id) AS stock
           FROM lot_stock s
          WHERE s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0 ${locations ? "AND s.location_id IN (?)" : ""}
       ) st
      WHERE l.deleted_at IS NULL AND l.status IN (?) AND st.on_hand IS NOT NULL AND l.expires_at <= ?
        ${filters.expired === "exclude" ? "AND l.expires_at > ?" : ""}
        AND l.expires_at >= coalesce(
              (SELECT min(w.week_start) FROM lot_expiry_item_week w WHERE w.status IN (?)) AT TIME ZONE 'UTC', '-infinity')
        ${items ? "AND l.inventory_item_id IN (?)" : ""}
      ORDER BY l.expires_at, l.id
      LIMIT ? OFFSET ?`,
    [
      ...(locations ? [locations] : []),
      statuses,
      filters.expired === "only" ? filters.as_of : filters.until,
      ...(filters.expired === "exclude" ? [filters.as_of] : []),
      statuses,
      ...(items ? [items] : []),
      page.take,
      page.skip,
    ]
  )
  return lots.map((l) => ({ ...l, on_hand: Number(l.on_hand), allocated: Number(l.allocated) }))
}
