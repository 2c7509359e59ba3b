import type { LotStatus } from "../types"
import { periodsOf, type ExpiryPiece } from "../domain/expiry-pieces"
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

type Fragment = { text: string; params: unknown[] }

/**
 * The rows of the pieces as UNION ALL branches, their bounds bound as parameters, so the planner
 * sees each range and reads it from its index: summary rows (`table`, alias `w`) for whole weeks
 * and days (single periods in one join on the key, an open range of weeks in a branch of its own),
 * and for ragged ends, one branch each, the lots in the range with their stock rows by lot (alias
 * `s`; OFFSET 0 keeps the planner from turning that into a join over every stock row). Each branch
 * selects `unit` and then the columns given (of ragged ends to subtract, with `sign` "-");
 * the filters add conditions on `w`, `l` or `s`.
 */
function pieceBranches(
  pieces: ExpiryPiece[],
  input: {
    table: "lot_expiry_week" | "lot_expiry_item_week"
    statuses: LotStatus[]
    summary_columns: string
    lot_columns: (sign: "" | "-") => string
    summary_filter?: Fragment
    lot_filter?: Fragment
    stock_filter?: Fragment
  }
): Fragment {
  const params: unknown[] = []
  const branches: string[] = []
  // Units of one week or one day (most of them) are read in one join on the summary's key.
  const periods = pieces.flatMap((piece, unit) =>
    piece.source !== "lots" && piece.from
      ? periodsOf({ ...piece, from: piece.from }).map((period) => ({
          unit,
          grain: piece.source === "weeks" ? "week" : "day",
          start: isoDay(period.from),
        }))
      : []
  )
  if (periods.length) {
    params.push(periods.map((p) => p.unit), periods.map((p) => p.grain), periods.map((p) => p.start), input.statuses)
    params.push(...(input.summary_filter?.params ?? []))
    branches.push(`SELECT p.unit, ${input.summary_columns}
                     FROM unnest(ARRAY[?]::int[], ARRAY[?]::text[], ARRAY[?]::date[]) AS p(unit, grain, period_start)
                     JOIN ${input.table} w ON w.grain = p.grain AND w.period_start = p.period_start AND w.status IN (?)
                          ${input.summary_filter?.text ?? ""}`)
  }
  pieces.forEach((piece, unit) => {
    if (piece.source !== "lots") {
      if (!piece.from) {
        params.push(unit, piece.source === "weeks" ? "week" : "day", input.statuses, isoDay(piece.until))
        params.push(...(input.summary_filter?.params ?? []))
        branches.push(`SELECT ?::int AS unit, ${input.summary_columns} FROM ${input.table} w
                        WHERE w.grain = ? AND w.status IN (?) AND w.period_start < ?::date ${input.summary_filter?.text ?? ""}`)
      }
      return
    }
    params.push(unit, ...(input.stock_filter?.params ?? []), input.statuses)
    const from = piece.from ? `AND l.expires_at ${piece.from.inclusive ? ">=" : ">"} ?` : ""
    params.push(...(piece.from ? [piece.from.at] : []), piece.until.at, ...(input.lot_filter?.params ?? []))
    branches.push(`SELECT ?::int AS unit, ${input.lot_columns(piece.subtract ? "-" : "")} FROM lot l
             CROSS JOIN LATERAL (
               SELECT s.location_id, s.quantity FROM lot_stock s
                WHERE s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0 ${input.stock_filter?.text ?? ""}
               OFFSET 0) s
             WHERE l.deleted_at IS NULL AND l.status IN (?) ${from}
               AND l.expires_at ${piece.until.inclusive ? "<=" : "<"} ? ${input.lot_filter?.text ?? ""}`)
  })
  return { text: branches.join("\n UNION ALL\n"), params }
}

/** A UTC midnight as the summary's `YYYY-MM-DD` period key, whatever the server's time zone. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/**
 * Lots in rows of pieceBranches grouped by lot_id (and more): summary rows (no lot) carry their
 * count; ragged rows are one per lot and location, each lot counted once, added or subtracted by
 * its sign. Grouping instead of count(DISTINCT) lets PostgreSQL hash rather than sort.
 */
const LOTS_OF_GROUP = `CASE WHEN lot_id IS NULL THEN sum(lots) ELSE sign(sum(lots)) END`

export type ExpiryBucketRow = {
  /** A bucket's sums in total, per location or per item; `product_count` carries the count in `lots`. */
  kind: "total" | "location" | "item" | "product_count"
  bucket: number | null
  location_id: string | null
  inventory_item_id: string | null
  quantity: number
  lots: number
}

/**
 * Units and lots on hand per bucket — in total, per location, and per inventory item for the
 * `products_limit` items with the most units in the `risk_buckets` (then by id) — and how many items
 * have any. Each unit (domain/expiry-pieces.ts expiryUnits) is read once: whole weeks and days from
 * the maintained summary, ragged ends from the lots. Lots add up across units, statuses and items;
 * a lot at two locations counts once outside the per-location sums.
 */
