// Suite "allocation": what lot allocation costs for ONE order line when the item has 10,000 lots
// at 5 stock locations (2,000 each; see bench/lib/lot-scenario.mjs for the data).
//
// The plugin allocates in a subscriber on `order.placed` (allocateOrderLotsWorkflow ->
// LotModuleService.allocateOrderLines), so it is measured three ways:
//   1. checkout latency of the tracked item vs the same checkout of an untracked item (stock
//      Medusa), BENCH_ORDERS (20) of each, placed alternately (ABBA) one at a time, every step of
//      the guest checkout timed, the cart completion on its own too;
//   2. "order placed -> lots allocated": after each tracked checkout, GET /admin/orders/:id/lots
//      is polled every BENCH_POLL_MS (25) until the line shows its lots (resolution: one poll
//      interval plus one request). Each allocation is checked against FEFO with SQL;
//   3. the allocation's locking SQL itself, as allocateOrderLines (actions/allocate.ts) runs it per line today (read from
//      src/modules/lot at run time, see pluginSql in bench/lib/lot-scenario.mjs): lockOrderLine
//      (advisory lock) -> lockCoveringStock = pickEligibleStockIds (unlocked running-sum pick of the
//      eligible stock rows that cover the need, FEFO order) -> lockStockRows (those lots FOR SHARE,
//      then those stock rows FOR UPDATE). Run directly against the database in rolled-back
//      transactions, BENCH_SQL_RUNS (50) times, alternating with stock Medusa's baseline
//      `SELECT ... FROM inventory_level WHERE inventory_item_id = $1 AND location_id = $2`: the
//      pick alone, lockStockRows alone, the whole sequence, and sampleIneligibleLots (run only on
//      a shortfall). EXPLAIN (ANALYZE, BUFFERS) of each statement, rows locked per allocation.
// With SQL tracing on, the plugin's statements as the server ran them during the checkouts are
// attached to the "placed -> allocated" case (per tracked order), with the rows its FOR UPDATE /
// FOR SHARE statements locked per order.
// Writes: orders, reservations, lot allocations (the orders are left for the fulfillment suite).
import { withoutRestart } from "../lib/medusa-http.mjs"
import { HAND_FEFO_SQL, LEVEL_SQL, POLICY, checkCallModel, checkFefo, lotScenario, mustOutlastNow, placeOrder, pluginSql, waitForAllocation } from "../lib/lot-scenario.mjs"
import {
  accumulateSql,
  caseFromSamples,
  describeLocks,
  lockedRowsPerFlow,
  pairedDifference,
  pluginStatements,
  ratio,
  sqlEntry,
  summarize,
  timeStatements,
} from "../lib/samples.mjs"
import { SqlTrace } from "../lib/sql-trace.mjs"
import { sleep } from "../lib/util.mjs"

const SETTLE_MS = 400 // without SQL tracing: after each order, let its subscribers finish before the next checkout

