// Results: a plain-text table on stdout and a JSON file in bench/.results/.
import fs from "node:fs"
import path from "node:path"
import { benchDir } from "./util.mjs"

const fmt = (v, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? "-" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: digits }) : String(v)

function table(headers, rows, alignRight) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) =>
    cells.map((c, i) => (alignRight[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ")
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

/** Measured cases of every suite, one row each, then the derived figures (ratios, rates). */
export function formatResults(results) {
  const headers = ["suite", "case", "data", "conc", "secs", "requests", "failed", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "rate"]
  const rows = []
  const derived = []
  for (const suite of results.suites) {
    if (suite.error) {
      rows.push([suite.name, `FAILED: ${suite.error.split("\n")[0].slice(0, 80)}`, "", "", "", "", "", "", "", "", "", "", ""])
      continue
    }
    for (const c of suite.cases ?? []) {
      rows.push([
        suite.name,
        c.case,
        c.data ?? "",
        fmt(c.connections),
        fmt(c.duration_s),
        fmt(c.requests, 0),
        fmt(c.non_2xx + (c.errors ?? 0) + (c.timeouts ?? 0), 0),
        fmt(c.req_per_s),
        fmt(c.latency_ms?.p50),
        fmt(c.latency_ms?.p95),
        fmt(c.latency_ms?.p99),
        fmt(c.latency_ms?.max),
        c.rate ?? "",
      ])
    }
    for (const d of suite.derived ?? []) derived.push(`  ${suite.name}: ${d.name} = ${fmt(d.value, 2)}${d.unit ? ` ${d.unit}` : ""}${d.note ? `  (${d.note})` : ""}`)
  }
  const right = headers.map((_, i) => i >= 3 && i < 12)
  let out = table(headers, rows, right)
  if (derived.length) out += `\n\nDerived:\n${derived.join("\n")}`
  return out
}

export function formatDataSizes(sizes) {
  if (!sizes) return ""
  const rows = Object.entries(sizes).map(([t, s]) => [t, fmt(s.rows, 0), s.size])
  return table(["table", "rows", "size"], rows, [false, true, true])
}

export function writeResults(results) {
  const dir = path.join(benchDir, ".results")
  fs.mkdirSync(dir, { recursive: true })
  const stamp = results.started_at.replace(/[:.]/g, "-")
  const file = path.join(dir, `${stamp}.json`)
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  return file
}
