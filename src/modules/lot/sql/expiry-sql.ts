import type { WarningBoundary } from "../domain/expiry-warnings"
import type { LotStatus } from "../types"
import type { Sql } from "./sql"

export type ExpiredLot = { id: string; lot_number: string; inventory_item_id: string; from_status: LotStatus }

/** Which lots a sweep batch looks at: every lot, or only the named ones (a lot whose expiry was just edited). */
export type ExpirySweepScope = { as_of: Date; limit: number; lot_ids?: string[] }

/**
 * One batch of the expiry sweep as a single statement: pick due lots (oldest expiry first), mark
 * them expired and write their history entries.
 */
export async function expireDueLotsSql(sql: Sql, scope: ExpirySweepScope): Promise<ExpiredLot[]> {
  if (scope.lot_ids && !scope.lot_ids.length) {
    return []
  }
  // Chosen by whether ids were given, never built from them. The sweep skips lots other
  // transactions hold (its next run takes them); named lots wait, as their caller needs them now.
  const onlyLots = scope.lot_ids ? "AND id IN (?)" : ""
  const locked = scope.lot_ids ? "" : "SKIP LOCKED"
  return await sql.execute<ExpiredLot[]>(
    `WITH due AS (
       SELECT id, status FROM lot
        WHERE deleted_at IS NULL AND expires_at <= ? AND status IN ('quarantine', 'released', 'on_hold') ${onlyLots}
        ORDER BY expires_at, id
        LIMIT ?
        FOR NO KEY UPDATE ${locked}
     ), expired AS (
       UPDATE lot l SET status = 'expired', updated_at = now()
         FROM due WHERE l.id = due.id
       RETURNING l.id, l.lot_number, l.inventory_item_id, due.status AS from_status, l.expires_at
     ), history AS (
       INSERT INTO lot_event (id, lot_id, type, from_status, to_status, reason, data)
       SELECT 'lotevt_' || upper(replace(gen_random_uuid()::text, '-', '')), id, 'expired', from_status, 'expired',
              'passed its expiry date', jsonb_build_object('expires_at', expires_at)
         FROM expired
     )
     SELECT id, lot_number, inventory_item_id, from_status FROM expired`,
    [scope.as_of, ...(scope.lot_ids ? [scope.lot_ids] : []), scope.limit]
  )
}

/** A lot that entered a warning window in this run, with the window announced before (for compensation). */
export type WarnedLot = {
  id: string
  lot_number: string
  inventory_item_id: string
  expires_at: Date
  window_days: number
  previous_warning_days: number | null
}

/** Where a batched warning pass stopped: the next batch starts after this lot in expiry order. */
export type WarningCursor = { expires_at: Date | string; id: string }

/**
 * One batch of the warning pass as a single statement: lots with stock on hand that are inside a
 * smaller window than the one last announced get `expiry_warning_days` set to that window and an
 * `expiry_warning` history entry. `boundaries` (smallest window first) come from
 * `warningBoundaries`: a lot's window is the first one whose `until` is at or after its expiry.
 * Batches walk the expiry order from a cursor, so lots skipped once are not read again.
 */
