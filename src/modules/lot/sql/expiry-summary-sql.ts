import type { Sql } from "./sql"

/**
 * Maintenance of the expiry summary tables (see Migration20261208000000): triggers append the
 * (item, week) keys a change touched to `lot_expiry_dirty`; a refresh recomputes them from the
 * lots. Refreshes run one at a time, each in its own transaction: the lock is taken in a statement
 * of its own, so the recompute's snapshot already sees what the previous refresh committed.
 */
export async function lockExpirySummarySql(sql: Sql): Promise<void> {
  await sql.execute(`SELECT pg_advisory_xact_lock(hashtext('lot_expiry_summary'))`)
}

export async function countExpiryDirtyKeysSql(sql: Sql): Promise<number> {
  const [{ count }] = await sql.execute<{ count: number }[]>(`SELECT count(*)::int AS count FROM lot_expiry_dirty`)
  return Number(count)
}

/** Stock rows on hand with their lot's key, day and status, one row per lot and location. */
const STOCK_BY_KEY = `
  SELECT l.id AS lot_id, l.inventory_item_id, date_trunc('week', l.expires_at AT TIME ZONE 'UTC')::date AS week_start,
         (l.expires_at AT TIME ZONE 'UTC')::date AS day, l.status, s.location_id, s.quantity
    FROM lot l JOIN lot_stock s ON s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0
   WHERE l.deleted_at IS NULL AND l.expires_at IS NOT NULL`

/** The same for the lots behind `keys` only: an index range per key. */
const STOCK_OF_KEYS = `
  SELECT l.id AS lot_id, l.inventory_item_id, k.week_start, (l.expires_at AT TIME ZONE 'UTC')::date AS day,
         l.status, s.location_id, s.quantity
    FROM keys k
    JOIN lot l ON l.inventory_item_id = k.inventory_item_id AND l.deleted_at IS NULL
     AND l.expires_at >= k.week_start AT TIME ZONE 'UTC' AND l.expires_at < (k.week_start + 7) AT TIME ZONE 'UTC'
    JOIN lot_stock s ON s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0`

/**
 * One statement: takes the dirty keys, upserts their fresh sums and deletes their rows that no
 * longer have stock (the upserts and deletes touch different rows, as one statement must).
 * `keysAndFresh` defines `keys` (what to recompute) and `fresh` (their stock rows).
 */
function recomputeStatement(keysAndFresh: string): string {
  return `
    WITH claimed AS (DELETE FROM lot_expiry_dirty RETURNING inventory_item_id, week_start),
    ${keysAndFresh},
    periods AS (
      SELECT 'week' AS grain, week_start AS period_start, lot_id, inventory_item_id, status, location_id, quantity FROM fresh
      UNION ALL
      SELECT 'day', day, lot_id, inventory_item_id, status, location_id, quantity FROM fresh
    ),
    per_location AS (
      SELECT grain, period_start, inventory_item_id, location_id, status, sum(quantity)::bigint AS quantity, count(*)::int AS lots
        FROM periods GROUP BY grain, period_start, inventory_item_id, location_id, status
    ),
    per_item AS (
      SELECT grain, period_start, inventory_item_id, status, sum(quantity)::bigint AS quantity, count(DISTINCT lot_id)::int AS lots
        FROM periods GROUP BY grain, period_start, inventory_item_id, status
    ),
    upsert_location AS (
      INSERT INTO lot_expiry_week (grain, period_start, inventory_item_id, location_id, status, quantity, lots)
      SELECT * FROM per_location
      ON CONFLICT (grain, period_start, inventory_item_id, location_id, status)
      DO UPDATE SET quantity = excluded.quantity, lots = excluded.lots
    ),
    gone_location AS (
      DELETE FROM lot_expiry_week w USING keys k
       WHERE w.grain IN ('week', 'day') AND w.inventory_item_id = k.inventory_item_id
         AND w.period_start >= k.week_start AND w.period_start < k.week_start + 7
         AND NOT EXISTS (SELECT 1 FROM per_location p WHERE p.grain = w.grain AND p.period_start = w.period_start
                           AND p.inventory_item_id = w.inventory_item_id AND p.location_id = w.location_id AND p.status = w.status)
    ),
    upsert_item AS (
      INSERT INTO lot_expiry_item_week (grain, period_start, inventory_item_id, status, quantity, lots)
      SELECT * FROM per_item
      ON CONFLICT (grain, period_start, inventory_item_id, status)
      DO UPDATE SET quantity = excluded.quantity, lots = excluded.lots
    ),
    gone_item AS (
      DELETE FROM lot_expiry_item_week w USING keys k
       WHERE w.grain IN ('week', 'day') AND w.inventory_item_id = k.inventory_item_id
         AND w.period_start >= k.week_start AND w.period_start < k.week_start + 7
         AND NOT EXISTS (SELECT 1 FROM per_item p WHERE p.grain = w.grain AND p.period_start = w.period_start
                           AND p.inventory_item_id = w.inventory_item_id AND p.status = w.status)
    )
    SELECT count(*)::int AS keys FROM keys`
}

/** Recomputes the keys marked dirty; returns how many. */
export async function recomputeDirtyExpiryKeysSql(sql: Sql): Promise<number> {
  const [{ keys }] = await sql.execute<{ keys: number }[]>(
    recomputeStatement(`keys AS (SELECT DISTINCT inventory_item_id, week_start FROM claimed), fresh AS (${STOCK_OF_KEYS})`)
  )
  return Number(keys)
}

/**
 * Recomputes every key: one pass over the lots instead of an index range per key, for a large
 * backlog (a bulk load). The keys are those with stock now and those with summary rows (stock
 * that has gone leaves no lot behind to find its key by).
 */
export async function rebuildExpirySummarySql(sql: Sql): Promise<number> {
  const [{ keys }] = await sql.execute<{ keys: number }[]>(
    recomputeStatement(`fresh AS (${STOCK_BY_KEY}),
      keys AS (SELECT inventory_item_id, week_start FROM fresh
               UNION SELECT inventory_item_id, period_start FROM lot_expiry_item_week WHERE grain = 'week')`)
  )
  return Number(keys)
}
