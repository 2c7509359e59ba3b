// Suite "fulfillment": POST /admin/orders/:id/fulfillments for an order line of a lot-tracked item
// (10,000 lots at 5 locations, the line's lots allocated FEFO at order.placed) vs the same
// fulfillment of an untracked item (stock Medusa). The plugin's part runs inside the request:
// the `fulfillmentCreated` hook (confirmFulfillmentLots -> LotModuleService.fulfillOrderLines)
// locks every stock row of the item at the location (lockItemStockAt), takes the units from the
// line's allocated lots and records the shipment.
//
// Orders come from the shared pool (bench/lib/lot-scenario.mjs): those the allocation suite
// placed, or new ones placed here before anything is timed. One warm-up fulfillment of each kind,
// then BENCH_ORDERS (20) of each, alternating (ABBA), one request at a time. Every tracked
// fulfillment is checked afterwards (its allocation is `fulfilled`, nothing left open).
// The statement that grows with the lot count (lockItemStockAt) is also timed directly against
// the database next to stock Medusa's inventory_level read, with EXPLAIN (ANALYZE, BUFFERS).
// Writes: fulfillments (stock decremented, lot allocations fulfilled).
import { withoutRestart } from "../lib/medusa-http.mjs"
import { ITEM_STOCK_AT_SQL, LEVEL_SQL, ensurePool, helperSql, lotScenario, serviceLocks, takeOrder } from "../lib/lot-scenario.mjs"
import { accumulateSql, allStatements, caseFromSamples, pairedDifference, pluginStatements, ratio, sqlEntry, timeStatements } from "../lib/samples.mjs"
import { SqlTrace } from "../lib/sql-trace.mjs"
import { fulfill, nowMs } from "../lib/storefront.mjs"
import { sleep } from "../lib/util.mjs"

const TARGET_RATIO = 1.15
const SETTLE_MS = 400 // without SQL tracing: pause after each fulfillment

