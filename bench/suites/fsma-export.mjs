// Suite "fsma-export": the FDA FSMA 204 export (GET /admin/traceability/fsma-204?format=csv) over
// about BENCH_FSMA_EVENTS events (default 1,000,000) read to the last byte through HTTP, next to a
// reference query over the same rows in the same run.
//
// Data, on top of the shared data set (its lots and their first receipts), loaded with set-based
// SQL by bench/lib/fsma-events.mjs: later receipts, productions with their lineage edges and
// shipment links, all in the two years the export covers; removed again at the end.
// Cases:
//   1. the export: the whole CSV streamed, timed from the request to the last byte, events/s, and
//      the server's resident memory sampled every 100 ms (peak growth over the value before it:
//      the export is meant to run in constant memory whatever the period holds);
//   2. the reference: the same events counted in the database with their rows cast to text (no
//      paging, no lookups, no HTTP), what reading the rows costs at least.
// The CSV's event rows must number what the reference counts (a warning says when not).
import { medusaHttp, serverRssKb } from "../lib/medusa-http.mjs"
import { fsmaBenchPeriod, loadFsmaEvents, removeFsmaEvents } from "../lib/fsma-events.mjs"
import { caseFromSamples, ratio } from "../lib/samples.mjs"
import { envInt } from "../lib/util.mjs"

// The same sources, period and exclusions as the export, written as one plain statement.
const REFERENCE_SQL = `
  SELECT count(*)::int AS events, sum(octet_length(x::text))::bigint AS bytes FROM (
    SELECT e.id, l.received_at AS at, l.lot_number, e.quantity, e.location_id, e.data
      FROM lot l JOIN lot_event e ON e.lot_id = l.id AND e.type = 'received' AND e.to_status IS NOT NULL
     WHERE l.deleted_at IS NULL AND l.received_at >= $1 AND l.received_at < $2
       AND NOT EXISTS (SELECT 1 FROM lot_event r WHERE r.reference_type = 'lot_event' AND r.reference_id = e.id AND r.type = 'reverted')
    UNION ALL
    SELECT e.id, e.created_at, l.lot_number, e.quantity, e.location_id, e.data
      FROM lot_event e JOIN lot l ON l.id = e.lot_id AND l.deleted_at IS NULL
     WHERE e.type = 'received' AND e.to_status IS NULL AND e.created_at >= $1 AND e.created_at < $2
       AND NOT EXISTS (SELECT 1 FROM lot_event r WHERE r.reference_type = 'lot_event' AND r.reference_id = e.id AND r.type = 'reverted')
    UNION ALL
    SELECT e.id, e.created_at, l.lot_number, e.quantity, e.location_id, e.data
      FROM lot_event e JOIN lot l ON l.id = e.lot_id AND l.deleted_at IS NULL
     WHERE e.type = 'produced' AND e.created_at >= $1 AND e.created_at < $2
       AND EXISTS (SELECT 1 FROM lot_lineage g WHERE g.child_lot_id = e.lot_id AND g.transformation_id = e.reference_id AND g.deleted_at IS NULL)
    UNION ALL
    SELECT s.id, coalesce(s.shipped_at, s.fulfilled_at), l.lot_number, s.quantity, s.location_id, s.ship_to
      FROM lot_shipment s JOIN lot l ON l.id = s.lot_id AND l.deleted_at IS NULL
     WHERE s.status <> 'canceled' AND s.deleted_at IS NULL
       AND coalesce(s.shipped_at, s.fulfilled_at) >= $1 AND coalesce(s.shipped_at, s.fulfilled_at) < $2
  ) x`

