// The shop behind the `allocation` and `fulfillment` suites, built once per run and shared:
//
//   - a storefront (region "de", sales channel, publishable key) with BENCH_ALLOC_LOCATIONS
//     (default 5) stock locations, each wired for shipping;
//   - a TRACKED product: lot policy (FEFO, removal lead 30 days, min. 60 days shelf life at
//     shipment) set through POST /admin/inventory-items/:id/lot-policy, then BENCH_ALLOC_LOTS
//     (default 10,000) lots bulk-loaded with SQL, spread evenly over the locations (2,000 each):
//     lot, lot_stock and a "received" lot_event per lot, ~5% of lots quarantined / on hold /
//     recalled / rejected, ~5% past their expiry and marked expired, ~5% past their expiry but
//     still "released" (the expiry job has not run: only the date check filters them), ~7% too
//     close to expiry for the 60-day rule. Lots that may not be sold get the blocking reservation
//     the plugin keeps for them (reservation_item without a line item, lot_stock.blocked_reservation_id),
//     and the item's inventory levels hold exactly the lot stock (stocked) and those blocks
//     (reserved) — what the plugin's receipts and holds would have left behind;
//   - an UNTRACKED product (stock Medusa: no lot policy, no lots) with the same stocked quantity
//     at the same locations;
//   - an order pool: orders the allocation suite placed (not fulfilled yet) are left for the
//     fulfillment suite, which places more (untimed) when it runs alone or needs more.
//
// Medusa reserves a line at the first of the sales channel's locations with enough stock, in the
// order its query returns them, which varies from order to order here (all 5 have stock): each
// order records where it was reserved, and is allocated (by the plugin) and fulfilled there.
// Every checkout picks the shipping option of the first location (that does not steer the
// reservation). Two warm-up orders of each product come first (untimed).
import fs from "node:fs"
import path from "node:path"
import { setupStore, createStockedProduct, checkout, nowMs } from "./storefront.mjs"
import { medusaHttp, retryOnRestart } from "./medusa-http.mjs"
import { envInt, projectRoot, sleep } from "./util.mjs"

export const scenarioConfig = () => ({
  lots: envInt("BENCH_ALLOC_LOTS", 10_000),
  locations: Math.max(1, envInt("BENCH_ALLOC_LOCATIONS", 5)),
  orders: Math.max(1, envInt("BENCH_ORDERS", 20)),
  quantity: Math.max(1, envInt("BENCH_ORDER_QTY", 2)),
  sql_runs: Math.max(1, envInt("BENCH_SQL_RUNS", 50)),
  poll_ms: Math.max(5, envInt("BENCH_POLL_MS", 25)),
})

export const POLICY = { tracked: true, strategy: "fefo", shelf_life_days: 730, removal_lead_days: 30, min_remaining_shelf_life_days: 60 }

const cache = new WeakMap()

/** The shared shop (built on first use). */
export function lotScenario(ctx) {
  if (!cache.has(ctx)) {
    const p = build(ctx)
    p.catch(() => cache.delete(ctx)) // a failed build may be retried by the next suite
    cache.set(ctx, p)
  }
  return cache.get(ctx)
}

// A region owns its countries: a shop rebuilt after a restart (which leaves the first attempt's
// objects behind, harmless) takes the next country.
const COUNTRIES = ["de", "fr", "nl", "at", "be"]

let buildAttempts = 0

async function build(ctx) {
  const http = await medusaHttp(ctx)
  // A finished shop stays good across a restart (it is all in the database); a build that a
  // restart broke is started again, under new names.
  return await retryOnRestart(ctx, http, "lot scenario: building the shop", () => buildOnce(ctx, http, ++buildAttempts), 4)
}

