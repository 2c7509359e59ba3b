// Preloaded into the Medusa server by the bench harness (NODE_OPTIONS=--require ...) when
// BENCH_SQL_TRACE_DIR is set. Wraps pg's Client#query in every copy of `pg` the app can load and
// keeps, per statement shape, the call count, total and max time, rows returned, and the text and
// parameters of the latest call. Cumulative stats are written every 250 ms to BENCH_SQL_TRACE_DIR/trace-<pid>.json
// (outside the project folder), so the harness can attribute statements to each measured phase
// and EXPLAIN the expensive ones. Cost per query: one Map lookup and two hrtime calls.
"use strict"
const fs = require("node:fs")
const path = require("node:path")

const dir = process.env.BENCH_SQL_TRACE_DIR
if (dir) {
  const stats = new Map()
  const MAX_STATEMENTS = 5000
  let dirty = false

  // MikroORM inlines most values into the SQL text: group statements by their shape (string and
  // number literals replaced by ?) and keep the full text of the latest call as the sample. Long
  // batch statements too: keyed by their literal-bearing text, each batch became its own entry,
  // and rewriting those megabytes every 250 ms took a fifth of the server's CPU in a sweep.
  const shape = (text) => text.slice(0, 20000).replace(/'(?:[^']|'')*'/g, "?").replace(/\b\d+(?:\.\d+)?\b/g, "?")

  // Rows a call returned (a SELECT ... FOR UPDATE locks those): rowCount, or the rows' length.
  const rowsOf = (res) => {
    if (!res) return 0
    if (Array.isArray(res)) return res.reduce((a, r) => a + rowsOf(r), 0)
    if (typeof res.rowCount === "number") return res.rowCount
    return Array.isArray(res.rows) ? res.rows.length : 0
  }

  const record = (text, values, ms, rows) => {
    const key = shape(text)
    let s = stats.get(key)
    if (!s) {
      if (stats.size >= MAX_STATEMENTS) return
      s = { calls: 0, total_ms: 0, max_ms: 0, rows: 0, text, values: null }
      stats.set(key, s)
    }
    s.calls++
    s.total_ms += ms
    s.rows += rows
    if (ms >= s.max_ms) s.max_ms = ms
    // The latest call is the sample: it belongs to the phase the harness is looking at.
    s.text = text
    s.values = Array.isArray(values) ? values : null
    dirty = true
  }

  const patch = (pgModule) => {
    const proto = pgModule && pgModule.Client && pgModule.Client.prototype
    if (!proto || proto.__benchTraced) return
    const original = proto.query
    proto.__benchTraced = true
    proto.query = function tracedQuery(config, values, callback) {
      const text = typeof config === "string" ? config : config && config.text
      if (typeof text !== "string" || (config && typeof config.submit === "function")) {
        return original.apply(this, arguments)
      }
      const params = Array.isArray(values) ? values : config && config.values
      const start = process.hrtime.bigint()
      const done = (res) => record(text, params, Number(process.hrtime.bigint() - start) / 1e6, rowsOf(res))
      if (typeof values === "function") {
        const cb = values
        return original.call(this, config, function (...a) {
          done(a[0] ? null : a[1])
          return cb.apply(this, a)
        })
      }
      if (typeof callback === "function") {
        const cb = callback
        return original.call(this, config, values, function (...a) {
          done(a[0] ? null : a[1])
          return cb.apply(this, a)
        })
      }
      const result = original.apply(this, arguments)
      if (result && typeof result.then === "function") result.then(done, () => done(null))
      return result
    }
  }

  // Every copy of pg reachable from the app (MikroORM may bring its own).
  const roots = [process.cwd()]
  for (const from of ["@mikro-orm/postgresql", "@mikro-orm/knex", "knex", "@medusajs/framework"]) {
    try {
      roots.push(path.dirname(require.resolve(`${from}/package.json`, { paths: [process.cwd()] })))
    } catch {
      // not installed
    }
  }
  const seen = new Set()
  for (const root of roots) {
    try {
      const resolved = require.resolve("pg", { paths: [root] })
      if (seen.has(resolved)) continue
      seen.add(resolved)
      patch(require(resolved))
    } catch {
      // no pg there
    }
  }

  const file = path.join(dir, `trace-${process.pid}.json`)
  const flush = () => {
    if (!dirty) return
    dirty = false
    const out = {}
    for (const [key, s] of stats) out[key] = s
    try {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(out, (k, v) => (typeof v === "bigint" ? String(v) : v)))
      fs.renameSync(`${file}.tmp`, file)
    } catch {
      // tracing is best-effort
    }
  }
  setInterval(flush, 250).unref()
  process.on("exit", flush)
}
