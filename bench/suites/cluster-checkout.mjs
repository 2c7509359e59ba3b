// Suite "cluster-checkout": guest checkouts per second of a lot-tracked item (10,000 lots at 5
// locations, the shop of bench/lib/lot-scenario.mjs) and of its untracked twin (stock Medusa) on
// ONE `medusa start` in shared mode vs TWO servers (the load split across them) and ONE worker,
// in the same run, on the same database, with Medusa's Redis modules on (bench/lib/cluster-bench.mjs).
// The ratios say whether the plugin's locks serialise what Medusa alone would not: a tracked item
// that gains less from the second server than the untracked one does is held back by them.
//
// Per case, carts are made ready beforehand (untimed) and completed by BENCH_CLUSTER_CONNECTIONS
// closed-loop connections (bench/lib/cart-load.mjs): "complete cart -> order placed" is the
// answer of POST /store/carts/:id/complete. The plugin allocates lots in an `order.placed`
// subscriber (in the worker, or in the shared server): "order placed -> lots allocated" is read
// from the database afterwards (order row created -> first lot_allocation row), so no polling
// adds load. The four cases alternate in BENCH_SLICES slices (same background load); after each
// slice the deployment's event queue is drained, so its subscribers' work does not run into the
// next case. Needs Redis (REDIS_URL, default redis://127.0.0.1:6379): without it, skipped.
// Writes: orders of the bench shop's two items (the shop is shared with allocation / fulfillment).
import fs from "node:fs"
import { allocationLags, completeCarts, prepareCarts } from "../lib/cart-load.mjs"
import { buildBackend, clusterBenchConfig, redisProblem, startDeployments, workDir } from "../lib/cluster-bench.mjs"
import { DEFAULT_REDIS_URL } from "../../scripts/lib/cluster.mjs"
import { benchDatabaseUrls } from "../lib/db.mjs"
import { lotScenario } from "../lib/lot-scenario.mjs"
import { caseFromSamples, ratio } from "../lib/samples.mjs"
import { nowMs } from "../lib/storefront.mjs"
import { envInt } from "../lib/util.mjs"

const CASES = [
  { key: "single/untracked", deployment: "single", kind: "untracked" },
  { key: "single/tracked", deployment: "single", kind: "tracked" },
  { key: "cluster/untracked", deployment: "cluster", kind: "untracked" },
  { key: "cluster/tracked", deployment: "cluster", kind: "tracked" },
]
const TOPOLOGY = { single: "1 server (shared)", cluster: "2 servers + worker" }
const round = (v, d = 2) => (v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d)

export default {
  name: "cluster-checkout",
  description: "Guest checkouts/s and order placed -> lots allocated of a tracked item (10,000 lots) vs an untracked one, on 1 shared-mode server vs 2 servers + a worker (Redis modules on), same run, same data",

  async run(ctx) {
    const cfg = {
      ...clusterBenchConfig(),
      duration_s: envInt("BENCH_CLUSTER_DURATION", 10),
      connections: Math.max(1, envInt("BENCH_CLUSTER_CONNECTIONS", 8)),
      // Two slices (ABBA: every case centred on the same moment) unless told: a slice costs
      // its carts' preparation, several times the measured seconds on a busy machine.
      slices: Math.max(1, envInt("BENCH_CLUSTER_SLICES", 2)),
    }
    const problem = await redisProblem(cfg.redis_url)
    if (problem) {
      const line = `cluster-checkout skipped: ${problem}; it needs a Redis server at REDIS_URL (default ${DEFAULT_REDIS_URL})`
      ctx.log(line)
      return { cases: [], derived: [], data: { skipped: line } }
    }

    const work = workDir()
    let deployments = null
    let finished = false
    try {
      ctx.log(`  medusa build (backend) in ${work}, and the bench shop, side by side`)
      const [built, sc] = await Promise.all([buildBackend(work), lotScenario(ctx)])
      ctx.log(`  build done in ${built.seconds.toFixed(0)}s; starting 1 shared server and 2 servers + a worker on the bench database`)
      deployments = await startDeployments({ serverDir: built.serverDir, logDir: built.logDir, databaseUrl: benchDatabaseUrls().benchUrl, cfg, log: ctx.log })
      const ordersBefore = await countOrders(ctx)
      const measured = await measure(ctx, sc, deployments, cfg).catch((error) => {
        error.message += `\nlast lines of the deployments' logs:\n${deployments.deployments.map((d) => d.logTail()).join("\n")}`
        throw error
      })
      const report = describe(sc, cfg, measured, deployments)
      report.data.build_seconds = round(built.seconds, 0)
      report.data.orders_in_database = { before: ordersBefore, after: await countOrders(ctx) }
      finished = true
      return report
    } finally {
      await deployments?.stop()
      if (finished) fs.rmSync(work, { recursive: true, force: true })
      else ctx.log(`  cluster-checkout: logs kept in ${work}/logs`)
    }
  },
}

