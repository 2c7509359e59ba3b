/**
 * Keyset pages of the traceability exports, over a derived table `ev` with an event time `at` and
 * an `id`: the period's range and "after the last row sent" in (time, id) order. The time goes out
 * as ISO text with microseconds (EVENT_TIME_TEXT), because the cursor must round-trip exactly: a JS
 * Date would cut it to milliseconds and skip or repeat rows at a page boundary.
 */

export type EventCursor = { occurred_at: string; id: string }

export const EVENT_TIME_TEXT = `to_char(ev.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** The predicates (and their values) of the events from `start` (inclusive) to `end` (exclusive) after `after`. */
export function eventPageWhere(period: { start: Date; end: Date }, after?: EventCursor): { where: string[]; params: unknown[] } {
  const where = ["ev.at >= ?", "ev.at < ?"]
  const params: unknown[] = [period.start, period.end]
  if (after) {
    where.push("(ev.at, ev.id) > (?::timestamptz, ?)")
    params.push(after.occurred_at, after.id)
  }
  return { where, params }
}
