import { EXPIRING_STATUSES, warningBoundaries } from "../domain/expiry-warnings"
import { markExpiryWarningsSql, unexpireLot, type ExpiredLot, type WarnedLot, type WarningCursor } from "../sql/expiry-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType, LotStatus, type LotModuleOptions } from "../types"

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

/** Undoes expireDueLots (compensation): each lot still expired gets back its status, as a `reverted` event. */
export async function unexpireLots(sql: Sql, lots: ExpiredLot[]): Promise<void> {
  for (const lot of lots) {
    if (await unexpireLot(sql, lot.id, lot.from_status)) {
      await insertLotEvents(sql, [
        { lot_id: lot.id, type: LotEventType.REVERTED, from_status: LotStatus.EXPIRED, to_status: lot.from_status, reason: "expiry sweep reverted" },
      ])
    }
  }
}