async function countOrders(ctx) {
  return (await ctx.sql(`SELECT count(*)::int AS n FROM "order"`))[0].n
}

/** Warm-up of every case, then the slices; returns the per-case samples. */
async function measure(ctx, sc, deployments, cfg) {
  const sliceSeconds = cfg.duration_s / cfg.slices
  const maxPerSlice = Math.ceil(ctx.config.max_requests / cfg.slices)
  const state = CASES.map((c) => ({
    ...c,
    d: deployments[c.deployment],
    product: sc[c.kind],
    queue: [],
    rate: 0,
    samples: [],
    seconds: 0,
    orders: 0,
    failures: [],
    ranOut: 0,
    drainMs: [],
    lags: [],
    unallocated: 0,
    allocSpan: 0,
  }))
  const prepare = async (s, count) => {
    const carts = await prepareCarts(s.d.servers, sc.store, {
      variantId: s.product.variantId,
      quantity: sc.cfg.quantity,
      shippingOption: sc.shipOption,
      count,
      parallel: cfg.connections,
    })
    s.queue.push(...carts)
    await s.d.idle() // events of the preparation handled before anything is timed
  }

  // Warm-up (untimed): a few checkouts per deployment, half of each item; its rate is the first
  // estimate of how many carts a slice needs.
  const warmup = Math.ceil(cfg.connections / 4)
  ctx.log(`  warm-up: ${2 * warmup} checkouts on each deployment`)
  for (const name of ["single", "cluster"]) {
    const pair = state.filter((s) => s.deployment === name)
    for (const s of pair) await prepare(s, warmup)
    const queue = pair[0].queue.flatMap((cart, i) => [cart, pair[1].queue[i]]).filter(Boolean)
    for (const s of pair) s.queue.length = 0
    const r = await completeCarts(queue, sc.store, { connections: cfg.connections, seconds: 300 })
    if (!r.orders.length) throw new Error(`${name}: no warm-up checkout went through: ${r.failures[0]}`)
    for (const s of pair) s.rate = r.orders.length / r.seconds
    await pair[0].d.idle()
  }

  ctx.log(`  measuring ${CASES.map((c) => c.key).join(", ")}: ${cfg.duration_s}s each at ${cfg.connections} connections, alternating in ${cfg.slices} slices`)
  for (let slice = 0; slice < cfg.slices; slice++) {
    for (const s of slice % 2 === 0 ? state : [...state].reverse()) {
      // Enough carts for the slice at the best rate seen so far, with room to spare.
      const want = Math.min(maxPerSlice, Math.ceil(s.rate * sliceSeconds * 1.5) + Math.ceil(cfg.connections / 2))
      if (s.queue.length < want) await prepare(s, want - s.queue.length)
      const r = await completeCarts(s.queue, sc.store, { connections: cfg.connections, seconds: sliceSeconds })
      if (r.ranOut) s.ranOut++
      s.samples.push(...r.latencies)
      s.seconds += r.seconds
      s.orders += r.orders.length
      s.failures.push(...r.failures)
      s.rate = Math.max(s.rate, r.orders.length / r.seconds)
      const drainStart = nowMs()
      await s.d.idle(180_000)
      s.drainMs.push(nowMs() - drainStart)
      if (s.kind === "tracked") {
        const a = await allocationLags(ctx.sql, r.orders)
        s.lags.push(...a.lags)
        s.unallocated += a.unallocated
        s.allocSpan += a.span_s
      }
      ctx.log(`    slice ${slice + 1}/${cfg.slices} ${s.key}: ${r.orders.length} orders in ${r.seconds.toFixed(1)}s (${(r.orders.length / r.seconds).toFixed(1)}/s), ${r.failures.length} failed, queue drained in ${(s.drainMs.at(-1) / 1000).toFixed(1)}s`)
    }
  }
  for (const s of state) {
    if (s.failures.length) ctx.warn(`cluster-checkout ${s.key}: ${s.failures.length} completion(s) failed, e.g. ${s.failures[0]}`)
    if (s.ranOut) ctx.warn(`cluster-checkout ${s.key}: ran out of prepared carts in ${s.ranOut} slice(s) (those slices ended early)`)
    if (s.unallocated) ctx.warn(`cluster-checkout ${s.key}: ${s.unallocated} order(s) without lots allocated after the queue drained`)
  }
  return Object.fromEntries(state.map((s) => [s.key, s]))
}