async function buildOnce(ctx, http, attempt) {
  const cfg = scenarioConfig()
  const t0 = nowMs()
  ctx.log(`  shop: ${cfg.locations} stock locations, a tracked product with ${cfg.lots.toLocaleString("en-US")} lots, an untracked twin`)
  const label = attempt > 1 ? `Bench shop ${attempt}` : "Bench shop"
  const sku = (s) => (attempt > 1 ? `${s}-${attempt}` : s)
  const title = (t) => (attempt > 1 ? `${t} ${attempt}` : t)
  const store = await setupStore(http, { label, locations: cfg.locations, country: COUNTRIES[(attempt - 1) % COUNTRIES.length] })
  const locationIds = store.locations.map((l) => l.id)

  const tracked = await createStockedProduct(http, store, { title: title("Bench yogurt (lot-tracked)"), sku: sku("BENCH-YOG") })
  await http.admin("POST", `/admin/inventory-items/${tracked.inventoryItemId}/lot-policy`, POLICY)
  const loadStart = nowMs()
  const lots = await loadItemLots(ctx.sql, { inventoryItemId: tracked.inventoryItemId, sku: sku("BENCH-YOG"), locationIds, count: cfg.lots })
  const loadSeconds = (nowMs() - loadStart) / 1000
  // Levels = the lot stock; then the plugin's blocks go into reserved_quantity.
  await http.admin("POST", `/admin/inventory-items/${tracked.inventoryItemId}/location-levels/batch`, {
    create: locationIds.map((id) => ({ location_id: id, stocked_quantity: lots.stockAt[id] })),
  })
  await applyBlockedToLevels(ctx.sql, tracked.inventoryItemId)

  const untracked = await createStockedProduct(http, store, {
    title: title("Bench crackers (untracked)"),
    sku: sku("BENCH-CRK"),
    stock: Object.fromEntries(locationIds.map((id) => [id, lots.stockAt[id]])),
  })
  await ctx.sql(`VACUUM (ANALYZE) lot, lot_stock, lot_event, reservation_item, inventory_level`)

  const reconciliation = await http.admin("GET", `/admin/lots/reconciliation?inventory_item_id=${tracked.inventoryItemId}`).catch((e) => ({ error: e.message }))
  if (reconciliation.in_balance === false || reconciliation.error) {
    ctx.warn(`lot scenario: the plugin's reconciliation does not see the loaded lots in balance: ${JSON.stringify(reconciliation).slice(0, 300)}`)
  }

  const sc = {
    cfg,
    http,
    sql: ctx.sql,
    store,
    tracked,
    untracked,
    lots,
    shipOption: store.locations[0].shippingOption,
    locationName: Object.fromEntries(store.locations.map((l) => [l.id, l.name])),
    pool: { tracked: [], untracked: [] },
    setup_seconds: null,
    load_seconds: Math.round(loadSeconds * 10) / 10,
    reconciliation,
  }

  // Warm-up orders (untimed): first-request costs out of the way.
  for (const kind of ["untracked", "tracked", "untracked", "tracked"]) await retryOnRestart(ctx, http, "lot scenario: warm-up order", () => placeOrder(sc, kind))
  sc.setup_seconds = Math.round((nowMs() - t0) / 100) / 10
  ctx.log(`  shop ready in ${sc.setup_seconds}s (lots loaded with SQL in ${sc.load_seconds}s)`)
  return sc
}

/**
 * Bulk-loads `count` lots of one item, spread round-robin over `locationIds`, with one stock row
 * and one receipt event each; lots that may not be sold get a blocking reservation. Deterministic
 * (hashint4 of the row number). Returns { stockAt: { location_id: units }, statuses, perLocation }.
 */