export default {
  name: "fulfillment",
  description: "POST /admin/orders/:id/fulfillments, tracked item (10,000 lots, allocated) vs untracked, alternating; lockItemStockAt SQL vs inventory_level",

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
      const { value: pair } = await withoutRestart(ctx, http, `fulfillment: pair ${i + 1}`, async () => {
        await settle() // drop what ran before this attempt
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

    const cases = []
    const plugin = trace ? pluginStatements(serverSql.tracked, s.tracked.length) : null
    const pluginUntracked = trace ? pluginStatements(serverSql.untracked, s.untracked.length) : null
    cases.push(caseFromSamples({ label: "POST /admin/orders/:id/fulfillments, untracked", data: `stock Medusa, ${cfg.locations} locations`, samples: s.untracked, seconds: seconds / 2 }))
    cases.push(
      caseFromSamples({
        label: "POST /admin/orders/:id/fulfillments, tracked",
        data: `${n} lots / ${cfg.locations} locations, allocated`,
        samples: s.tracked,
        seconds: seconds / 2,
        extra: plugin ? { sql: plugin.sql, sql_statements_per_request: plugin.statements_per_flow, sql_ms_per_request: plugin.ms_per_flow } : {},
      })
    )

    const item = sc.tracked.inventoryItemId
    const loc = { id: done.tracked.at(-1).locationId }
    // The statements as the plugin's source has them now (others may be editing it).
    const stockAtSql = helperSql("lockItemStockAt") ?? ITEM_STOCK_AT_SQL
    const { fromSource, locks } = serviceLocks("fulfillLine_", ["lockItemStockAt"])
    const stmts = [
      { key: "stock_at", text: stockAtSql, values: [item, loc.id] },
      { key: "baseline", text: LEVEL_SQL, values: [item, loc.id] },
    ]
    const sequence = locks.length > 1 ? { key: "sequence", steps: locks.map((l) => ({ text: l.text, values: [item, loc.id] })) } : null
    if (sequence) stmts.push(sequence)
    const { value: timedSql } = await withoutRestart(ctx, http, "fulfillment: SQL timing", () => timeStatements(sql, stmts, { runs: cfg.sql_runs }))
    for (const [key, label, data] of [
      ["stock_at", "SQL lockItemStockAt (FOR UPDATE)", `${timedSql.stock_at.rows} rows locked`],
      ["baseline", "SQL inventory_level (item, location)", `stock Medusa, ${timedSql.baseline.rows} row`],
    ]) {
      const st = stmts.find((x) => x.key === key)
      const c = caseFromSamples({ label, data, samples: timedSql[key].samples })
      c.rows_returned = timedSql[key].rows
      c.sql = [sqlEntry({ text: st.text, values: st.values, samples: timedSql[key].samples, explain: timedSql[key].explain })]
      c.sql_statements_per_request = 1
      c.sql_ms_per_request = c.latency_ms.p50
      cases.push(c)
    }

    if (sequence) {
      const c = caseFromSamples({ label: `SQL lock sequence per line (${locks.map((l) => l.name).join(" + ")})`, data: `as fulfillLine_ runs them${fromSource ? "" : " (fallback list)"}`, samples: timedSql.sequence.samples })
      c.sql_statements_per_request = locks.length
      c.sql_ms_per_request = c.latency_ms.p50
      cases.push(c)
    }
    const [u, t, sa, sb, sq] = cases.map((c) => c.latency_ms)
    const p50 = ratio(t.p50, u.p50)
    const p95 = ratio(t.p95, u.p95)
    const derived = [
      { name: "fulfillment p50 tracked / untracked", value: p50, unit: "x", note: `${t.p50} vs ${u.p50} ms; aim <= ${TARGET_RATIO}x: ${p50 <= TARGET_RATIO ? "met" : "MISSED"}` },
      { name: "fulfillment p95 tracked / untracked", value: p95, unit: "x", note: `${t.p95} vs ${u.p95} ms; aim <= ${TARGET_RATIO}x: ${p95 <= TARGET_RATIO ? "met" : "MISSED"}` },
      { name: "plugin cost per fulfillment (p50 difference)", value: t.p50 - u.p50, unit: "ms" },
      (() => {
        const d = pairedDifference(s.untracked, s.tracked)
        return { name: "fulfillment tracked - untracked, median over pairs", value: d.median, unit: "ms", note: `p95 ${d.p95} ms over ${d.pairs} pairs (robust to load that hits both)` }
      })(),
      { name: "lockItemStockAt p50 / inventory_level p50", value: ratio(sa.p50, sb.p50), unit: "x", note: `${sa.p50} vs ${sb.p50} ms; ${timedSql.stock_at.rows} rows locked and sent per fulfilled line` },
      ...(sq ? [{ name: "fulfillment lock sequence p50 / inventory_level p50", value: ratio(sq.p50, sb.p50), unit: "x", note: `${sq.p50} ms for ${locks.map((l) => l.name).join(" + ")} in one transaction` }] : []),
      { name: "tracked fulfillments recorded correctly", value: check.length - wrong.length, unit: `of ${check.length}` },
    ]
    if (trace) {
      const [at, au] = [allStatements(serverSql.tracked, s.tracked.length), allStatements(serverSql.untracked, s.untracked.length)]
      derived.splice(4, 0, { name: "all SQL per fulfillment (server), tracked - untracked", value: at.ms - au.ms, unit: "ms", note: `tracked ${at.ms} ms / ${at.statements} statements, untracked ${au.ms} ms / ${au.statements}; the rest of the latency difference is JavaScript in the server` })
    }
    if (plugin) derived.splice(4, 0, { name: "plugin SQL per tracked fulfillment (server)", value: plugin.ms_per_flow, unit: "ms", note: `${plugin.statements_per_flow} statements on lot tables or locks, seen from the server process (waits included); untracked: ${pluginUntracked.ms_per_flow} ms, ${pluginUntracked.statements_per_flow} statements` })
    if (p50 > TARGET_RATIO) warn(`tracked fulfillment p50 is ${p50.toFixed(2)}x the untracked one (aim: <= ${TARGET_RATIO}x)`)

    return {
      cases,
      derived,
      data: {
        orders_each: cfg.orders,
        order_quantity: cfg.quantity,
        sql_timed_at_location: sc.locationName[loc.id],
        service_lock_sequence: locks.map((l) => l.name),
        orders_placed_here: placed,
        placing_seconds: placeSeconds,
      },
    }
  },
}