export default {
  name: "allocation",
  description: "Lot allocation of one order line, item with 10,000 lots at 5 locations: checkout vs untracked, placed->allocated, allocation lock SQL (running-sum pick + lockStockRows) vs inventory_level",

  async run(ctx) {
    const sc = await lotScenario(ctx)
    const { cfg, http } = sc
    const sql = ctx.sql
    const n = cfg.lots.toLocaleString("en-US")
    const perLocation = Math.round(cfg.lots / cfg.locations).toLocaleString("en-US")
    const cases = []
    const derived = []
    const warn = (m) => ctx.warn(`allocation: ${m}`)

    // 1 + 2. Checkouts, alternating, one at a time. After each order the server's SQL trace is
    // read (which also gives the order's subscribers time to finish before the next checkout).
    const s = {
      untracked: { total: [], complete: [] },
      tracked: { total: [], complete: [], afterAnswer: [], afterSent: [], polls: [] },
    }
    const serverSql = { untracked: new Map(), tracked: new Map() }
    const reservedAt = {}
    const fefoProblems = []
    let measuredSeconds = 0
    const trace = http.traceDir ? new SqlTrace(http.traceDir) : null
    const settle = async () => (trace ? await trace.since() : (await sleep(SETTLE_MS), []))
    await trace?.mark()
    ctx.log(`  ${cfg.orders} checkouts of each item, alternating (${cfg.quantity} units per order line)`)
    for (let i = 0; i < cfg.orders; i++) {
      const kinds = i % 2 === 0 ? ["untracked", "tracked"] : ["tracked", "untracked"]
      const { value: pair } = await withoutRestart(ctx, http, `allocation: checkout pair ${i + 1}`, async (attempt) => {
        if (attempt > 1) await settle() // drop what ran before this attempt (the last pair's reads consumed the rest)
        const out = {}
        for (const kind of kinds) {
          const entry = await placeOrder(sc, kind, { waitAllocated: false })
          if (kind === "tracked") entry.allocation = await waitForAllocation(sc, entry)
          else await http.adminTimed("GET", `/admin/orders/${entry.orderId}/lots`) // the same follow-up read as one poll
          out[kind] = { entry, sqlRows: await settle() }
        }
        return out
      })
      for (const kind of kinds) {
        const { entry: e, sqlRows } = pair[kind]
        s[kind].total.push(e.checkout.ms.total)
        s[kind].complete.push(e.checkout.ms.complete)
        accumulateSql(serverSql[kind], sqlRows)
        measuredSeconds += e.checkout.ms.total / 1000
        const where = sc.locationName[e.locationId] ?? e.locationId
        reservedAt[where] = (reservedAt[where] ?? 0) + 1
      }
      const t = pair.tracked.entry
      s.tracked.afterAnswer.push(t.allocation.seenAt - t.checkout.completeAnsweredAt)
      s.tracked.afterSent.push(t.allocation.seenAt - t.checkout.completeSentAt)
      s.tracked.polls.push(t.allocation.polls)
      if (t.allocation.shortfalls.length) fefoProblems.push(`order ${t.orderId}: shortfall ${JSON.stringify(t.allocation.shortfalls[0])}`)
      const problem = await checkFefo(sql, t)
      if (problem) fefoProblems.push(`order ${t.orderId}: ${problem}`)
    }

    const data = {
      untracked: `stock Medusa, ${cfg.locations} locations`,
      tracked: `${n} lots / ${cfg.locations} locations`,
    }
    const row = (label, dataText, samples, extra) => caseFromSamples({ label, data: dataText, samples, extra })
    const cu = row("checkout (6 store requests), untracked item", data.untracked, s.untracked.total)
    const ct = row("checkout (6 store requests), tracked item", data.tracked, s.tracked.total)
    const ku = row("POST /store/carts/:id/complete, untracked", data.untracked, s.untracked.complete)
    const kt = row("POST /store/carts/:id/complete, tracked", data.tracked, s.tracked.complete)
    cases.push(cu, ct, ku, kt)
    // The bench's own polling reads lot_allocation(_shortfall) through the ORM ("l0" aliases): not allocation work.
    const polling = /from "lot_allocation(_shortfall)?" as "l0"/i
    const plugin = trace ? pluginStatements(serverSql.tracked, s.tracked.total.length, { exclude: polling }) : null
    const pluginUntracked = trace ? pluginStatements(serverSql.untracked, s.untracked.total.length, { exclude: polling }) : null
    const alloc = row("order placed -> lots allocated (poll after answer)", `${perLocation} lots at the location, poll ${cfg.poll_ms} ms`, s.tracked.afterAnswer, {
      after_complete_sent_ms: summarize(s.tracked.afterSent),
      polls: summarize(s.tracked.polls),
      ...(plugin && { sql: plugin.sql, sql_statements_per_request: plugin.statements_per_flow, sql_ms_per_request: plugin.ms_per_flow }),
    })
    cases.push(alloc)

    // 3. The locking SQL of one allocation, straight against the database, as the source has it now.
    const item = sc.tracked.inventoryItemId
    const last = sc.pool.tracked.at(-1)
    const loc = { id: last.locationId }
    const lotsHere = sc.lots.perLocation[loc.id]
    const model = checkCallModel({
      "actions/allocate:allocateOrderLines": ["lockOrderLine", "lockCoveringStock"],
      "sql/allocation-sql:lockCoveringStock": ["pickEligibleStockIds", "lockStockRows"],
    })
    for (const problem of model.problems) warn(`the bench times lockOrderLine -> lockCoveringStock (pickEligibleStockIds -> lockStockRows), but ${problem}: the SQL cases may no longer be what the service runs`)
    const q = pluginSql({ strategy: POLICY.strategy })
    if (q.fallbacks.size) warn(`not read from src (timing the bench's copies): ${[...q.fallbacks].join(", ")}`)
    const [pick] = q.pickEligibleStockIds({ item, location: loc.id, mustOutlast: mustOutlastNow(), needed: cfg.quantity })
    const picked = (await sql(pick.text, pick.values)).map((r) => r.id)
    if (!picked.length) warn(`pickEligibleStockIds found no eligible stock at ${sc.locationName[loc.id]}: the lock cases lock nothing`)
    // lockStockRows of what the pick returned in the same transaction (steps: [..., pick, lot share, stock update]).
    const lockPicked = (pickAt) => [0, 1].map((k) => ({ build: (prev) => q.lockStockRows({ stock_ids: prev[pickAt].map((r) => r.id) })[k] }))
    const stmts = [
      { key: "baseline", text: LEVEL_SQL, values: [item, loc.id] },
      { key: "hand", text: HAND_FEFO_SQL, values: [item, loc.id, mustOutlastNow(), cfg.quantity] },
      { key: "pick", ...pick },
      { key: "lock", steps: q.lockStockRows({ stock_ids: picked }) },
      { key: "sequence", steps: [...q.lockOrderLine(last.lineItemId), pick, ...lockPicked(1)] },
      { key: "ineligible", ...q.sampleIneligibleLots({ item, location: loc.id, mustOutlast: mustOutlastNow() })[0] },
    ]
    ctx.log(`  allocation SQL: ${cfg.sql_runs} runs of each statement, alternating, in rolled-back transactions`)
    const { value: timedSql } = await withoutRestart(ctx, http, "allocation: SQL timing", () => timeStatements(sql, stmts, { runs: cfg.sql_runs }))
    const stepNames = { lock: ["lockStockRows: lots FOR SHARE", "lockStockRows: stock FOR UPDATE"], sequence: ["lockOrderLine", "pickEligibleStockIds", "lockStockRows: lots FOR SHARE", "lockStockRows: stock FOR UPDATE"] }
    const sqlCase = (key, label, dataText) => {
      const r = timedSql[key]
      const st = stmts.find((x) => x.key === key)
      const c = caseFromSamples({ label, data: dataText, samples: r.samples })
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
    const seqRows = timedSql.sequence.step_rows // [advisory, picked, lots share-locked, stock rows locked]
    const lockedDirect = { lots: seqRows[2], stock: seqRows[3] }
    const sqlPick = sqlCase("pick", "SQL pickEligibleStockIds (running sum, no lock)", `${timedSql.pick.rows} of ${lotsHere} lots at the location picked for ${cfg.quantity} units`)
    const sqlLock = sqlCase("lock", "SQL lockStockRows (lots FOR SHARE + stock FOR UPDATE)", `${timedSql.lock.step_rows[0]} lot + ${timedSql.lock.step_rows[1]} stock row(s) locked`)
    const sqlSeq = sqlCase("sequence", "SQL allocation lock sequence per line", `lockOrderLine + pick + lockStockRows: ${lockedDirect.lots} lot + ${lockedDirect.stock} stock row(s) locked`)
    const sqlBase = sqlCase("baseline", "SQL inventory_level (item, location)", `stock Medusa, ${timedSql.baseline.rows} row`)
    const sqlInel = sqlCase("ineligible", "SQL sampleIneligibleLots (shortfall only)", `${timedSql.ineligible.rows} rows, not locked`)
    const sqlHand = sqlCase("hand", "SQL FEFO pick FOR UPDATE written by hand (one statement)", `${timedSql.hand.rows} stock row(s) locked, of ${lotsHere} lots at the location`)
    cases.push(sqlPick, sqlLock, sqlSeq, sqlBase, sqlInel, sqlHand)

    // Rows the server's allocation locked per tracked order (from the SQL trace).
    const locked = trace ? lockedRowsPerFlow(serverSql.tracked, s.tracked.total.length) : null
    if (locked) alloc.rows_locked_per_order = locked

    const p = (c) => c.latency_ms
    derived.push({ name: "checkout p50 tracked / untracked", value: ratio(p(ct).p50, p(cu).p50), unit: "x", note: `${p(ct).p50} vs ${p(cu).p50} ms, ${s.tracked.total.length} + ${s.untracked.total.length} orders` })
    derived.push({ name: "checkout p95 tracked / untracked", value: ratio(p(ct).p95, p(cu).p95), unit: "x" })
    const pairedCheckout = pairedDifference(s.untracked.total, s.tracked.total)
    derived.push({ name: "checkout tracked - untracked, median over pairs", value: pairedCheckout.median, unit: "ms", note: `p95 ${pairedCheckout.p95} ms over ${pairedCheckout.pairs} pairs (robust to load that hits both)` })
    derived.push({ name: "cart complete p50 tracked / untracked", value: ratio(p(kt).p50, p(ku).p50), unit: "x", note: `${p(kt).p50} vs ${p(ku).p50} ms` })
    derived.push({ name: "cart complete p95 tracked / untracked", value: ratio(p(kt).p95, p(ku).p95), unit: "x" })
    const pairedComplete = pairedDifference(s.untracked.complete, s.tracked.complete)
    derived.push({ name: "cart complete tracked - untracked, median over pairs", value: pairedComplete.median, unit: "ms", note: `p95 ${pairedComplete.p95} ms (the allocation subscriber starts before the answer and competes with it)` })
    derived.push({ name: "order placed -> lots allocated p50", value: p(alloc).p50, unit: "ms", note: `after the checkout answer; p95 ${p(alloc).p95} ms; from sending the completion: p50 ${alloc.after_complete_sent_ms.p50}, p95 ${alloc.after_complete_sent_ms.p95} ms` })
    if (plugin) derived.push({ name: "plugin SQL per tracked order (server)", value: plugin.ms_per_flow, unit: "ms", note: `${plugin.statements_per_flow} statements on lot tables or locks, seen from the server process (waits included); untracked order: ${pluginUntracked.ms_per_flow} ms, ${pluginUntracked.statements_per_flow} statements` })
    if (locked) derived.push({ name: "rows locked per tracked order (server)", value: locked.rows_total, unit: "rows", note: `${describeLocks(locked.locks)}; ${locked.advisory} advisory lock(s); ${lotsHere} lots at the location` })
    derived.push({ name: "rows locked per allocated line (direct SQL)", value: lockedDirect.lots + lockedDirect.stock, unit: "rows", note: `${lockedDirect.lots} lot FOR SHARE + ${lockedDirect.stock} lot_stock FOR UPDATE for ${cfg.quantity} units, of ${lotsHere} lots at the location` })
    derived.push({ name: "allocation lock sequence p50 / inventory_level p50", value: ratio(p(sqlSeq).p50, p(sqlBase).p50), unit: "x", note: `${p(sqlSeq).p50} vs ${p(sqlBase).p50} ms; p95 ${p(sqlSeq).p95} vs ${p(sqlBase).p95} ms` })
    derived.push({ name: "allocation lock sequence p50 / hand-written FEFO pick FOR UPDATE p50", value: ratio(p(sqlSeq).p50, p(sqlHand).p50), unit: "x", note: `${p(sqlSeq).p50} vs ${p(sqlHand).p50} ms (aim ≤ 3x); p95 ${p(sqlSeq).p95} vs ${p(sqlHand).p95} ms` })
    derived.push({ name: "pickEligibleStockIds share of the lock sequence (p50)", value: ratio(p(sqlPick).p50, p(sqlSeq).p50), unit: "", note: `pick ${p(sqlPick).p50} ms, lockStockRows ${p(sqlLock).p50} ms` })
    derived.push({ name: "FEFO choice verified", value: s.tracked.total.length - fefoProblems.length, unit: `of ${s.tracked.total.length} orders`, note: fefoProblems[0] })
    if (fefoProblems.length) warn(`${fefoProblems.length} allocation(s) did not follow FEFO, e.g. ${fefoProblems[0]}`)

    return {
      cases,
      derived,
      data: {
        locations: sc.cfg.locations,
        lots: sc.lots.count,
        lots_per_location: sc.lots.perLocation,
        lot_kinds: sc.lots.statuses,
        policy: POLICY,
        orders_reserved_at: reservedAt,
        sql_timed_at_location: sc.locationName[loc.id],
        service_calls: Object.fromEntries(Object.entries(model.calls).map(([fn, calls]) => [fn, calls?.join(" > ") ?? null])),
        ...(q.stale.length && { bench_fallback_copies_stale: q.stale }),
        order_quantity: cfg.quantity,
        orders_each: cfg.orders,
        shop_setup_seconds: sc.setup_seconds,
        ...(pluginUntracked && { plugin_sql_per_untracked_order: { ms: pluginUntracked.ms_per_flow, statements: pluginUntracked.statements_per_flow, top: pluginUntracked.sql.slice(0, 3).map((x) => x.text.slice(0, 120)) } }),
        lot_load_seconds: sc.load_seconds,
        reconciliation: { in_balance: sc.reconciliation.in_balance, checked_items: sc.reconciliation.checked_items },
        settle_between_orders: trace ? "SQL trace read (~0.4 s)" : `${SETTLE_MS} ms`,
        measured_checkout_seconds: Math.round(measuredSeconds),
      },
    }
  },
}