export async function markExpiryWarningsSql(
  sql: Sql,
  input: { as_of: Date; boundaries: WarningBoundary[]; statuses: LotStatus[]; limit: number; after?: WarningCursor | null }
): Promise<WarnedLot[]> {
  const { as_of, boundaries, statuses, limit, after } = input
  // One placeholder pair per window: the CASE is built from the count, never from values.
  const windowSql = `CASE ${boundaries.map(() => "WHEN l.expires_at <= ? THEN ?::int").join(" ")} END`
  const windowParams = boundaries.flatMap((b) => [b.until, b.window_days])
  const afterSql = after ? "AND l.expires_at >= ? AND (l.expires_at, l.id) > (?::timestamptz, ?)" : ""
  const rows = await sql.execute<WarnedLot[]>(
    `WITH due AS (
       SELECT l.id, l.expiry_warning_days AS previous_warning_days, ${windowSql} AS window_days
         FROM lot l
        WHERE l.deleted_at IS NULL AND l.status IN (?) AND l.expires_at > ? AND l.expires_at <= ? ${afterSql}
          AND (l.expiry_warning_days IS NULL OR l.expiry_warning_days > ${windowSql})
          AND EXISTS (SELECT 1 FROM lot_stock s WHERE s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0)
        ORDER BY l.expires_at, l.id
        LIMIT ?
        FOR NO KEY UPDATE SKIP LOCKED
     ), warned AS (
       UPDATE lot l SET expiry_warning_days = due.window_days, updated_at = now()
         FROM due WHERE l.id = due.id
       RETURNING l.id, l.lot_number, l.inventory_item_id, l.expires_at, due.window_days, due.previous_warning_days
     ), history AS (
       INSERT INTO lot_event (id, lot_id, type, reason, data)
       SELECT 'lotevt_' || upper(replace(gen_random_uuid()::text, '-', '')), id, 'expiry_warning',
              'expires within ' || window_days || ' days',
              jsonb_build_object('window_days', window_days, 'expires_at', expires_at, 'previous_warning_days', previous_warning_days)
         FROM warned
     )
     SELECT id, lot_number, inventory_item_id, expires_at, window_days, previous_warning_days
       FROM warned ORDER BY expires_at, id`,
    [
      ...windowParams,
      statuses,
      as_of,
      boundaries[boundaries.length - 1].until,
      ...(after ? [after.expires_at, after.expires_at, after.id] : []),
      ...windowParams,
      limit,
    ]
  )
  return rows.map((r) => ({ ...r, window_days: Number(r.window_days) }))
}

/**
 * Undoes a warning batch (compensation): each lot's announced window goes back to what it was,
 * unless a later run has moved it on since. The history entries stay: they record what was sent.
 */
export async function restoreExpiryWarningsSql(sql: Sql, warned: WarnedLot[]): Promise<void> {
  if (!warned.length) {
    return
  }
  await sql.execute(
    `UPDATE lot l SET expiry_warning_days = w.previous, updated_at = now()
       FROM unnest(ARRAY[?]::text[], ARRAY[?]::int[], ARRAY[?]::int[]) AS w(id, announced, previous)
      WHERE l.id = w.id AND l.expiry_warning_days = w.announced`,
    [warned.map((w) => w.id), warned.map((w) => w.window_days), warned.map((w) => w.previous_warning_days)]
  )
}

/**
 * Undoes sweep batches (compensation) as one statement: each lot still expired gets back the
 * status it had, with a `reverted` history entry; lots that moved on since are left alone. The
 * lots are locked in id order, as other multi-lot writes lock them.
 */
export async function unexpireLotsSql(sql: Sql, lots: Pick<ExpiredLot, "id" | "from_status">[]): Promise<void> {
  if (!lots.length) {
    return
  }
  await sql.execute(
    `WITH locked AS (
       SELECT l.id, r.status FROM lot l
         JOIN unnest(ARRAY[?]::text[], ARRAY[?]::text[]) AS r(id, status) ON r.id = l.id
        WHERE l.status = 'expired'
        ORDER BY l.id
          FOR NO KEY UPDATE OF l
     ), reverted AS (
       UPDATE lot l SET status = locked.status, updated_at = now()
         FROM locked WHERE l.id = locked.id AND l.status = 'expired'
       RETURNING l.id, locked.status
     )
     INSERT INTO lot_event (id, lot_id, type, from_status, to_status, reason)
     SELECT 'lotevt_' || upper(replace(gen_random_uuid()::text, '-', '')), id, 'reverted', 'expired', status, 'expiry sweep reverted'
       FROM reverted`,
    [lots.map((l) => l.id), lots.map((l) => l.from_status)]
  )
}
