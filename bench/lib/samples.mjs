// Latency samples of one-at-a-time flows (checkouts, fulfillments, single SQL statements) turned
// into the harness's case rows, and direct timing of SQL statements in the bench database.
import os from "node:os"
import { explainAnalyze } from "./sql-trace.mjs"
import { percentile } from "./util.mjs"

const round = (v, d = 2) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10 ** d) / 10 ** d)

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b)
  return {
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s.at(-1) ?? null),
    mean: round(s.length ? s.reduce((a, b) => a + b, 0) / s.length : null),
  }
}

/**
 * A row for the results table from sequential samples (one request in flight: conc 1).
 * `seconds` is the time the samples took in all; `failed` counts attempts that got no valid answer.
 */
export function caseFromSamples({ label, data, samples, seconds, failed = 0, rate, extra = {} }) {
  return {
    case: label,
    data,
    connections: 1,
    duration_s: round(seconds ?? samples.reduce((a, b) => a + b, 0) / 1000),
    requests: samples.length,
    ok: samples.length,
    non_2xx: failed,
    errors: 0,
    timeouts: 0,
    req_per_s: seconds ? round(samples.length / seconds) : null,
    latency_ms: summarize(samples),
    samples_ms: samples.map((v) => round(v)),
    loadavg_1m_after: round(os.loadavg()[0]),
    ...(rate && { rate }),
    ...extra,
  }
}

export const ratio = (a, b) => (a && b ? a / b : null)

/**
 * Times SQL statements run alternately against the bench database, each inside its own
 * transaction that is rolled back (so FOR UPDATE / FOR SHARE take and release their row locks
 * every run and nothing is written). `statements`: [{ key, text, values }] or
 * [{ key, steps: [step] }] (several statements in one transaction, timed together and each on its
 * own), where a step is { text, values } or { build(prevRows) -> { text, values } } (prevRows: the
 * rows of the steps before it in this transaction, e.g. the ids a pick returned, to lock them).
 * Returns per key { samples (ms, the statements only), rows (of the last step), explain } plus, for
 * steps, { step_samples: [[ms]], step_rows: [n] (last run), step_sql: [{ text, values }] (last run),
 * step_explain: [plan] }, after `warmup` rounds.
 */
export async function timeStatements(sql, statements, { runs = 50, warmup = 3, explain = true } = {}) {
  const out = Object.fromEntries(
    statements.map((s) => [
      s.key,
      { samples: [], rows: null, explain: null, ...(s.steps && { step_samples: s.steps.map(() => []), step_rows: [], step_sql: [], step_explain: [] }) },
    ])
  )
  for (let round_ = 0; round_ < warmup + runs; round_++) {
    // Rotate the order each round so neither statement always runs on a cold or warm cache.
    const order = statements.map((_, i) => statements[(i + round_) % statements.length])
    for (const s of order) {
      const o = out[s.key]
      await sql("BEGIN")
      try {
        let total = 0
        let rows = []
        const prev = []
        for (const [k, step] of (s.steps ?? [s]).entries()) {
          const st = step.build ? step.build(prev) : step
          const t = process.hrtime.bigint()
          rows = await sql(st.text, st.values)
          const ms = Number(process.hrtime.bigint() - t) / 1e6
          total += ms
          prev.push(rows)
          if (s.steps) {
            if (round_ >= warmup) o.step_samples[k].push(ms)
            o.step_rows[k] = rows.length
            o.step_sql[k] = st
          }
        }
        if (round_ >= warmup) o.samples.push(total)
        o.rows = rows.length
      } finally {
        await sql("ROLLBACK")
      }
    }
  }
  if (explain) {
    for (const s of statements) {
      if (!s.steps) out[s.key].explain = await explainWithLocks(sql, s)
      else for (const k of s.steps.keys()) out[s.key].step_explain[k] = await explainStep(sql, s.steps, k)
    }
  }
  return out
}

