// Suite "fulfillment": POST /admin/orders/:id/fulfillments for an order line of a lot-tracked item
// (10,000 lots at 5 locations, the line's lots allocated FEFO at order.placed) vs the same
// fulfillment of an untracked item (stock Medusa). The plugin's part runs inside the request:
// the `fulfillmentCreated` hook (confirmFulfillmentLots -> LotModuleService.fulfillOrderLines ->
// fulfillLine in actions/fulfill.ts) takes the line's advisory lock, locks its open allocations (lockOpenAllocations),
// then only the line's allocated (and picked) lots at the location (lockStockRows: lots FOR SHARE,
// stock rows FOR UPDATE), falls back to lockCoveringStock only if those do not cover the quantity,
// takes the units and records the shipment.
//
// Orders come from the shared pool (bench/lib/lot-scenario.mjs): those the allocation suite
// placed, or new ones placed here before anything is timed. One warm-up fulfillment of each kind,
// then BENCH_ORDERS (20) of each, alternating (ABBA), one request at a time. Every tracked
// fulfillment is checked afterwards (its allocation is `fulfilled`, nothing left open).
// fulfillLine's locking SQL, read from src at run time, is also timed directly against the
// database for a line that is allocated and not fulfilled yet, next to stock Medusa's
// inventory_level read: lockOpenAllocations, lockStockRows of its lots, the whole sequence, and
// the fallback (lockCoveringStock + sampleIneligibleLots), with EXPLAIN (ANALYZE, BUFFERS) and the
// rows each locks; with SQL tracing on, the rows the server locked per fulfillment too.
// Writes: fulfillments (stock decremented, lot allocations fulfilled).
import { retryOnRestart, withoutRestart } from "../lib/medusa-http.mjs"
import { LEVEL_SQL, POLICY, checkCallModel, ensurePool, lotScenario, mustOutlastNow, pluginSql, takeOrder } from "../lib/lot-scenario.mjs"
import {
  accumulateSql,
  allStatements,
  caseFromSamples,
  describeLocks,
  lockedRowsPerFlow,
  pairedDifference,
  pluginStatements,
  ratio,
  sqlEntry,
  timeStatements,
} from "../lib/samples.mjs"
import { SqlTrace } from "../lib/sql-trace.mjs"
import { fulfill, nowMs } from "../lib/storefront.mjs"
import { sleep } from "../lib/util.mjs"

const TARGET_RATIO = 1.15
const SETTLE_MS = 400 // without SQL tracing: pause after each fulfillment

