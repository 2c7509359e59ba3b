#!/usr/bin/env node
// Benchmark harness. `npm run bench` runs it through scripts/with-db.mjs, which provides
// DATABASE_URL (an embedded PostgreSQL unless you point it at your own server).
//
//   node bench/run.mjs [suite ...]        run every suite in bench/suites/, or only those named
//   node bench/run.mjs --list             list the suites
//
// Steps: fresh database `lot_bench` (drop + create on DATABASE_URL's server) -> medusa db:migrate
// -> admin user -> `medusa develop` on a free port (admin UI disabled) -> /health -> login ->
// stock location via the API -> bulk data via SQL -> suites -> stop the server -> drop the
// database -> print the table and write bench/.results/<timestamp>.json (only after the server
// stopped, since develop's watcher restarts on writes in the project folder).
//
// Environment:
//   BENCH_LOTS=100000        lots and inventory items to load
//   BENCH_SCALE=large        1,000,000 lots (and 10,000,000 trace shipment links) unless BENCH_LOTS says otherwise
//   BENCH_DURATION=10        seconds per measured case
//   BENCH_SLICES=4           compared cases alternate in this many slices (same background load)
//   BENCH_CONNECTIONS=4      concurrent connections per case
//   BENCH_MAX_REQUESTS=50000 hard cap on requests per case
//   BENCH_Q=-0042            search substring (default matches 1% of SKUs and lot numbers)
//   BENCH_PORT=9081          first port to try for the server
//   BENCH_DB_NAME=lot_bench  database to (re)create and drop
//   BENCH_KEEP_DB=1          keep the database afterwards (to EXPLAIN by hand)
//   BENCH_SQL_TRACE=0        don't trace the server's SQL (on by default: per-case statements + EXPLAIN)
//   BENCH_SERVER_LOG=/tmp/x  copy the server's output there (outside the project folder)
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { benchDatabaseUrls, connect, dropDatabase, recreateDatabase, serverInfo } from "./lib/db.mjs"
import { DEFAULT_SEARCH, dataSizes, datasetSize, itemRef, loadDataset, skuDigits } from "./lib/dataset.mjs"
import { LoadTarget } from "./lib/load.mjs"
import { formatDataSizes, formatResults, writeResults } from "./lib/report.mjs"
import { createAdminUser, DevServer, medusaEnv, migrate } from "./lib/server.mjs"
import { explainAnalyze, shortSql, SqlTrace } from "./lib/sql-trace.mjs"
import { benchDir, envInt, findFreePort, log, sleep, timed } from "./lib/util.mjs"

const config = {
  lots: datasetSize(),
  duration_s: envInt("BENCH_DURATION", 10),
  connections: envInt("BENCH_CONNECTIONS", 4),
  max_requests: envInt("BENCH_MAX_REQUESTS", 50_000),
  search: process.env.BENCH_Q || DEFAULT_SEARCH,
  slices: Math.max(1, envInt("BENCH_SLICES", 4)),
  first_port: envInt("BENCH_PORT", 9081),
  sql_trace: process.env.BENCH_SQL_TRACE !== "0",
}

async function discoverSuites(names) {
  const dir = path.join(benchDir, "suites")
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort()
  const suites = []
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href)
    const suite = mod.default
    if (!suite?.name || typeof suite.run !== "function") throw new Error(`bench/suites/${f} must export default { name, run(ctx) }`)
    suites.push(suite)
  }
  if (!names.length) return suites
  const unknown = names.filter((n) => !suites.some((s) => s.name === n))
  if (unknown.length) throw new Error(`Unknown suite(s): ${unknown.join(", ")}; available: ${suites.map((s) => s.name).join(", ")}`)
  return suites.filter((s) => names.includes(s.name))
}