/** EXPLAIN (ANALYZE, BUFFERS) of step k of a sequence, after the steps before it ran for real, in one rolled-back transaction. */
async function explainStep(sql, steps, k) {
  await sql("BEGIN")
  try {
    const prev = []
    for (let j = 0; j < k; j++) {
      const st = steps[j].build ? steps[j].build(prev) : steps[j]
      prev.push(await sql(st.text, st.values))
    }
    const st = steps[k].build ? steps[k].build(prev) : steps[k]
    const rows = await sql(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values)
    return rows.map((r) => r["QUERY PLAN"]).join("\n")
  } catch (err) {
    return `EXPLAIN failed: ${err.message}`
  } finally {
    await sql("ROLLBACK").catch(() => {})
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) in a rolled-back transaction; unlike the harness's helper it also
 * explains SELECT ... FOR UPDATE (the locks go with the rollback). */
export async function explainWithLocks(sql, { text, values }) {
  await sql("BEGIN")
  try {
    const rows = await sql(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)
    return rows.map((r) => r["QUERY PLAN"]).join("\n")
  } catch (err) {
    return `EXPLAIN failed: ${err.message}`
  } finally {
    await sql("ROLLBACK").catch(() => {})
  }
}

export { explainAnalyze }

/** The harness's `sql` entry shape (printed under "SQL per case", plans when slow). */
export function sqlEntry({ text, values, samples, explain, calls_per_request = 1 }) {
  const s = summarize(samples)
  return {
    calls: samples.length,
    calls_per_request,
    mean_ms: s.mean,
    p50_ms: s.p50,
    max_ms_in_run: s.max,
    text,
    values,
    explain_analyze: explain,
  }
}

export const executionMs = (plan) => Number(plan?.match(/Execution Time: ([\d.]+) ms/)?.[1] ?? NaN)

/** Adds SqlTrace#since rows into `acc` (a Map by statement shape). */
export function accumulateSql(acc, rows) {
  for (const row of rows) {
    const a = acc.get(row.shape)
    if (!a) acc.set(row.shape, { ...row })
    else {
      a.calls += row.calls
      a.total_ms += row.total_ms
      a.rows = (a.rows ?? 0) + (row.rows ?? 0)
      a.max_ms = Math.max(a.max_ms, row.max_ms)
      Object.assign(a, { text: row.text, values: row.values })
    }
  }
  return acc
}

// A statement reads or writes one of the plugin's tables (or takes its advisory lock).
// Case-sensitive on purpose: table names are lower case in SQL, while data inlined into Medusa's
// statements (say, a shipping option "Ships from Lot ...") must not count.
const PLUGIN_SQL = /\b(from|FROM|into|INTO|update|UPDATE|join|JOIN)\s+"?(lot|lot_stock|lot_allocation|lot_allocation_shortfall|lot_event|lot_policy|lot_number_sequence)"?(\s|$)|pg_advisory_xact_lock/

/**
 * Statements the server ran during some flows (accumulated SqlTrace rows) that touch the plugin's
 * tables or locks, as the harness's `sql` entries, per flow (`perCount`, e.g. tracked orders).
 * `exclude` drops statements of something else that ran meanwhile (e.g. the bench's own polling).
 * Times are seen from the server process (pool wait and event-loop delay included).
 */
export function pluginStatements(acc, perCount, { exclude = null, top = 8 } = {}) {
  const mine = [...acc.values()].filter((r) => PLUGIN_SQL.test(r.text) && !(exclude && exclude.test(r.text))).sort((a, b) => b.total_ms - a.total_ms)
  const totalMs = mine.reduce((a, r) => a + r.total_ms, 0)
  const calls = mine.reduce((a, r) => a + r.calls, 0)
  return {
    statements_per_flow: perCount ? round(calls / perCount, 1) : null,
    ms_per_flow: perCount ? round(totalMs / perCount, 1) : null,
    sql: mine.slice(0, top).map((r) => ({
      calls: r.calls,
      calls_per_request: perCount ? round(r.calls / perCount) : null,
      mean_ms: round(r.total_ms / r.calls),
      max_ms_in_run: round(r.max_ms),
      share_of_top_time: totalMs ? round(r.total_ms / totalMs) : null,
      text: r.text,
      values: r.values,
    })),
  }
}

/** Every statement of some flows (accumulated SqlTrace rows), per flow: { statements, ms }. */
export function allStatements(acc, perCount) {
  const rows = [...acc.values()]
  const calls = rows.reduce((a, r) => a + r.calls, 0)
  const ms = rows.reduce((a, r) => a + r.total_ms, 0)
  return { statements: perCount ? round(calls / perCount, 1) : null, ms: perCount ? round(ms / perCount, 1) : null }
}

/** Median and p95 of b[i] - a[i] over measured pairs (the two sides of a pair saw the same load). */
export function pairedDifference(a, b) {
  const d = a.map((x, i) => b[i] - x).sort((x, y) => x - y)
  return { median: round(percentile(d, 50)), p95: round(percentile(d, 95)), pairs: d.length }
}

/**
 * Rows the plugin's statements locked per flow, from accumulated SqlTrace rows (the trace counts
 * the rows each statement returned; a SELECT ... FOR UPDATE / FOR SHARE locks the rows it returns
 * of the table named by OF, else of its outer FROM): [{ table, mode, calls, rows }] per flow, and
 * `advisory` (pg_advisory_xact_lock calls per flow). null rows when the trace has no row counts.
 */
export function lockedRowsPerFlow(acc, perCount) {
  const out = new Map()
  let advisory = 0
  let counted = true
  for (const r of acc.values()) {
    if (!PLUGIN_SQL.test(r.text)) continue
    if (/pg_advisory_xact_lock/.test(r.text)) advisory += r.calls
    const lock = r.text.match(/\bFOR\s+(NO KEY UPDATE|UPDATE|KEY SHARE|SHARE)(?:\s+OF\s+(\w+))?/i)
    if (!lock) continue
    if (r.rows === undefined) counted = false
    const alias = lock[2]
    const table = alias
      ? r.text.match(new RegExp(`\\b(?:from|join)\\s+"?(\\w+)"?\\s+(?:as\\s+)?"?${alias}"?\\b`, "i"))?.[1] ?? alias
      : r.text.match(/\bfrom\s+"?(\w+)"?/i)?.[1]
    const key = `${table} FOR ${lock[1].toUpperCase()}`
    const a = out.get(key) ?? { table, mode: `FOR ${lock[1].toUpperCase()}`, calls: 0, rows: 0 }
    a.calls += r.calls
    a.rows += r.rows ?? 0
    out.set(key, a)
  }
  const per = (v) => (perCount ? round(v / perCount, 2) : null)
  const locks = [...out.values()].map((a) => ({ ...a, calls: per(a.calls), rows: counted ? per(a.rows) : null }))
  return { locks, advisory: per(advisory), rows_total: counted ? round(locks.reduce((s, l) => s + l.rows, 0), 2) : null }
}

/** "lot_stock FOR UPDATE 1 + lot FOR SHARE 1" from lockedRowsPerFlow().locks. */
export const describeLocks = (locks) => locks.map((l) => `${l.table} ${l.mode} ${l.rows ?? "?"}`).join(" + ") || "none"