export default {
  name: "fulfillment",
  description: "POST /admin/orders/:id/fulfillments, tracked item (10,000 lots, allocated) vs untracked, alternating; fulfillLine lock SQL (open allocations + their lots) vs inventory_level",

  async run(ctx) {
    const sc = await lotScenario(ctx)
    const { cfg, http } = sc
    const sql = ctx.sql
    const n = cfg.lots.toLocaleString("en-US")
    const warn = (m) => ctx.warn(`fulfillment: ${m}`)

    // Orders first (not timed): warm-up + measured + a spare for a measurement redone after a restart.
    const need = cfg.orders + 2
    const t0 = nowMs()
    const placed = { untracked: await ensurePool(sc, "untracked", need), tracked: await ensurePool(sc, "tracked", need) }
    const placeSeconds = Math.round((nowMs() - t0) / 100) / 10
    ctx.log(`  orders ready (${placed.untracked + placed.tracked} placed now in ${placeSeconds}s, the rest left by the allocation suite)`)

    // Each order is fulfilled where Medusa reserved it. After each request the server's SQL trace
    // is read (which also lets the request's after-effects settle before the next one).
    const trace = http.traceDir ? new SqlTrace(http.traceDir) : null
    const settle = async () => (trace ? await trace.since() : (await sleep(SETTLE_MS), []))
    const fulfillOne = async (kind) => {
      const o = await takeOrder(sc, kind)
      const r = await fulfill(http, o.orderId, { items: [{ id: o.lineItemId, quantity: o.quantity }], location_id: o.locationId })
      o.fulfilled = true
      return { order: o, ms: r.ms, sqlRows: await settle() }
    }
    await trace?.mark()
    await fulfillOne("untracked")
    await fulfillOne("tracked")

    const s = { untracked: [], tracked: [] }
    const done = { untracked: [], tracked: [] }
    const serverSql = { untracked: new Map(), tracked: new Map() }
    const started = nowMs()
    for (let i = 0; i < cfg.orders; i++) {
      const kinds = i % 2 === 0 ? ["untracked", "tracked"] : ["tracked", "untracked"]
      const { value: pair } = await withoutRestart(ctx, http, `fulfillment: pair ${i + 1}`, async (attempt) => {
        if (attempt > 1) await settle() // drop what ran before this attempt (the last pair's reads consumed the rest)
        const out = {}
        for (const kind of kinds) out[kind] = await fulfillOne(kind)
        return out
      })
      for (const kind of kinds) {
        s[kind].push(pair[kind].ms)
        done[kind].push(pair[kind].order)
        accumulateSql(serverSql[kind], pair[kind].sqlRows)
      }
    }
    const seconds = (nowMs() - started) / 1000

    // Did the plugin do its job on every tracked fulfillment?
    const check = await sql(
      `SELECT o.id,
              coalesce(sum(a.quantity) FILTER (WHERE a.status = 'fulfilled'), 0)::int AS fulfilled,
              coalesce(sum(a.quantity) FILTER (WHERE a.status = 'open'), 0)::int AS open
         FROM unnest($1::text[]) AS o(id) LEFT JOIN lot_allocation a ON a.order_id = o.id AND a.deleted_at IS NULL
        GROUP BY o.id`,
      [done.tracked.map((o) => o.orderId)]
    )
    const wrong = check.filter((r) => r.fulfilled !== cfg.quantity || r.open !== 0)
    if (wrong.length) warn(`${wrong.length} tracked fulfillment(s) not recorded as expected, e.g. ${JSON.stringify(wrong[0])}`)

    const plugin = trace ? pluginStatements(serverSql.tracked, s.tracked.length) : null
    const pluginUntracked = trace ? pluginStatements(serverSql.untracked, s.untracked.length) : null
    const locked = trace ? lockedRowsPerFlow(serverSql.tracked, s.tracked.length) : null
    const u = caseFromSamples({ label: "POST /admin/orders/:id/fulfillments, untracked", data: `stock Medusa, ${cfg.locations} locations`, samples: s.untracked, seconds: seconds / 2 })
    const t = caseFromSamples({
      label: "POST /admin/orders/:id/fulfillments, tracked",
      data: `${n} lots / ${cfg.locations} locations, allocated`,
      samples: s.tracked,
      seconds: seconds / 2,
      extra: plugin ? { sql: plugin.sql, sql_statements_per_request: plugin.statements_per_flow, sql_ms_per_request: plugin.ms_per_flow, rows_locked_per_fulfillment: locked } : {},
    })
    const cases = [u, t]

    // fulfillLine's locking SQL, straight against the database, for a line allocated and not
    // fulfilled yet (a spare pool order, else one placed now, untimed).
    const model = checkCallModel({ "actions/fulfill:fulfillLine": ["lockOrderLine", "lockOpenAllocations", "lockStockRows", "lockCoveringStock"], "sql/allocation-sql:lockCoveringStock": ["pickEligibleStockIds", "lockStockRows"] })
    for (const problem of model.problems) warn(`the bench times lockOrderLine -> lockOpenAllocations -> lockStockRows (lockCoveringStock as the fallback), but ${problem}: the SQL cases may no longer be what the service runs`)
    const q = pluginSql({ strategy: POLICY.strategy })
    if (q.fallbacks.size) warn(`not read from src (timing the bench's copies): ${[...q.fallbacks].join(", ")}`)
    const spare = await retryOnRestart(ctx, http, "fulfillment: an allocated order for the SQL timing", () => takeOrder(sc, "tracked"))
    const item = sc.tracked.inventoryItemId
    const loc = { id: spare.locationId }
    const [openSql] = q.lockOpenAllocations(spare.lineItemId)
    const ownLots = (rows) => [...new Set(rows.filter((a) => a.location_id === loc.id).map((a) => a.lot_id))]
    const open = await sql(openSql.text, openSql.values)
    if (!ownLots(open).length) warn(`order ${spare.orderId} has no open allocation at its location: the lock cases lock no stock`)
    const lockOwn = (openAt) => [0, 1].map((k) => ({ build: (prev) => q.lockStockRows({ lot_ids: ownLots(prev[openAt]), location_id: loc.id })[k] }))
    const [pick] = q.pickEligibleStockIds({ item, location: loc.id, mustOutlast: mustOutlastNow(), needed: spare.quantity })
    const lockPicked = (pickAt) => [0, 1].map((k) => ({ build: (prev) => q.lockStockRows({ stock_ids: prev[pickAt].map((r) => r.id) })[k] }))
    const stmts = [
      { key: "baseline", text: LEVEL_SQL, values: [item, loc.id] },
      { key: "open", ...openSql },
      { key: "lock", steps: q.lockStockRows({ lot_ids: ownLots(open), location_id: loc.id }) },
      { key: "sequence", steps: [...q.lockOrderLine(spare.lineItemId), openSql, ...lockOwn(1)] },
      { key: "fallback", steps: [pick, ...lockPicked(0), ...q.sampleIneligibleLots({ item, location: loc.id, mustOutlast: mustOutlastNow() })] },
    ]
    const stepNames = {
      lock: ["lockStockRows: lots FOR SHARE", "lockStockRows: stock FOR UPDATE"],
      sequence: ["lockOrderLine", "lockOpenAllocations", "lockStockRows: lots FOR SHARE", "lockStockRows: stock FOR UPDATE"],
      fallback: ["pickEligibleStockIds", "lockStockRows: lots FOR SHARE", "lockStockRows: stock FOR UPDATE", "sampleIneligibleLots"],
    }
    ctx.log(`  fulfillment SQL: ${cfg.sql_runs} runs of each statement, alternating, in rolled-back transactions`)
    const { value: timedSql } = await withoutRestart(ctx, http, "fulfillment: SQL timing", () => timeStatements(sql, stmts, { runs: cfg.sql_runs }))
    const sqlCase = (key, label, data) => {
      const r = timedSql[key]
      const st = stmts.find((x) => x.key === key)
      const c = caseFromSamples({ label, data, samples: r.samples })
      c.rows_returned = r.rows
      if (st.steps) {
        c.sql = st.steps.map((_, k) => ({ step: stepNames[key]?.[k], rows: r.step_rows[k], ...sqlEntry({ ...r.step_sql[k], samples: r.step_samples[k], explain: r.step_explain[k] }) }))
        c.sql_statements_per_request = st.steps.length
      } else {
        c.sql = [sqlEntry({ text: st.text, values: st.values, samples: r.samples, explain: r.explain })]
        c.sql_statements_per_request = 1
      }
      c.sql_ms_per_request = c.latency_ms.p50
      return c
    }
    const seqRows = timedSql.sequence.step_rows // [advisory, open allocations, lots share-locked, stock rows locked]
    const lockedDirect = { allocations: seqRows[1], lots: seqRows[2], stock: seqRows[3] }
    const fbRows = timedSql.fallback.step_rows
    const sqlOpen = sqlCase("open", "SQL lockOpenAllocations (FOR UPDATE OF a)", `${timedSql.open.rows} open allocation(s) of the line locked`)
    const sqlLock = sqlCase("lock", "SQL lockStockRows of the line's lots", `${timedSql.lock.step_rows[0]} lot + ${timedSql.lock.step_rows[1]} stock row(s) locked`)
    const sqlSeq = sqlCase("sequence", "SQL fulfillment lock sequence per line", `lockOrderLine + allocations + their lots: ${lockedDirect.allocations} + ${lockedDirect.lots} + ${lockedDirect.stock} row(s) locked`)
    const sqlBase = sqlCase("baseline", "SQL inventory_level (item, location)", `stock Medusa, ${timedSql.baseline.rows} row`)
    const sqlFall = sqlCase("fallback", "SQL fallback lockCoveringStock + sampleIneligibleLots", `only if the allocation does not cover: ${fbRows[1]} lot + ${fbRows[2]} stock row(s) locked`)
    cases.push(sqlOpen, sqlLock, sqlSeq, sqlBase, sqlFall)

    const [ul, tl] = [u.latency_ms, t.latency_ms]
    const p50 = ratio(tl.p50, ul.p50)
    const p95 = ratio(tl.p95, ul.p95)
    const d = pairedDifference(s.untracked, s.tracked)
    const derived = [
      { name: "fulfillment p50 tracked / untracked", value: p50, unit: "x", note: `${tl.p50} vs ${ul.p50} ms; aim <= ${TARGET_RATIO}x: ${p50 <= TARGET_RATIO ? "met" : "MISSED"}` },
      { name: "fulfillment p95 tracked / untracked", value: p95, unit: "x", note: `${tl.p95} vs ${ul.p95} ms; aim <= ${TARGET_RATIO}x: ${p95 <= TARGET_RATIO ? "met" : "MISSED"}` },
      { name: "plugin cost per fulfillment (p50 difference)", value: Math.round((tl.p50 - ul.p50) * 100) / 100, unit: "ms" },
      { name: "fulfillment tracked - untracked, median over pairs", value: d.median, unit: "ms", note: `p95 ${d.p95} ms over ${d.pairs} pairs (robust to load that hits both)` },
    ]
    if (plugin) derived.push({ name: "plugin SQL per tracked fulfillment (server)", value: plugin.ms_per_flow, unit: "ms", note: `${plugin.statements_per_flow} statements on lot tables or locks, seen from the server process (waits included); untracked: ${pluginUntracked.ms_per_flow} ms, ${pluginUntracked.statements_per_flow} statements` })
    if (trace) {
      const [at, au] = [allStatements(serverSql.tracked, s.tracked.length), allStatements(serverSql.untracked, s.untracked.length)]
      derived.push({ name: "all SQL per fulfillment (server), tracked - untracked", value: Math.round((at.ms - au.ms) * 10) / 10, unit: "ms", note: `tracked ${at.ms} ms / ${at.statements} statements, untracked ${au.ms} ms / ${au.statements}; the rest of the latency difference is JavaScript in the server` })
    }
    if (locked) derived.push({ name: "rows locked per tracked fulfillment (server)", value: locked.rows_total, unit: "rows", note: `${describeLocks(locked.locks)}; ${locked.advisory} advisory lock(s)` })
    derived.push({ name: "rows locked per fulfilled line (direct SQL)", value: lockedDirect.allocations + lockedDirect.lots + lockedDirect.stock, unit: "rows", note: `${lockedDirect.allocations} lot_allocation FOR UPDATE + ${lockedDirect.lots} lot FOR SHARE + ${lockedDirect.stock} lot_stock FOR UPDATE, of ${sc.lots.perLocation[loc.id]} lots at the location` })
    derived.push({ name: "fulfillment lock sequence p50 / inventory_level p50", value: ratio(sqlSeq.latency_ms.p50, sqlBase.latency_ms.p50), unit: "x", note: `${sqlSeq.latency_ms.p50} vs ${sqlBase.latency_ms.p50} ms; p95 ${sqlSeq.latency_ms.p95} vs ${sqlBase.latency_ms.p95} ms` })
    derived.push({ name: "tracked fulfillments recorded correctly", value: check.length - wrong.length, unit: `of ${check.length}` })
    if (p50 > TARGET_RATIO) warn(`tracked fulfillment p50 is ${p50.toFixed(2)}x the untracked one (aim: <= ${TARGET_RATIO}x)`)

    return {
      cases,
      derived,
      data: {
        orders_each: cfg.orders,
        order_quantity: cfg.quantity,
        sql_timed_at_location: sc.locationName[loc.id],
        sql_timed_for_order: spare.orderId,
        service_calls: Object.fromEntries(Object.entries(model.calls).map(([fn, calls]) => [fn, calls?.join(" > ") ?? null])),
        ...(q.stale.length && { bench_fallback_copies_stale: q.stale }),
        orders_placed_here: placed,
        placing_seconds: placeSeconds,
      },
    }
  },
}