async function main() {
  const args = process.argv.slice(2)
  const suites = await discoverSuites(args.filter((a) => !a.startsWith("--")))
  if (args.includes("--list")) {
    for (const s of suites) console.log(`${s.name}\t${s.description ?? ""}`)
    return 0
  }

  const wall = process.hrtime.bigint()
  const results = {
    started_at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    config,
    setup: {},
    data: {},
    suites: [],
    warnings: [],
  }
  const warn = (msg) => {
    results.warnings.push(msg)
    log(`WARNING: ${msg}`)
  }

  results.machine.loadavg_at_start = os.loadavg().map((v) => Math.round(v * 100) / 100)
  if (os.loadavg()[0] > os.cpus().length) {
    warn(`the machine was already busy at the start (1-min load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores): other processes compete with the server and the figures are noisy`)
  }
  const db = benchDatabaseUrls()
  const traceDir = config.sql_trace ? fs.mkdtempSync(path.join(os.tmpdir(), "lot-bench-sql-")) : null
  let server = null
  let client = null
  let cleanedUp = false
  const cleanup = async () => {
    if (cleanedUp) return
    cleanedUp = true
    if (server) {
      log("stopping the server")
      await server.stop()
      if (server.restarts.length) {
        warn(`develop's watcher restarted the server ${server.restarts.length} time(s) during the run because project files changed (${server.restarts.map((r) => r.file).join(", ")}); cases that saw a restart were measured again`)
      }
    }
    await client?.end().catch(() => {})
    if (process.env.BENCH_KEEP_DB === "1") log(`keeping database ${db.name} (BENCH_KEEP_DB=1): ${db.benchUrl}`)
    else await dropDatabase(db).catch((e) => warn(`could not drop ${db.name}: ${e.message}`))
    if (traceDir) fs.rmSync(traceDir, { recursive: true, force: true })
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`)
      cleanup().finally(() => process.exit(130))
    })
  }

  const phase = async (name, fn) => {
    log(`${name} ...`)
    const { value, seconds } = await timed(fn)
    results.setup[name] = Math.round(seconds * 10) / 10
    log(`${name}: ${results.setup[name]}s`)
    return value
  }

  try {
    await phase("create database", () => recreateDatabase(db))
    const baseEnv = medusaEnv({ benchUrl: db.benchUrl, name: db.name })
    await phase("db:migrate", () => migrate(baseEnv))
    await phase("create admin user", () => createAdminUser(baseEnv))

    const port = await findFreePort(config.first_port)
    server = new DevServer({ env: medusaEnv({ benchUrl: db.benchUrl, name: db.name, port, traceDir }), port })
    await phase(`boot medusa develop (port ${port})`, async () => {
      server.start()
      await server.waitForHealth()
      await server.login()
    })
    client = await connect(db.benchUrl)
    results.machine.postgres = await serverInfo(client)
    const trace = traceDir ? new SqlTrace(traceDir) : null

    let dataset = null
    const ctx = {
      config,
      log,
      warn,
      api: (method, p, body) => server.api(method, p, body),
      sql: async (text, values) => (await client.query(text, values)).rows,
      /** Loads the shared data set once (the first suite that asks pays for it). */
      dataset: async () => {
        if (dataset) return dataset
        dataset = await phase(`load data (${config.lots.toLocaleString("en-US")} items + lots)`, async () => {
          const { stock_location } = await server.api("POST", "/admin/stock-locations", { name: "Bench warehouse" })
          const { timings } = await loadDataset(client, { count: config.lots, locationId: stock_location.id, log })
          results.setup.load_steps = timings
          return { count: config.lots, locationId: stock_location.id }
        })
        results.data.tables = await dataSizes(client)
        log(`data:\n${formatDataSizes(results.data.tables)}`)
        dataset.search = config.search
        dataset.itemRef = (i) => itemRef(i, skuDigits(config.lots))
        return dataset
      },
      /**
       * For work a suite times itself (a long single request): with SQL tracing on, sqlMark() then
       * sqlSince(result) lists the server's statements in between under `result.sql`, as measured
       * cases get them (per request: per `result.requests`).
       */
      sqlMark: async () => trace?.mark(),
      sqlSince: async (result) => trace && describeSql(result, await trace.since()),
      /** One measured case (see measureSet). */
      measure: async (spec) => (await ctx.measureSet([spec], { slices: 1 }))[0],
      /**
       * Several cases measured alternately in `slices` time slices (default BENCH_SLICES), each
       * case getting BENCH_DURATION seconds in total, so that they see the same background load
       * and their ratio is fair on a shared machine. With SQL tracing on, each result also lists
       * the statements its requests ran, with EXPLAIN ANALYZE of the costliest SELECTs.
       * develop restarts the server whenever a file in the project changes (another developer
       * saving a file is enough): a set that saw a restart is thrown away and measured again.
       */
      measureSet: async (specs, { slices = config.slices } = {}) => {
        const label = specs.map((s) => s.label).join(" | ")
        for (let attempt = 1; ; attempt++) {
          const restartsBefore = server.restarts.length
          const results = await measureOnce(specs, slices)
          if (server.restarts.length === restartsBefore) return results.map((r) => (attempt > 1 ? { ...r, attempts: attempt } : r))
          if (attempt >= 3) {
            warn(`${label}: the server restarted during all ${attempt} attempts; keeping the last (unreliable) results`)
            return results.map((r) => ({ ...r, attempts: attempt, unreliable: true }))
          }
          warn(`${label}: the server restarted during the measurement (a project file changed); measuring again`)
          await sleep(2000)
          await server.waitForHealth()
        }
      },
    }

    const measureOnce = async (specs, slices) => {
      await server.waitForHealth()
      const targets = specs.map(({ label: _label, ...opts }) =>
        new LoadTarget({ baseUrl: server.baseUrl, token: server.token, connections: config.connections, ...opts })
      )
      const names = specs.map((s) => s.label).join(", ")
      log(`  measuring ${names}: ${config.duration_s}s each at concurrency ${targets[0].connections}${specs.length > 1 ? `, alternating in ${slices} slices` : ""}`)
      for (const t of targets) await t.warmup()
      const sqlByTarget = targets.map(() => new Map())
      await trace?.mark()
      for (let slice = 0; slice < slices; slice++) {
        for (const [i, t] of targets.entries()) {
          await t.runFor(config.duration_s / slices, Math.ceil(config.max_requests / slices))
          if (trace) accumulate(sqlByTarget[i], await trace.since())
        }
      }
      const out = []
      for (const [i, t] of targets.entries()) {
        const r = { label: specs[i].label, ...t.result() }
        r.loadavg_1m_after = Math.round(os.loadavg()[0] * 100) / 100
        log(`    ${r.label}: ${r.requests} requests (${r.non_2xx} non-2xx, ${r.errors} errors), ${r.req_per_s} req/s, p50 ${r.latency_ms.p50} ms, p95 ${r.latency_ms.p95} ms, p99 ${r.latency_ms.p99} ms`)
        if (r.error_samples.length) log(`      e.g. ${r.error_samples[0]}`)
        if (trace) await describeSql(r, [...sqlByTarget[i].values()].sort((a, b) => b.total_ms - a.total_ms))
        out.push(r)
      }
      return out
    }

    // Times are seen from the server process (pool wait and event-loop delay included).
    const describeSql = async (r, all) => {
      const round = (v) => Math.round(v * 100) / 100
      if (r.requests) {
        r.sql_statements_per_request = Math.round((all.reduce((a, s) => a + s.calls, 0) / r.requests) * 10) / 10
        r.sql_ms_per_request = Math.round((all.reduce((a, s) => a + s.total_ms, 0) / r.requests) * 10) / 10
      }
      const top = all.slice(0, 6)
      const total = top.reduce((a, s) => a + s.total_ms, 0)
      r.sql = top.map((s) => ({
        calls: s.calls,
        calls_per_request: r.requests ? round(s.calls / r.requests) : null,
        mean_ms: round(s.total_ms / s.calls),
        max_ms_in_run: round(s.max_ms),
        share_of_top_time: total ? round(s.total_ms / total) : null,
        text: s.text,
        values: s.values,
      }))
      for (const s of r.sql.filter((x) => /^\s*select\b/i.test(x.text)).slice(0, 3)) {
        s.explain_analyze = await explainAnalyze(client, s)
      }
    }

    for (const suite of suites) {
      log(`suite ${suite.name}`)
      const entry = { name: suite.name }
      try {
        const { value, seconds } = await timed(() => suite.run(ctx))
        Object.assign(entry, value, { seconds: Math.round(seconds * 10) / 10 })
      } catch (err) {
        entry.error = err.stack ?? String(err)
        log(`suite ${suite.name} failed: ${err.stack ?? err}`)
      }
      results.suites.push(entry)
    }
  } catch (err) {
    results.error = err.stack ?? String(err)
    log(`bench failed: ${err.stack ?? err}`)
  } finally {
    await cleanup()
  }

  results.finished_at = new Date().toISOString()
  results.total_seconds = Math.round(Number(process.hrtime.bigint() - wall) / 1e8) / 10
  // The server is stopped: writing into the project folder can no longer restart it.
  const file = writeResults(results)
  printSummary(results)
  console.log(`\nResults: ${path.relative(process.cwd(), file)}`)
  console.log(`Total time: ${results.total_seconds}s`)
  return results.error || results.suites.some((s) => s.error) ? 1 : 0
}

const PLAN_PRINT_MS = Number(process.env.BENCH_PLAN_MS ?? 5)

/** Adds one phase's statement stats (SqlTrace#since) into a per-case total. */
function accumulate(acc, rows) {
  for (const row of rows) {
    const a = acc.get(row.shape)
    if (!a) acc.set(row.shape, { ...row })
    else {
      a.calls += row.calls
      a.total_ms += row.total_ms
      a.max_ms = Math.max(a.max_ms, row.max_ms)
      Object.assign(a, { text: row.text, values: row.values })
    }
  }
}

function printSummary(results) {
  const m = results.machine
  console.log(`\n=== lot-tracking bench — ${results.started_at} ===`)
  console.log(`machine: ${m.cpus} cpu (${m.cpu_model}), ${m.memory_gb} GB, node ${m.node}, PostgreSQL ${m.postgres?.version ?? "?"}`)
  console.log(`load average at start: ${m.loadavg_at_start?.join(" ")}; per case (1 min, after): ${results.suites.flatMap((s) => (s.cases ?? []).map((c) => c.loadavg_1m_after)).join(" ")}`)
  console.log(`config: ${JSON.stringify(results.config)}`)
  console.log(`setup (s): ${Object.entries(results.setup).filter(([, v]) => typeof v === "number").map(([k, v]) => `${k} ${v}`).join(", ")}`)
  if (results.data.tables) console.log(`\nData:\n${formatDataSizes(results.data.tables)}`)
  for (const s of results.suites) if (s.data) console.log(`${s.name} data: ${JSON.stringify(s.data)}`)
  console.log(`\nResults (latency over every answered request; req/s = answered requests / wall time):\n`)
  console.log(formatResults(results))
  const traced = results.suites.flatMap((s) => (s.cases ?? []).filter((c) => c.sql?.length))
  if (traced.length) {
    console.log(`\nSQL per case (top statements by time spent, as seen by the server process: calls per request, mean ms):`)
    for (const c of traced) {
      console.log(`  ${c.case}  [${c.sql_statements_per_request} statements, ${c.sql_ms_per_request} ms in SQL per request]`)
      for (const s of c.sql.slice(0, 4)) {
        const exec = s.explain_analyze?.match(/Execution Time: ([\d.]+) ms/)?.[1]
        console.log(`    ${String(s.calls_per_request).padStart(5)}  ${String(s.mean_ms).padStart(8)} ms${exec ? ` (EXPLAIN ANALYZE ${exec} ms)` : ""}  ${shortSql(s.text, 120)}`)
      }
    }
    if (process.env.BENCH_PRINT_PLANS !== "0") {
      console.log(`\nEXPLAIN ANALYZE of those SELECTs that take over ${PLAN_PRINT_MS} ms in the database (BENCH_PRINT_PLANS=0 hides them; all plans are in the JSON):`)
      for (const c of traced) {
        for (const s of c.sql.filter((x) => Number(x.explain_analyze?.match(/Execution Time: ([\d.]+) ms/)?.[1]) > PLAN_PRINT_MS)) {
          console.log(`\n  [${c.case}] ${shortSql(s.text, 600)}`)
          if (s.values?.length) console.log(`  params: ${JSON.stringify(s.values).slice(0, 300)}`)
          console.log(s.explain_analyze.split("\n").map((l) => `    ${l}`).join("\n"))
        }
      }
    }
  }
  if (results.warnings.length) console.log(`\nWarnings:\n${results.warnings.map((w) => `  - ${w}`).join("\n")}`)
  if (results.error) console.log(`\nFAILED: ${results.error}`)
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[bench] ${err.message}`)
    process.exit(1)
  }
)