/** The results rows, the ratios and the data description. */
function describe(sc, cfg, m, deployments) {
  const lots = `${sc.lots.count.toLocaleString("en-US")} lots / ${sc.cfg.locations} locations`
  const dataOf = (s) => `${s.kind === "tracked" ? lots : `stock Medusa, ${sc.cfg.locations} locations`}, ${TOPOLOGY[s.deployment]}`
  const rows = {}
  const cases = []
  for (const s of Object.values(m)) {
    rows[s.key] = caseFromSamples({
      label: `${TOPOLOGY[s.deployment]}: cart complete -> order placed, ${s.kind}`,
      data: dataOf(s),
      samples: s.samples,
      seconds: s.seconds,
      failed: s.failures.length,
      rate: `${round(s.samples.length / s.seconds, 1)} checkouts/s`,
      extra: { connections: cfg.connections, http_servers: s.d.servers.length, queue_drain_ms_after_slice: s.drainMs.map((v) => round(v, 0)) },
    })
    cases.push(rows[s.key])
    if (s.kind !== "tracked") continue
    rows[`${s.key}/allocated`] = caseFromSamples({
      label: `${TOPOLOGY[s.deployment]}: order placed -> lots allocated`,
      data: `${dataOf(s)}, from the database`,
      samples: s.lags,
      seconds: s.allocSpan,
      failed: s.unallocated,
      rate: `${round(s.lags.length / s.allocSpan, 1)} allocated/s`,
      extra: { connections: cfg.connections, allocated_by: s.deployment === "single" ? "the shared server" : "the worker" },
    })
    cases.push(rows[`${s.key}/allocated`])
  }

  const rate = (key) => rows[key]?.req_per_s
  const p50 = (key) => rows[key]?.latency_ms.p50
  const versus = (a, b) => `${rate(a)} vs ${rate(b)} /s; p50 ${p50(a)} vs ${p50(b)} ms, p95 ${rows[a].latency_ms.p95} vs ${rows[b].latency_ms.p95} ms`
  const gain = { tracked: ratio(rate("cluster/tracked"), rate("single/tracked")), untracked: ratio(rate("cluster/untracked"), rate("single/untracked")) }
  const derived = [
    { name: "checkouts/s 2 servers + worker / 1 server, tracked", value: gain.tracked, unit: "x", note: versus("cluster/tracked", "single/tracked") },
    { name: "checkouts/s 2 servers + worker / 1 server, untracked", value: gain.untracked, unit: "x", note: versus("cluster/untracked", "single/untracked") },
    { name: "checkouts/s tracked / untracked, 1 server", value: ratio(rate("single/tracked"), rate("single/untracked")), unit: "x", note: versus("single/tracked", "single/untracked") },
    { name: "checkouts/s tracked / untracked, 2 servers + worker", value: ratio(rate("cluster/tracked"), rate("cluster/untracked")), unit: "x", note: versus("cluster/tracked", "cluster/untracked") },
    {
      name: "gain of the 2nd server, tracked / untracked",
      value: ratio(gain.tracked, gain.untracked),
      unit: "x",
      note: "below 1: the tracked item gains less from a second server than stock Medusa does (the plugin serialises more)",
    },
    {
      name: "lots allocated/s 2 servers + worker / 1 server",
      value: ratio(rate("cluster/tracked/allocated"), rate("single/tracked/allocated")),
      unit: "x",
      note: `${rate("cluster/tracked/allocated")} vs ${rate("single/tracked/allocated")} /s; placed -> allocated p50 ${p50("cluster/tracked/allocated")} vs ${p50("single/tracked/allocated")} ms`,
    },
  ]
  return {
    cases,
    derived,
    data: {
      lots: sc.lots.count,
      locations: sc.cfg.locations,
      lots_per_location: Object.values(sc.lots.perLocation),
      lot_kinds: sc.lots.statuses,
      order_quantity: sc.cfg.quantity,
      connections: cfg.connections,
      seconds_per_case: cfg.duration_s,
      slices: cfg.slices,
      orders_placed: Object.fromEntries(Object.values(m).map((s) => [s.key, s.orders])),
      deployments: Object.fromEntries(deployments.deployments.map((d) => [d.name, d.procs.map((p) => `${p.name} :${p.port}`).join(", ")])),
      redis_databases: cfg.redis_dbs,
      shop_setup_seconds: sc.setup_seconds,
    },
  }
}