export async function expiryBucketsSql(
  sql: Sql,
  input: {
    units: ExpiryPiece[]
    members: { unit: number; bucket: number }[]
    statuses: LotStatus[]
    risk_buckets: number[]
    products_limit: number
  }
): Promise<ExpiryBucketRow[]> {
  const byItem = pieceBranches(input.units, {
    table: "lot_expiry_item_week",
    statuses: input.statuses,
    summary_columns: "NULL AS lot_id, w.inventory_item_id, w.quantity, w.lots",
    lot_columns: (sign) => `l.id AS lot_id, l.inventory_item_id, ${sign}s.quantity AS quantity, ${sign}1 AS lots`,
  })
  const byLocation = pieceBranches(input.units, {
    table: "lot_expiry_week",
    statuses: input.statuses,
    summary_columns: "w.location_id, w.quantity, w.lots",
    lot_columns: (sign) => `s.location_id, ${sign}s.quantity AS quantity, ${sign}1 AS lots`,
  })
  const rows = await sql.execute<ExpiryBucketRow[]>(
    `WITH member AS (
       SELECT * FROM unnest(ARRAY[?]::int[], ARRAY[?]::int[]) AS m(unit, bucket)
     ), item_rows AS (${byItem.text}
     ), unit_item AS (
       SELECT unit, inventory_item_id, sum(quantity) AS quantity, ${LOTS_OF_GROUP} AS lots
         FROM item_rows GROUP BY unit, inventory_item_id, lot_id
     ), unit_location AS (
       SELECT unit, location_id, sum(quantity) AS quantity, sum(lots) AS lots FROM (${byLocation.text}) r
        GROUP BY unit, location_id
     ), bucket_item AS (
       SELECT m.bucket, u.inventory_item_id, sum(u.quantity)::bigint AS quantity, sum(u.lots)::int AS lots
         FROM unit_item u JOIN member m ON m.unit = u.unit
        GROUP BY m.bucket, u.inventory_item_id
     ), top_items AS (
       SELECT inventory_item_id, count(*) OVER () AS product_count FROM bucket_item
        GROUP BY inventory_item_id
        ORDER BY coalesce(sum(quantity) FILTER (WHERE bucket IN (?)), 0) DESC, inventory_item_id COLLATE "C"
        LIMIT ?
     )
     SELECT 'total' AS kind, bucket, NULL AS location_id, NULL AS inventory_item_id,
            sum(quantity)::bigint AS quantity, sum(lots)::int AS lots
       FROM bucket_item GROUP BY bucket
     UNION ALL
     SELECT 'item', bucket, NULL, inventory_item_id, quantity, lots
       FROM bucket_item WHERE inventory_item_id IN (SELECT inventory_item_id FROM top_items)
     UNION ALL
     SELECT 'location', m.bucket, u.location_id, NULL, sum(u.quantity)::bigint, sum(u.lots)::int
       FROM unit_location u JOIN member m ON m.unit = u.unit
      GROUP BY m.bucket, u.location_id
     UNION ALL
     SELECT 'product_count', NULL, NULL, NULL, 0, coalesce(max(product_count), 0)::int FROM top_items`,
    [
      input.members.map((m) => m.unit),
      input.members.map((m) => m.bucket),
      ...byItem.params,
      ...byLocation.params,
      input.risk_buckets,
      input.products_limit,
    ]
  )
  return rows.map((r) => ({
    ...r,
    bucket: r.bucket === null ? null : Number(r.bucket),
    quantity: Number(r.quantity),
    lots: Number(r.lots),
  }))
}

/**
 * How many lots have stock in the pieces, of the given items, at the given locations. The summary's
 * whole weeks and days are read per item, or per location with `summary_location_id` (one location:
 * a lot at two of several would count twice there, so for several the caller passes only lot pieces).
 */
export async function countExpiringLotsSql(
  sql: Sql,
  pieces: ExpiryPiece[],
  filters: { statuses: LotStatus[]; summary_location_id?: string; location_id?: string[]; inventory_item_id?: string[] }
): Promise<number> {
  const items = filters.inventory_item_id?.length ? filters.inventory_item_id : null
  const locations = filters.location_id?.length ? filters.location_id : null
  const location = filters.summary_location_id
  const branches = pieceBranches(pieces, {
    table: location ? "lot_expiry_week" : "lot_expiry_item_week",
    statuses: filters.statuses,
    summary_columns: "NULL AS lot_id, w.lots",
    lot_columns: (sign) => `l.id AS lot_id, ${sign}1 AS lots`,
    summary_filter: {
      text: `${items ? "AND w.inventory_item_id IN (?)" : ""} ${location ? "AND w.location_id = ?" : ""}`,
      params: [...(items ? [items] : []), ...(location ? [location] : [])],
    },
    lot_filter: items ? { text: "AND l.inventory_item_id IN (?)", params: [items] } : undefined,
    stock_filter: locations ? { text: "AND s.location_id IN (?)", params: [locations] } : undefined,
  })
  const [{ count }] = await sql.execute<{ count: number }[]>(
    `SELECT coalesce(sum(lots), 0)::int AS count FROM (
       SELECT ${LOTS_OF_GROUP} AS lots FROM (${branches.text}) r GROUP BY unit, lot_id
     ) per_lot`,
    branches.params
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
              (SELECT min(w.period_start) FROM lot_expiry_item_week w WHERE w.grain = 'day' AND w.status IN (?)) AT TIME ZONE 'UTC',
              '-infinity')
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
