import { EXPIRING_STATUSES, warningBoundaries } from "../domain/expiry-warnings"
import { markExpiryWarningsSql, type WarnedLot, type WarningCursor } from "../sql/expiry-sql"
import type { Sql } from "../sql/sql"
import type { LotModuleOptions } from "../types"

/**
 * Announces lots that entered a smaller expiry warning window than the last one announced: one
 * batch of at most `limit` lots after `after` in expiry order, with their `expiry_warning` events.
 */
export async function markExpiryWarnings(
  sql: Sql,
  input: { as_of: Date; limit: number; after?: WarningCursor | null },
  options: Required<LotModuleOptions>
): Promise<WarnedLot[]> {
  return await markExpiryWarningsSql(sql, {
    ...input,
    boundaries: warningBoundaries(options.expiry_warning_days, input.as_of),
    statuses: EXPIRING_STATUSES,
  })
}