export async function loadItemLots(sql, { inventoryItemId, sku, locationIds, count }) {
  const suffix = inventoryItemId.slice(-8).toUpperCase()
  await sql(`DROP TABLE IF EXISTS bench_item_lots`)
  await sql(
    `CREATE TEMP TABLE bench_item_lots AS
     WITH base AS (
       SELECT i,
              ($3::text[])[1 + (i - 1) % cardinality($3::text[])] AS location_id,
              '01JC' || $4 || lpad(i::text, 14, '0') AS ulid,
              (hashint4(i + 101)::bigint & 2147483647) AS r1,
              (hashint4(i + 7777777)::bigint & 2147483647) AS r2,
              (hashint4(i + 15555555)::bigint & 2147483647) AS r3
         FROM generate_series(1, $1::int) AS i
     ), dated AS (
       SELECT b.*,
              -- expiries from 60 days ago to ~2 years ahead
              date_trunc('day', now()) - interval '60 days' + (r1 % 790) * interval '1 day' + interval '23 hours' AS expires_at
         FROM base b
     )
     SELECT d.*,
            d.expires_at - interval '730 days' AS manufactured_at,
            d.expires_at - interval '730 days' + (1 + d.r2 % 14) * interval '1 day' + (d.r3 % 36000) * interval '1 second' AS received_at,
            $2 || '-' || to_char(d.expires_at - interval '730 days', 'YYMMDD') || '-' || lpad(d.i::text, 5, '0') AS lot_number,
            10 + (d.r3 % 191) AS qty,
            CASE
              WHEN d.r3 % 1000 < 20 THEN 'quarantine'
              WHEN d.r3 % 1000 < 40 THEN 'on_hold'
              WHEN d.r3 % 1000 < 45 THEN 'recalled'
              WHEN d.r3 % 1000 < 50 THEN 'rejected'
              WHEN d.expires_at < now() AND d.r2 % 2 = 0 THEN 'expired'
              ELSE 'released'
            END AS status
       FROM dated d`,
    [count, sku, locationIds, suffix.replace(/[^0-9A-Z]/g, "0").padEnd(8, "0").slice(0, 8)]
  )
  await sql(
    `INSERT INTO lot (id, lot_number, inventory_item_id, status, manufactured_at, expires_at, received_at, supplier, created_at, updated_at)
     SELECT 'lot_' || ulid, lot_number, $1, status, manufactured_at, expires_at, received_at, 'Bench Dairy GmbH', received_at, received_at
       FROM bench_item_lots`,
    [inventoryItemId]
  )
  await sql(
    `INSERT INTO lot_stock (id, lot_id, location_id, quantity, allocated_quantity, created_at, updated_at)
     SELECT 'lotstk_' || ulid, 'lot_' || ulid, location_id, qty, 0, received_at, received_at FROM bench_item_lots`
  )
  await sql(
    `INSERT INTO lot_event (id, lot_id, type, quantity, location_id, to_status, data, created_at, updated_at)
     SELECT 'lotevt_' || ulid, 'lot_' || ulid, 'received', qty, location_id,
            CASE WHEN status = 'quarantine' THEN 'quarantine' ELSE 'released' END,
            '{"supplier":"Bench Dairy GmbH"}'::jsonb, received_at, received_at
       FROM bench_item_lots`
  )
  // The plugin's blocking reservations for stock that may not be sold (see sync-lot-stock-blocks).
  const resCols = new Set((await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'reservation_item'`)).map((r) => r.column_name))
  for (const c of ["id", "inventory_item_id", "location_id", "quantity", "raw_quantity", "allow_backorder", "line_item_id", "description", "metadata"]) {
    if (!resCols.has(c)) throw new Error(`reservation_item has no column ${c}: Medusa's schema changed, adapt bench/lib/lot-scenario.mjs`)
  }
  await sql(
    `INSERT INTO reservation_item (id, inventory_item_id, location_id, quantity, raw_quantity, allow_backorder, line_item_id,
                                   description, metadata, created_at, updated_at)
     SELECT 'resitem_' || ulid, $1, location_id, qty, jsonb_build_object('value', qty::text, 'precision', 20), true, NULL,
            'Lot ' || lot_number || ' is ' || replace(status, '_', ' ') || ': not for sale',
            jsonb_build_object('lot_id', 'lot_' || ulid, 'lot_stock_id', 'lotstk_' || ulid), received_at, received_at
       FROM bench_item_lots WHERE status <> 'released'`,
    [inventoryItemId]
  )
  await sql(
    `UPDATE lot_stock s SET blocked_reservation_id = 'resitem_' || b.ulid
       FROM bench_item_lots b WHERE s.id = 'lotstk_' || b.ulid AND b.status <> 'released'`
  )
  const stock = await sql(`SELECT location_id, sum(qty)::int AS units, count(*)::int AS lots FROM bench_item_lots GROUP BY location_id`)
  const statuses = await sql(
    `SELECT CASE WHEN status = 'released' AND expires_at < now() THEN 'released, past expiry'
                 WHEN status = 'released' AND expires_at < now() + interval '60 days' THEN 'released, < 60 days left'
                 ELSE status END AS kind, count(*)::int AS lots
       FROM bench_item_lots GROUP BY 1 ORDER BY 2 DESC`
  )
  await sql(`DROP TABLE bench_item_lots`)
  return {
    count,
    stockAt: Object.fromEntries(stock.map((r) => [r.location_id, r.units])),
    perLocation: Object.fromEntries(stock.map((r) => [r.location_id, r.lots])),
    statuses: Object.fromEntries(statuses.map((r) => [r.kind, r.lots])),
  }
}

/** reserved_quantity of the item's levels := its open reservations (the blocks just inserted). */
async function applyBlockedToLevels(sql, inventoryItemId) {
  const cols = new Set((await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'inventory_level'`)).map((r) => r.column_name))
  const raw = cols.has("raw_reserved_quantity")
  await sql(
    `UPDATE inventory_level l
        SET reserved_quantity = r.q ${raw ? ", raw_reserved_quantity = jsonb_build_object('value', r.q::text, 'precision', 20)" : ""}
       FROM (SELECT location_id, sum(quantity) AS q FROM reservation_item
              WHERE inventory_item_id = $1 AND deleted_at IS NULL GROUP BY location_id) r
      WHERE l.inventory_item_id = $1 AND l.location_id = r.location_id AND l.deleted_at IS NULL`,
    [inventoryItemId]
  )
}

/** Where Medusa reserved a line (and how much), read from the database. */
async function reservationOf(sql, lineItemId) {
  const rows = await sql(`SELECT location_id, quantity::int AS quantity FROM reservation_item WHERE line_item_id = $1 AND deleted_at IS NULL`, [lineItemId])
  if (rows.length !== 1) throw new Error(`line ${lineItemId}: expected one reservation, found ${rows.length}`)
  return rows[0]
}

/**
 * Places one order of `kind` ("tracked" | "untracked") through the store API and adds it to the
 * pool. Returns the pool entry { kind, orderId, lineItemId, locationId, quantity, checkout }.
 * With `waitAllocated`, a tracked order is only returned once its lots are allocated.
 */
export async function placeOrder(sc, kind, { waitAllocated = true } = {}) {
  const product = sc[kind]
  const result = await checkout(sc.http, sc.store, [{ variant_id: product.variantId, quantity: sc.cfg.quantity }], {
    shippingOption: sc.shipOption,
  })
  const line = result.order.items[0]
  const reservation = await reservationOf(sc.sql, line.id)
  const entry = {
    kind,
    orderId: result.order.id,
    lineItemId: line.id,
    quantity: sc.cfg.quantity,
    locationId: reservation.location_id,
    checkout: result,
    allocation: null,
  }
  if (kind === "tracked" && waitAllocated) entry.allocation = await waitForAllocation(sc, entry)
  sc.pool[kind].push(entry)
  return entry
}

/**
 * Polls GET /admin/orders/:id/lots every `poll_ms` until the line has allocated lots (or a
 * shortfall). Returns { lots, shortfalls, seenAt (hrtime ms), polls }.
 */
export async function waitForAllocation(sc, entry, timeoutMs = 20_000) {
  const deadline = nowMs() + timeoutMs
  let polls = 0
  for (;;) {
    const { body } = await sc.http.adminTimed("GET", `/admin/orders/${entry.orderId}/lots`)
    polls++
    const line = body.lines.find((l) => l.line_item_id === entry.lineItemId)
    if (line && (line.allocated.length || line.shortfalls.length)) {
      return { seenAt: nowMs(), polls, lots: line.allocated, shortfalls: line.shortfalls }
    }
    if (nowMs() > deadline) throw new Error(`order ${entry.orderId}: no lots allocated after ${timeoutMs} ms (${polls} polls)`)
    await sleep(sc.cfg.poll_ms)
  }
}

const usable = (o) => !o.taken && (o.kind === "untracked" || o.allocation?.lots?.length > 0)

/** The next unfulfilled pool order of `kind`, placing (untimed) a new one when none is left. */
export async function takeOrder(sc, kind) {
  // A tracked order counts only once its lots are allocated (a restart can lose the subscriber run).
  const next = sc.pool[kind].find((o) => usable(o))
  if (next) {
    next.taken = true
    return next
  }
  const placed = await placeOrder(sc, kind)
  placed.taken = true
  return placed
}

/** The stock-Medusa baseline: the item's level at the location. */
export const LEVEL_SQL = `SELECT * FROM inventory_level WHERE inventory_item_id = $1 AND location_id = $2`

/**
 * The reference the allocation's locking SQL is held to: a FEFO pick written by hand in one
 * statement — the item's released lots at the location keeping past the cutoff, with free units,
 * earliest expiry first, the first `$4` stock rows locked FOR UPDATE. ($1 item, $2 location, $3 cutoff.)
 */
export const HAND_FEFO_SQL = `SELECT s.id, s.quantity - s.allocated_quantity - s.quarantined_quantity AS available
  FROM lot_stock s JOIN lot l ON l.id = s.lot_id
 WHERE l.inventory_item_id = $1 AND s.location_id = $2 AND l.status = 'released' AND l.expires_at > $3
   AND s.quantity > s.allocated_quantity + s.quarantined_quantity AND l.deleted_at IS NULL AND s.deleted_at IS NULL
 ORDER BY l.expires_at, l.received_at, l.id
 LIMIT $4
 FOR UPDATE OF s`

/**
 * Checks a tracked order's allocation against FEFO: every allocated lot is released and keeps
 * past the 60-day rule, and no eligible lot at that location expiring earlier still has free units.
 * Returns null when right, else a description.
 */
export async function checkFefo(sql, entry) {
  for (const lot of entry.allocation?.lots ?? []) {
    const [row] = await sql(
      `SELECT l.status, l.expires_at > now() + interval '${POLICY.min_remaining_shelf_life_days} days' AS keeps,
              (SELECT count(*)::int FROM lot o JOIN lot_stock os ON os.lot_id = o.id
                WHERE o.inventory_item_id = l.inventory_item_id AND os.location_id = $2
                  AND o.status = 'released' AND o.expires_at > now() + interval '${POLICY.min_remaining_shelf_life_days} days'
                  AND os.quantity > os.allocated_quantity AND o.deleted_at IS NULL AND os.deleted_at IS NULL
                  AND (o.expires_at, o.received_at, o.id) < (l.expires_at, l.received_at, l.id)) AS earlier_free
         FROM lot l WHERE l.id = $1`,
      [lot.lot_id, lot.location_id]
    )
    if (!row) return `lot ${lot.lot_id} not found`
    if (row.status !== "released" || !row.keeps) return `lot ${lot.lot_number} is ${row.status}, keeps 60 days: ${row.keeps}`
    if (row.earlier_free > 0) return `lot ${lot.lot_number} chosen while ${row.earlier_free} eligible lot(s) expiring earlier had free units`
  }
  return null
}

/** Places (untimed) enough orders of `kind` for `count` more takeOrder calls; returns how many it placed. */
export async function ensurePool(sc, kind, count) {
  const ready = sc.pool[kind].filter((o) => usable(o)).length
  for (let i = ready; i < count; i++) {
    await placeOrder(sc, kind)
    await sleep(50)
  }
  return Math.max(0, count - ready)
}

// ---------------------------------------------------------------------------------------------
// The plugin's locking statements, read from its source at run time (others edit it while the
// bench runs), so the suites time what src/modules/lot says today:
//
//   allocation (actions/allocate.ts allocateOrderLines, per line):  lockOrderLine -> lockCoveringStock =
//       pickEligibleStockIds (unlocked running-sum pick of the eligible rows covering the need,
//       in strategy order) -> lockStockRows (their lots FOR SHARE, then those stock rows FOR
//       UPDATE), re-checked; sampleIneligibleLots only on a shortfall;
//   fulfillment (actions/fulfill.ts fulfillLine, per line):  lockOrderLine -> lockOpenAllocations -> lockStockRows
//       of the line's allocated (and picked) lots at the location -> lockCoveringStock only when
//       those do not cover the quantity.
//
// Each helper's statements are the backtick templates of its `sql.execute(...)` calls in
// sql/allocation-sql.ts. `${...}` in a template is filled as the module fills it: the strategy and
// keep ORDER BY derived from the sort keys of domain/strategy-order.ts (STRATEGY_ORDER,
// ALLOCATION_KEEP_ORDER) through allocation-sql.ts' SORT_COLUMN, lockStockRows' filter from its
// constant. knex's `?` become $1, $2, ... with array values expanded into one placeholder per
// element, as knex binds them. The copies below are the fallback (as of the strategy order
// derived from its sort keys) when the source cannot be read that way.

const SRC = path.join(projectRoot, "src", "modules", "lot")

const FALLBACK = {
  lockOrderLine: [
    `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`,
  ],
  pickEligibleStockIds: [
    `SELECT id FROM (
       SELECT id, free, SUM(free) OVER (ORDER BY position) AS running FROM (
         SELECT s.id, s.quantity - s.allocated_quantity - s.quarantined_quantity AS free,
                row_number() OVER (ORDER BY \${ORDER_BY[query.strategy]}) AS position
           FROM lot_stock s JOIN lot l ON l.id = s.lot_id
          WHERE l.inventory_item_id = ? AND s.location_id = ?
            AND s.deleted_at IS NULL AND l.deleted_at IS NULL
            AND l.status = 'released' AND (l.expires_at IS NULL OR l.expires_at > ?)
            AND s.quantity > s.allocated_quantity + s.quarantined_quantity
            AND l.id NOT IN (?) AND s.id NOT IN (?)
          ORDER BY \${ORDER_BY[query.strategy]}
          LIMIT ?
       ) first_rows
     ) ranked
     WHERE running - free < ?`,
  ],
  lockStockRows: [
    `SELECT l.id FROM lot l WHERE l.id IN (SELECT s.lot_id FROM lot_stock s WHERE \${filter}) ORDER BY l.id FOR SHARE`,
    `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.expires_at, l.received_at,
            s.quantity, s.allocated_quantity, s.quantity - s.allocated_quantity - s.quarantined_quantity AS available
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE \${filter} AND s.deleted_at IS NULL AND l.deleted_at IS NULL
      ORDER BY s.id
      FOR UPDATE OF s`,
  ],
  sampleIneligibleLots: [
    `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.expires_at, l.received_at,
            s.quantity, s.allocated_quantity, s.quantity - s.allocated_quantity - s.quarantined_quantity AS available
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE l.inventory_item_id = ? AND s.location_id = ? AND s.quantity > 0
        AND s.deleted_at IS NULL AND l.deleted_at IS NULL
        AND (l.status <> 'released' OR l.expires_at <= ?)
      ORDER BY l.expires_at ASC NULLS LAST, l.id
      LIMIT ?`,
  ],
  lockOpenAllocations: [
    `SELECT a.id, a.lot_id, a.location_id, a.quantity, l.expires_at
       FROM lot_allocation a JOIN lot l ON l.id = a.lot_id
      WHERE a.line_item_id = ? AND a.status = 'open' AND a.deleted_at IS NULL
      ORDER BY \${KEEP_ORDER_BY}
      FOR UPDATE OF a`,
  ],
}
const FALLBACK_ORDER_BY = {
  fefo: "l.expires_at ASC NULLS LAST, l.received_at ASC, l.id ASC",
  fifo: "l.received_at ASC, l.id ASC",
  lifo: "l.received_at DESC, l.id ASC",
}
const FALLBACK_KEEP_ORDER_BY = "l.expires_at ASC NULLS LAST, a.id ASC"
const FALLBACK_FILTER = {
  stock_ids: "s.id IN (?) AND s.deleted_at IS NULL",
  lot_ids: "s.lot_id IN (?) AND s.location_id = ? AND s.deleted_at IS NULL",
}

const readSrc = (rel) => {
  try {
    return fs.readFileSync(path.join(SRC, rel), "utf8")
  } catch {
    return null
  }
}

/** The text of `export async function name(` up to the next top-level export. */
function libFunction(file, name) {
  const start = file?.indexOf(`export async function ${name}(`) ?? -1
  if (start < 0) return null
  const next = file.indexOf("\nexport ", start + 1)
  return file.slice(start, next < 0 ? undefined : next)
}

/** The SQL templates (raw, knex `?` and `${...}` left in) of a helper's sql.execute calls, in order. */
function templatesFromSource(file, name) {
  const body = libFunction(file, name)
  if (!body) return null
  const out = [...body.matchAll(/\.execute(?:<[\s\S]*?>)?\(\s*`([\s\S]*?)`/g)].map((m) => m[1])
  return out.length ? out : null
}

/**
 * The sort keys of domain/strategy-order.ts as allocation-sql.ts turns them into `ORDER BY` text
 * (orderBySql): { order_by: { fefo, fifo, lifo }, keep_order_by } or null when unreadable.
 */
function derivedOrderBy(file) {
  const keysFile = readSrc(path.join("domain", "strategy-order.ts"))
  const columns = Object.fromEntries(
    [...(file?.match(/const SORT_COLUMN\b[^=]*=\s*\{([^}]*)\}/)?.[1] ?? "").matchAll(/(\w+):\s*"([^"]*)"/g)].map((m) => [m[1], m[2]])
  )
  const strategies = keysFile?.match(/export const STRATEGY_ORDER\b[^=]*=\s*\{([\s\S]*?)\n\}/)?.[1]
  const keep = keysFile?.match(/export const ALLOCATION_KEEP_ORDER\b[^=]*=\s*\[(.*)\]/)?.[1]
  if (!strategies || !keep || !Object.keys(columns).length) return null
  const keyLists = {}
  for (const m of strategies.matchAll(/(\w+):\s*\[([^\]]*)\]/g)) keyLists[m[1]] = [...m[2].matchAll(/"([^"]*)"/g)].map((k) => k[1])
  // A keep key is a literal or a reference to a strategy's key (STRATEGY_ORDER.fefo[0]).
  const keepKeys = [...keep.matchAll(/"([^"]*)"|STRATEGY_ORDER\.(\w+)\[(\d+)\]/g)].map((m) => m[1] ?? keyLists[m[2]]?.[Number(m[3])])
  if (!keepKeys.length) return null
  const toSql = (keys) =>
    keys
      .map((key) => {
        const [field, direction] = key.split(" ")
        if (!columns[field]) throw new Error(`no column for sort field ${field}`)
        return `${columns[field]} ${direction === "desc" ? "DESC" : "ASC"}${key.endsWith(" nulls last") ? " NULLS LAST" : ""}`
      })
      .join(", ")
  try {
    return { order_by: Object.fromEntries(Object.entries(keyLists).map(([strategy, keys]) => [strategy, toSql(keys)])), keep_order_by: toSql(keepKeys) }
  } catch {
    return null
  }
}

/** The `${...}` values a template may use, derived from the source (fallback: the copies above). */
function interpolations(file, strategy, mode) {
  const derived = derivedOrderBy(file)
  const fromSource = { order_by: Boolean(derived?.order_by[strategy]), keep_order_by: Boolean(derived), filter: false }
  const filter = { ...FALLBACK_FILTER }
  const f = file?.match(/const filter = byIds\s*\? "([^"]*)"\s*: "([^"]*)"/)
  if (f) {
    filter.stock_ids = f[1]
    filter.lot_ids = f[2]
    fromSource.filter = true
  }
  return {
    values: {
      "ORDER_BY[query.strategy]": derived?.order_by[strategy] ?? FALLBACK_ORDER_BY[strategy],
      KEEP_ORDER_BY: derived?.keep_order_by ?? FALLBACK_KEEP_ORDER_BY,
      filter: filter[mode],
    },
    fromSource,
  }
}

/**
 * A knex template bound for pg: `${expr}` filled from `interp` (an unknown one throws: the source
 * changed shape), then each `?` -> $n, an array value -> one $n per element (as knex expands it).
 */
export function bindKnex(template, values, interp = {}) {
  const text0 = template.replace(/\$\{([^}]+)\}/g, (_, expr) => {
    const v = interp[expr.trim()]
    if (v === undefined) throw new Error(`unknown \${${expr}} in a plugin statement`)
    return v
  })
  const out = []
  let i = 0
  const text = text0.replace(/\?/g, () => {
    if (i >= values.length) throw new Error("more ? than values in a plugin statement")
    const v = values[i++]
    if (Array.isArray(v)) {
      const list = v.length ? v : [""]
      return list.map((x) => (out.push(x), `$${out.length}`)).join(", ")
    }
    out.push(v)
    return `$${out.length}`
  })
  if (i !== values.length) throw new Error(`${values.length} values for ${i} ? in a plugin statement`)
  return { text, values: out }
}

/**
 * The plugin's statements, bound like the service binds them, read from src now (fallback: the
 * copies above, with a note in `fallbacks`). Each builder returns [{ text, values }] (one per
 * sql.execute of the helper).
 */
export function pluginSql({ strategy = "fefo" } = {}) {
  const file = readSrc(path.join("sql", "allocation-sql.ts"))
  const fallbacks = new Set()
  const bind = (name, values, mode = "stock_ids") => {
    const templates = templatesFromSource(file, name)
    const { values: interp, fromSource } = interpolations(file, strategy, mode)
    if (templates) {
      try {
        const needs = templates.join("\n")
        if (needs.includes("${ORDER_BY") && !fromSource.order_by) fallbacks.add(`ORDER_BY (${name})`)
        if (needs.includes("${KEEP_ORDER_BY}") && !fromSource.keep_order_by) fallbacks.add(`KEEP_ORDER_BY (${name})`)
        if (needs.includes("${filter}") && !fromSource.filter) fallbacks.add(`filter (${name})`)
        return templates.map((t, k) => bindKnex(t, values(k), interp))
      } catch (err) {
        fallbacks.add(`${name} (${err.message})`)
      }
    } else fallbacks.add(name)
    return FALLBACK[name].map((t, k) => bindKnex(t, values(k), interp))
  }
  // Fallback copies that no longer match the source (informational: the source is what runs).
  const norm = (t) => t.replace(/\s+/g, " ").trim()
  const stale = Object.keys(FALLBACK).filter((name) => {
    const t = templatesFromSource(file, name)
    return t && t.map(norm).join("\n") !== FALLBACK[name].map(norm).join("\n")
  })
  return {
    fallbacks,
    stale,
    lockOrderLine: (lineItemId) => bind("lockOrderLine", () => [`lot-allocation:${lineItemId}`]),
    /** needed: units still to cover; mustOutlast: ship date + minimum remaining shelf life. */
    pickEligibleStockIds: ({ item, location, mustOutlast, needed, excludeLots = [], excludeStock = [] }) =>
      bind("pickEligibleStockIds", () => [item, location, mustOutlast, excludeLots, excludeStock, needed, needed]),
    lockStockRows: (where) =>
      "stock_ids" in where
        ? bind("lockStockRows", () => [where.stock_ids], "stock_ids")
        : bind("lockStockRows", () => [where.lot_ids, where.location_id], "lot_ids"),
    sampleIneligibleLots: ({ item, location, mustOutlast, limit = 4 }) => bind("sampleIneligibleLots", () => [item, location, mustOutlast, limit]),
    lockOpenAllocations: (lineItemId) => bind("lockOpenAllocations", () => [lineItemId]),
  }
}

/** What a line's lots must outlast at a ship date of now (eligibilityQuery in sql/allocation-sql.ts). */
export const mustOutlastNow = () => new Date(Date.now() + POLICY.min_remaining_shelf_life_days * 86_400_000)

/**
 * The helpers a function calls with the transaction (`await name(sql, ...)`), in source order:
 * `fn` (exported or not) in `file`, a path under src/modules/lot without ".ts" (e.g.
 * "actions/fulfill"). null when unreadable.
 */
export function sqlCalls(file, fn) {
  const text = readSrc(`${file}.ts`)
  const start = text?.search(new RegExp(`^(?:export )?async function ${fn}\\(`, "m")) ?? -1
  if (start < 0) return null
  const next = text.slice(start + 1).search(/\n(?:export |async function |function |const )/)
  const body = text.slice(start, next < 0 ? undefined : start + 1 + next)
  return [...body.matchAll(/await (\w+)\(\s*sql\b/g)].map((m) => m[1])
}

/**
 * Checks that the source still takes its locks the way a suite models them: `expect` maps a
 * function ("<file>:<function>", e.g. "actions/fulfill:fulfillLine" or
 * "sql/allocation-sql:lockCoveringStock") to helper names it must call, in that order.
 * Returns { calls: { fn: [names] }, problems: [text] }.
 */
export function checkCallModel(expect) {
  const calls = {}
  const problems = []
  for (const [key, names] of Object.entries(expect)) {
    const [file, fn] = key.split(":")
    const got = sqlCalls(file, fn)
    calls[fn] = got
    if (!got) {
      problems.push(`${fn} not found in src`)
      continue
    }
    let at = -1
    for (const n of names) {
      const k = got.indexOf(n, at + 1)
      if (k < 0) {
        problems.push(`${fn} no longer calls ${n} (after ${names.slice(0, names.indexOf(n)).join(", ") || "the start"}); it calls ${got.join(", ")}`)
        break
      }
      at = k
    }
  }
  return { calls, problems }
}
