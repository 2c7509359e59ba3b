import type { LotStatus } from "../types"
import type { WarningBoundary } from "../domain/expiry-warnings"
import type { ExpiryAggregate } from "../domain/expiry-summary"
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
 * One page of lots with stock on hand (at the filtered locations) expiring by `until`, earliest
 * first, and how many there are. Stock is aggregated per lot in the same statement.
 */
export async function listExpiringLotsSql(
  sql: Sql,
  filters: ExpiringLotFilters,
  page: { skip: number; take: number }
): Promise<{ lots: ExpiringLotRow[]; count: number }> {
  const stockJoin = `JOIN lot_stock s ON s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0
                     ${filters.location_id?.length ? "AND s.location_id IN (?)" : ""}`
  const where = ["l.deleted_at IS NULL", "l.expires_at <= ?"]
  const params: unknown[] = []
  if (filters.location_id?.length) {
    params.push(filters.location_id)
  }
  params.push(filters.expired === "only" ? filters.as_of : filters.until)
  if (filters.expired === "exclude") {
    where.push("l.status IN (?)", "l.expires_at > ?")
    params.push(filters.statuses, filters.as_of)
  } else {
    // Swept lots are `expired`; lots past their date the sweep has not reached yet keep their status.
    where.push("l.status IN (?)")
    params.push([...filters.statuses, "expired"])
  }
  if (filters.inventory_item_id?.length) {
    where.push("l.inventory_item_id IN (?)")
    params.push(filters.inventory_item_id)
  }
  const from = `FROM lot l ${stockJoin} WHERE ${where.join(" AND ")}`
  const [lots, [{ count }]] = await Promise.all([
    sql.execute<ExpiringLotRow[]>(
      `SELECT l.id, l.lot_number, l.inventory_item_id, l.status, l.expires_at,
              sum(s.quantity)::bigint AS on_hand, sum(s.allocated_quantity)::bigint AS allocated,
              jsonb_agg(jsonb_build_object('location_id', s.location_id, 'quantity', s.quantity,
                                           'allocated_quantity', s.allocated_quantity) ORDER BY s.location_id) AS stock
         ${from}
        GROUP BY l.id
        ORDER BY l.expires_at, l.id
        LIMIT ? OFFSET ?`,
      [...params, page.take, page.skip]
    ),
    sql.execute<{ count: number }[]>(`SELECT count(DISTINCT l.id)::int AS count ${from}`, params),
  ])
  return {
    lots: lots.map((l) => ({ ...l, on_hand: Number(l.on_hand), allocated: Number(l.allocated) })),
    count: Number(count),
  }
}

/**
 * Stock on hand that expires per ISO week (from `weeks_from` to `weeks_until`), that is already
 * past expiry, and that expires within each warning window — each in total, per location and per
 * inventory item. One statement: one scan of the lots expiring before the horizon, aggregated with
 * grouping sets.
 */
export async function expiryAggregatesSql(
  sql: Sql,
  input: { as_of: Date; weeks_from: Date; weeks_until: Date; windows: WarningBoundary[]; statuses: LotStatus[] }
): Promise<ExpiryAggregate[]> {
  const { as_of, weeks_until, windows, statuses } = input
  const horizon = new Date(Math.max(weeks_until.getTime(), ...windows.map((w) => w.until.getTime())))
  const rows = await sql.execute<ExpiryAggregate[]>(
    `WITH stock AS (
       SELECT l.id AS lot_id, l.inventory_item_id, s.location_id, s.quantity, l.expires_at,
              l.expires_at <= ? AS expired
         FROM lot l JOIN lot_stock s ON s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0
        WHERE l.deleted_at IS NULL AND l.status IN (?) AND l.expires_at < ?
     ), bucketed AS (
       SELECT stock.*,
              CASE WHEN expired THEN 'expired' ELSE 'week' END AS kind,
              CASE WHEN expired THEN NULL
                   ELSE to_char(date_trunc('week', expires_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') END AS week
         FROM stock
        WHERE expired OR (expires_at >= ? AND expires_at < ?)
     ), windows AS (
       SELECT * FROM unnest(ARRAY[?]::int[], ARRAY[?]::timestamptz[]) AS w(days, until)
     )
     SELECT kind, week, NULL::int AS window_days, location_id, inventory_item_id,
            sum(quantity)::bigint AS quantity, count(DISTINCT lot_id)::int AS lots
       FROM bucketed
      GROUP BY GROUPING SETS ((kind, week), (kind, week, location_id), (kind, week, inventory_item_id))
     UNION ALL
     SELECT 'window', NULL, w.days, location_id, inventory_item_id,
            sum(quantity)::bigint, count(DISTINCT lot_id)::int
       FROM stock JOIN windows w ON NOT stock.expired AND stock.expires_at <= w.until
      GROUP BY GROUPING SETS ((w.days), (w.days, location_id), (w.days, inventory_item_id))`,
    [
      as_of,
      [...statuses, "expired"],
      horizon,
      input.weeks_from,
      weeks_until,
      windows.map((w) => w.window_days),
      windows.map((w) => w.until),
    ]
  )
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity), lots: Number(r.lots) }))
}
