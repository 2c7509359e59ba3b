import { buildExpirySummary, type ExpirySummary } from "../domain/expiry-summary"
import { EXPIRING_STATUSES, expiryWeeks, isoWeekStart, warningBoundaries } from "../domain/expiry-warnings"
import { expiryAggregatesSql, listExpiringLotsSql, type ExpiringLotFilters, type ExpiringLotRow } from "../sql/expiry-report-sql"
import type { Sql } from "../sql/sql"
import type { LotModuleOptions } from "../types"

/** A page of lots with stock on hand expiring within a window (optionally also those past expiry). */
export async function listExpiringLots(
  sql: Sql,
  filters: Omit<ExpiringLotFilters, "statuses">,
  page: { skip: number; take: number }
): Promise<{ lots: ExpiringLotRow[]; count: number }> {
  return await listExpiringLotsSql(sql, { ...filters, statuses: EXPIRING_STATUSES }, page)
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
  const weeks = expiryWeeks(input.as_of, input.weeks)
  const weeksFrom = isoWeekStart(input.as_of)
  const rows = await expiryAggregatesSql(sql, {
    as_of: input.as_of,
    weeks_from: weeksFrom,
    weeks_until: new Date(weeksFrom.getTime() + input.weeks * 7 * 86_400_000),
    windows: warningBoundaries(options.expiry_warning_days, input.as_of),
    statuses: EXPIRING_STATUSES,
  })
  return buildExpirySummary(rows, { ...input, weeks, windows: options.expiry_warning_days })
}
