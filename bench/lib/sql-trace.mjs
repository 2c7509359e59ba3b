// Harness side of bench/lib/sql-trace.cjs: reads the server's per-statement stats, diffs them per
// measured phase, and runs EXPLAIN ANALYZE (inside a rolled-back transaction, SELECTs only) on
// the statements that cost the most.
import fs from "node:fs"
import path from "node:path"
import { sleep } from "./util.mjs"

export class SqlTrace {
  constructor(dir) {
    this.dir = dir
    this.last = new Map()
  }

  read() {
    const merged = new Map()
    let files = []
    try {
      // Oldest first, so that after a server restart the new process's samples win.
      files = fs
        .readdirSync(this.dir)
        .filter((f) => /^trace-\d+\.json$/.test(f))
        .map((f) => ({ f, t: fs.statSync(path.join(this.dir, f)).mtimeMs }))
        .sort((a, b) => a.t - b.t)
        .map((x) => x.f)
    } catch {
      return merged
    }
    for (const f of files) {
      let data
      try {
        data = JSON.parse(fs.readFileSync(path.join(this.dir, f), "utf8"))
      } catch {
        continue
      }
      for (const [key, s] of Object.entries(data)) {
        const m = merged.get(key)
        if (!m) merged.set(key, { ...s })
        else {
          m.calls += s.calls
          m.total_ms += s.total_ms
          m.rows = (m.rows ?? 0) + (s.rows ?? 0)
          m.max_ms = Math.max(m.max_ms, s.max_ms)
          if (s.calls) Object.assign(m, { text: s.text, values: s.values })
        }
      }
    }
    return merged
  }

  /** Marks the start of a phase. */
  async mark() {
    await sleep(400) // let the server flush (every 250 ms)
    this.last = this.read()
  }

  /** Statements run since mark(), most expensive first. */
  async since() {
    await sleep(400)
    const now = this.read()
    const rows = []
    for (const [key, s] of now) {
      const before = this.last.get(key) ?? { calls: 0, total_ms: 0, rows: 0 }
      const calls = s.calls - before.calls
      if (calls <= 0) continue
      const total = s.total_ms - before.total_ms
      // max_ms and the sample are cumulative over the run, not only this phase.
      // rows: undefined when the server's trace predates row counting
      const n = s.rows === undefined ? undefined : s.rows - (before.rows ?? 0)
      rows.push({ shape: key, text: s.text, calls, total_ms: total, mean_ms: total / calls, max_ms: s.max_ms, rows: n, values: s.values })
    }
    this.last = now
    return rows.sort((a, b) => b.total_ms - a.total_ms)
  }
}

const isReadOnly = (text) => /^\s*select\b/i.test(text) && !/\b(insert|update|delete)\b/i.test(text)

export async function explainAnalyze(client, statement) {
  if (!isReadOnly(statement.text)) return null
  await client.query("BEGIN")
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values ?? [])
    return rows.map((r) => r["QUERY PLAN"]).join("\n")
  } catch (err) {
    return `EXPLAIN failed: ${err.message}`
  } finally {
    await client.query("ROLLBACK").catch(() => {})
  }
}

export const shortSql = (text, max = 160) => text.replace(/\s+/g, " ").trim().slice(0, max)
