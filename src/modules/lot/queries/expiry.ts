import { buildExpirySummary, type ExpiryAggregate, type ExpirySummary } from "../domain/expiry-summary"
import { expiryPieces, expiryUnits, type ExpiryBound, type ExpiryPiece } from "../domain/expiry-pieces"
import { EXPIRING_STATUSES, expiryWeeks, isoWeekStart, warningBoundaries } from "../domain/expiry-warnings"
import {
  countExpiringLotsSql, expiryBucketsSql, listExpiringLotsPageSql, type ExpiringLotFilters, type ExpiringLotRow,
} from "../sql/expiry-report-sql"
import {
  countExpiryDirtyKeysSql, lockExpirySummarySql, rebuildExpirySummarySql, recomputeDirtyExpiryKeysSql,
} from "../sql/expiry-summary-sql"
import type { Sql } from "../sql/sql"
import { LotStatus, type LotModuleOptions } from "../types"
import { WEEK_MS } from "../domain/time-units"

/** Above this many changed keys one pass over all lots is cheaper than an index range per key. */
const REBUILD_ABOVE_KEYS = 20_000
/** What the Expiry page counts: stock that can still expire on the shelf, and stock already expired. */
const REPORTED_STATUSES = [...EXPIRING_STATUSES, LotStatus.EXPIRED]

/**
 * Brings the expiry summary up to date with every change committed so far; call it in a
 * transaction of its own. Returns how many (item, week) keys it recomputed.
 */
export async function refreshExpirySummary(sql: Sql): Promise<number> {
  await lockExpirySummarySql(sql)
  const dirty = await countExpiryDirtyKeysSql(sql)
  if (!dirty) {
    return 0
  }
  return dirty > REBUILD_ABOVE_KEYS ? await rebuildExpirySummarySql(sql) : await recomputeDirtyExpiryKeysSql(sql)
}

/** The expiry interval of a list: past expiry only, the window alone, or both. */
function listInterval(filters: Omit<ExpiringLotFilters, "statuses">): { from: ExpiryBound | null; until: ExpiryBound } {
  return {
    from: filters.expired === "exclude" ? { at: filters.as_of, inclusive: false } : null,
    until: { at: filters.expired === "only" ? filters.as_of : filters.until, inclusive: true },
  }
}

/**
 * A page of lots with stock on hand expiring within a window (optionally also those past expiry),
 * and how many there are — counted from the summary; across several locations a lot at two of
 * them must count once, so that count is read from the lots.
 */
export async function listExpiringLots(
  sql: Sql,
  filters: Omit<ExpiringLotFilters, "statuses">,
  page: { skip: number; take: number }
): Promise<{ lots: ExpiringLotRow[]; count: number }> {
  const statuses = filters.expired === "exclude" ? EXPIRING_STATUSES : REPORTED_STATUSES
  const several = (filters.location_id?.length ?? 0) > 1
  const interval = listInterval(filters)
  const pieces: ExpiryPiece[] = several ? [{ source: "lots", ...interval }] : expiryPieces(interval.from, interval.until)
  const [lots, count] = await Promise.all([
    listExpiringLotsPageSql(sql, { ...filters, statuses: EXPIRING_STATUSES }, page),
    countExpiringLotsSql(sql, pieces, {
      statuses,
      summary_location_id: several ? undefined : filters.location_id?.[0],
      location_id: filters.location_id,
      inventory_item_id: filters.inventory_item_id,
    }),
  ])
  return { lots, count }
}

/**
 * Stock at risk of expiry: per ISO week for `weeks` weeks, past expiry, and within each warning
 * window — in total, per location and per product (the `products_limit` most at risk).
 */
export async function summarizeExpiry(
  sql: Sql,
  input: { as_of: Date; weeks: number; products_limit: number },
  options: Required<LotModuleOptions>
): Promise<ExpirySummary> {
  const asOf = input.as_of
  const weeks = expiryWeeks(asOf, input.weeks)
  const firstWeek = isoWeekStart(asOf).getTime()
  const afterNow = { at: asOf, inclusive: false }
  const labels: Omit<ExpiryAggregate, "location_id" | "inventory_item_id" | "quantity" | "lots">[] = []
  const buckets: ExpiryPiece[][] = []
  labels.push({ kind: "expired", week: null, window_days: null })
  buckets.push(expiryPieces(null, { at: asOf, inclusive: true }))
  weeks.forEach((week, index) => {
    const start = new Date(firstWeek + index * WEEK_MS)
    labels.push({ kind: "week", week, window_days: null })
    buckets.push(
      expiryPieces(index === 0 ? afterNow : { at: start, inclusive: true }, { at: new Date(start.getTime() + WEEK_MS), inclusive: false })
    )
  })
  for (const boundary of warningBoundaries(options.expiry_warning_days, asOf)) {
    labels.push({ kind: "window", week: null, window_days: boundary.window_days })
    buckets.push(expiryPieces(afterNow, { at: boundary.until, inclusive: true }))
  }
  const { units, members } = expiryUnits(buckets)
  const windowBuckets = labels.flatMap((label, bucket) => (label.kind === "window" ? [bucket] : []))
  const rows = await expiryBucketsSql(sql, {
    units,
    members,
    statuses: REPORTED_STATUSES,
    // Most at risk: expired plus within the largest window (the last one, windows ascend).
    risk_buckets: [0, ...windowBuckets.slice(-1)],
    products_limit: input.products_limit,
  })
  const productCount = rows.find((r) => r.kind === "product_count")?.lots ?? 0
  const aggregates = rows
    .filter((r) => r.kind !== "product_count")
    .map(({ bucket, kind: _kind, ...row }) => ({ ...labels[bucket!], ...row }))
  return buildExpirySummary(aggregates, { ...input, weeks, windows: options.expiry_warning_days, product_count: productCount })
}