/** GET the CSV and read it to the end, counting bytes and lines; samples the server's RSS meanwhile. */
async function download(http, path) {
  const before = serverRssKb()
  let peak = before
  const sampler = setInterval(() => {
    const rss = serverRssKb()
    if (rss && rss > peak) peak = rss
  }, 100)
  const started = process.hrtime.bigint()
  let firstByteMs = null
  let bytes = 0
  let lines = 0
  try {
    const res = await fetch(`${http.baseUrl}${path}`, { headers: { authorization: `Bearer ${http.token}` } })
    if (!res.ok) throw new Error(`GET ${path} -> ${res.status} ${(await res.text()).slice(0, 300)}`)
    for await (const chunk of res.body) {
      firstByteMs ??= Number(process.hrtime.bigint() - started) / 1e6
      bytes += chunk.length
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
    }
  } finally {
    clearInterval(sampler)
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  // The last row has no line break after it; the first line is the header.
  return { ms, firstByteMs, bytes, rows: lines, rssBeforeKb: before, rssPeakKb: peak }
}

export default {
  name: "fsma-export",
  description: "FSMA 204 CSV export of ~1,000,000 events streamed through the admin route (events/s, server RSS growth) vs a reference count of the same rows",

  async run(ctx) {
    const { count, locationId } = await ctx.dataset()
    const wanted = envInt("BENCH_FSMA_EVENTS", 1_000_000)
    const runs = Math.max(1, envInt("BENCH_FSMA_RUNS", 1))
    // Found and logged in before the load: right after a bulk load the server was seen busy for
    // minutes, which a /health check takes for a dead server.
    const http = await medusaHttp(ctx)
    ctx.log(`  events: about ${wanted.toLocaleString("en-US")} over ${count.toLocaleString("en-US")} lots`)
    const loaded = await loadFsmaEvents(ctx.sql, { lots: count, events: wanted, locationId, log: ctx.log })
    const period = fsmaBenchPeriod()
    const start = `${period.from}T00:00:00Z`
    const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString()
    const path = `/admin/traceability/fsma-204?from=${period.from}&to=${period.to}&format=csv`

    const exports = []
    const references = []
    let reference = null
    const traced = { requests: runs }
    await ctx.sqlMark()
    for (let round = 0; round < runs; round++) {
      exports.push(await download(http, path))
      const t = process.hrtime.bigint()
      ;[reference] = await ctx.sql(REFERENCE_SQL, [start, end])
      references.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    await ctx.sqlSince(traced)
    await removeFsmaEvents(ctx.sql)

    const last = exports.at(-1)
    const exportedEvents = last.rows
    if (exportedEvents !== reference.events) {
      ctx.warn(`fsma-export: the CSV holds ${exportedEvents} events, the reference counts ${reference.events}`)
    }
    const seconds = last.ms / 1000
    const growthMb = last.rssBeforeKb && last.rssPeakKb ? Math.round((last.rssPeakKb - last.rssBeforeKb) / 102.4) / 10 : null
    const data = `${reference.events.toLocaleString("en-US")} events (${loaded.first_receipts} first receipts, ${loaded.later_receipts} later receipts, ${loaded.productions} productions, ~${loaded.shipments} shipments) over ${count.toLocaleString("en-US")} lots`
    const exportCase = caseFromSamples({
      label: `GET /admin/traceability/fsma-204?format=csv (${period.from}..${period.to}, whole file)`,
      data: `${data}; ${(last.bytes / 2 ** 20).toFixed(1)} MiB of CSV`,
      samples: exports.map((e) => e.ms),
      extra: { ...traced, events: exportedEvents, bytes: last.bytes, first_byte_ms: last.firstByteMs },
    })
    const referenceCase = caseFromSamples({ label: "reference: the same rows counted as text in one statement", data, samples: references })
    return {
      cases: [exportCase, referenceCase],
      derived: [
        { name: "export events/s", value: Math.round(exportedEvents / seconds), unit: "events/s", note: `${exportedEvents} events in ${seconds.toFixed(1)} s (aim: 1,000,000 in under 30 s); first byte after ${Math.round(last.firstByteMs)} ms` },
        { name: "server RSS growth during the export", value: growthMb, unit: "MB", note: `${Math.round(last.rssBeforeKb / 1024)} MB before, peak ${Math.round(last.rssPeakKb / 1024)} MB` },
        { name: "export / reference query (time)", value: ratio(last.ms, references.at(-1)), unit: "x", note: `${Math.round(last.ms)} ms vs ${Math.round(references.at(-1))} ms; the reference reads the rows without paging, lookups or HTTP` },
      ],
      data: { events: reference.events, reference_bytes: Number(reference.bytes), csv_bytes: last.bytes, period, loaded, runs: exports },
    }
  },
}
