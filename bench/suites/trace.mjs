// Suite "trace": the forward trace of a raw-material lot (everything made from it, five levels of
// genealogy deep, and every shipment of any of those lots) as the plugin computes it — one
// recursive statement over the indexed link tables — next to the same answer computed by walking
// the links one query per lot, as a plain loop would.
//
// Data, on top of the shared data set (BENCH_LOTS lots, 100,000 by default, 1,000,000 with
// BENCH_SCALE=large), loaded with set-based SQL (INSERT ... SELECT generate_series; the link
// tables' secondary indexes dropped for the load and built again after it):
//   - genealogy: the lots in five equal levels (raw -> intermediate x3 -> finished); every lot
//     below the raw level has 3 parents in the level above (hashint4-chosen, so every run loads the
//     same links): a raw lot fans out to ~3, 9, 27 and 81 lots below it;
//   - BENCH_TRACE_SHIPMENTS (default 10 per lot: 1,000,000; 10,000,000 at BENCH_SCALE=large) lot_shipment links, all from finished
//     lots, ~2% canceled (left out of traces) and ~5% with units returned, customers spread over
//     50,000 ids.
// Cases, each BENCH_TRACE_RUNS (30) times after 3 warm-ups, alternating in every round:
//   1. the plugin's two trace statements straight against the database (the ones the server ran
//      for GET /admin/lots/:id/trace?direction=forward, taken from its SQL trace: the same text):
//      the recursive walk with lots, lineage, stock and history sums, then the shipments of the
//      lots it returned (the server's text, with the ids of the lots its walk found);
//   2. the node-by-node walk: per lot, its row, its children, its shipments, its stock and its
//      history sums (5 queries per lot) — the same answer;
//   3. GET /admin/lots/:id/trace?direction=forward through the admin API: the first answer (totals,
//      mass balance, the lot with its first children, the first page of each table);
//   4. one page fetched after it: the second page of the shipments (&table=shipments&offset=20);
//   5. a lot opened in the tree: the first lot made from the raw lot (&node=<lot id>).
// Both SQL answers must hold the same set of shipments, and the route's totals the same counts
// (checked every run).
// Writes: lot_lineage and lot_shipment rows (the suite runs last; nothing else reads them).
import { dropSecondaryIndexes } from "../lib/dataset.mjs"
import { medusaHttp, withoutRestart } from "../lib/medusa-http.mjs"
import { caseFromSamples, explainWithLocks, ratio, sqlEntry } from "../lib/samples.mjs"
import { SqlTrace } from "../lib/sql-trace.mjs"
import { envInt, stepTimer } from "../lib/util.mjs"

const LEVELS = 5
const PARENTS = 3
const WARMUP = 3
const lotId = (i) => `lot_01JB${String(i).padStart(22, "0")}`

/** Genealogy and shipment links over the loaded lots, set-based. */
async function loadLinks(ctx, { lots, shipments, locationId }) {
  const perLevel = Math.floor(lots / LEVELS)
  const { timings, step } = stepTimer(ctx.log)
  await ctx.sql("SET synchronous_commit = off")
  const rebuildIndexes = await dropSecondaryIndexes(ctx.sql, ["lot_lineage", "lot_shipment"])
  await step("lot_lineage", () =>
    ctx.sql(
      `INSERT INTO lot_lineage (id, parent_lot_id, child_lot_id, kind, transformation_id, location_id, quantity)
       SELECT DISTINCT ON (parent, child) 'lotlin_' || lpad(child::text, 20, '0') || j, 'lot_01JB' || lpad(parent::text, 22, '0'),
              'lot_01JB' || lpad(child::text, 22, '0'), 'production', 'lottrf_' || lpad(child::text, 26, '0'), $2, 1 + j
         FROM (SELECT c AS child, j,
                      ((c - 1) / $1 - 1) * $1 + 1 + ((hashint4(c * 7 + j)::bigint & 2147483647) % $1) AS parent
                 FROM generate_series($1 + 1, $1 * ${LEVELS}) AS c, generate_series(0, ${PARENTS - 1}) AS j) x`,
      [perLevel, locationId]
    )
  )
  const finishedFrom = perLevel * (LEVELS - 1) + 1
  await step("lot_shipment", async () => {
    const batch = 250_000
    for (let from = 1; from <= shipments; from += batch) {
      await ctx.sql(
        `INSERT INTO lot_shipment (id, lot_id, inventory_item_id, order_id, line_item_id, fulfillment_id, location_id, quantity,
                                   returned_quantity, status, customer_id, customer_email, fulfilled_at, shipped_at, canceled_at)
         SELECT 'lotshp_' || lpad(n::text, 26, '0'), 'lot_01JB' || lpad(lot::text, 22, '0'), 'iitem_01JB' || lpad(lot::text, 22, '0'),
                'order_' || lpad((n / 2)::text, 26, '0'), 'ordli_' || lpad(n::text, 26, '0'), 'ful_' || lpad((n / 2)::text, 26, '0'), $4,
                q, CASE WHEN r % 100 < 5 THEN 1 ELSE 0 END,
                CASE WHEN r % 100 >= 98 THEN 'canceled' ELSE 'shipped' END,
                'cus_' || lpad((r % 50000)::text, 26, '0'), 'c' || (r % 50000) || '@example.com',
                now() - (r % 300) * interval '1 day', now() - (r % 300) * interval '1 day' + interval '1 day',
                CASE WHEN r % 100 >= 98 THEN now() - (r % 300) * interval '1 day' END
           FROM (SELECT n, $3::int + (n % $5) AS lot, 1 + n % 4 AS q, (hashint4(n)::bigint & 2147483647) AS r
                   FROM generate_series($1::int, $2::int) AS n) s`,
        [from, Math.min(shipments, from + batch - 1), finishedFrom, locationId, perLevel]
      )
    }
  })
  await step("indexes", rebuildIndexes)
  await step("vacuum analyze", () => ctx.sql(`VACUUM (ANALYZE) lot_lineage, lot_shipment`))
  return { perLevel, timings }
}

/** The same answer as the trace statement, one query per lot and link (breadth first, each lot once). */
async function walkNodeByNode(sql, start, maxDepth) {
  const depth = new Map([[start, 0]])
  const lots = []
  const shipments = []
  const stock = []
  const totals = []
  let frontier = [start]
  let queries = 0
  const q = async (text, values) => {
    queries++
    return await sql(text, values)
  }
  for (let d = 0; frontier.length; d++) {
    const next = []
    for (const id of frontier) {
      lots.push(...(await q(`SELECT id, lot_number, inventory_item_id, status, expires_at, supplier FROM lot WHERE id = $1 AND deleted_at IS NULL`, [id])))
      shipments.push(...(await q(`SELECT * FROM lot_shipment WHERE lot_id = $1 AND status <> 'canceled' AND deleted_at IS NULL`, [id])))
      stock.push(...(await q(`SELECT lot_id, location_id, quantity FROM lot_stock WHERE lot_id = $1 AND deleted_at IS NULL AND quantity > 0`, [id])))
      totals.push(...(await q(`SELECT type, sum(quantity) AS quantity FROM lot_event WHERE lot_id = $1 GROUP BY type`, [id])))
      if (d >= maxDepth) continue
      for (const edge of await q(`SELECT id, child_lot_id FROM lot_lineage WHERE parent_lot_id = $1 AND deleted_at IS NULL`, [id])) {
        if (!depth.has(edge.child_lot_id)) {
          depth.set(edge.child_lot_id, d + 1)
          next.push(edge.child_lot_id)
        }
      }
    }
    frontier = next
  }
  return { lots, shipments, stock, totals, queries }
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x))

export default {
  name: "trace",
  description: "Forward trace of a raw-material lot through 5 levels of genealogy to 1,000,000 shipment links: one recursive statement vs a node-by-node walk, the admin route's first answer and pages, a mock recall and a recall",

  async run(ctx) {
    const { count, locationId } = await ctx.dataset()
    const shipmentsWanted = envInt("BENCH_TRACE_SHIPMENTS", count * 10)
    const runs = Math.max(1, envInt("BENCH_TRACE_RUNS", 30))
    const maxDepth = 10
    ctx.log(`  links: genealogy over ${count.toLocaleString("en-US")} lots in ${LEVELS} levels, ${shipmentsWanted.toLocaleString("en-US")} shipment links`)
    const { perLevel, timings } = await loadLinks(ctx, { lots: count, shipments: shipmentsWanted, locationId })
    const [sizes] = await ctx.sql(
      `SELECT (SELECT count(*) FROM lot_lineage)::int AS lineage, (SELECT count(*) FROM lot_shipment)::int AS shipments,
              pg_size_pretty(pg_total_relation_size('lot_shipment')) AS shipment_size`
    )
    const raw = lotId(1)
    const path = `/admin/lots/${raw}/trace?direction=forward&depth=${maxDepth}`
    const pagePath = `${path}&table=shipments&offset=20&limit=20`

    // The statement the route runs, as the server ran it (text and values), from its SQL trace.
    const http = await medusaHttp(ctx)
    const trace = http.traceDir ? new SqlTrace(http.traceDir) : null
    await trace?.mark()
    const first = await ctx.api("GET", path)
    const ran = trace ? await trace.since() : []
    const statement = ran.find((r) => /WITH RECURSIVE walk/.test(r.text) && /e\.parent_lot_id = w\.lot_id/.test(r.text))
    const shipmentStatement = ran.find((r) => /FROM lot_shipment s\s+WHERE s\.lot_id IN \(SELECT json_array_elements_text/.test(r.text))
    if (!statement || !shipmentStatement) ctx.warn("trace: the server's SQL trace is off or did not show the trace statements (BENCH_SQL_TRACE=0?): only the route is compared with the node-by-node walk")
    const direct =
      statement && shipmentStatement
        ? { text: statement.text, values: statement.values ?? [], shipments: { text: shipmentStatement.text, values: shipmentStatement.values ?? [] } }
        : null
    /** The server's two statements in its order: the walk, then the shipments of the lots it found. */
    const statementMs = { walk: [], shipments: [] }
    const runStatements = async () => {
      const t0 = process.hrtime.bigint()
      const [row] = await ctx.sql(direct.text, direct.values)
      const t1 = process.hrtime.bigint()
      const shipments = await ctx.sql(direct.shipments.text, direct.shipments.values)
      statementMs.walk.push(Number(t1 - t0) / 1e6)
      statementMs.shipments.push(Number(process.hrtime.bigint() - t1) / 1e6)
      return { ...row, shipments }
    }

    const opened = first.trace.tree.children.rows.find((n) => n.kind === "lot")
    const openPath = opened ? `${path}&node=${opened.lot.id}` : null
    const s = { cte: [], naive: [], route: [], page: [], open: [] }
    const mismatches = []
    let answer = null
    let naiveQueries = 0
    for (let round = 0; round < WARMUP + runs; round++) {
      const kinds = ["cte", "naive", "route", "page", "open"]
      const order = kinds.map((_, i) => kinds[(i + round) % kinds.length])
      // A round that saw develop restart the server (someone saved a project file) is run again.
      const { value } = await withoutRestart(ctx, http, `trace: round ${round + 1}`, async () => {
        const got = {}
        const ms = {}
        for (const kind of order) {
          if ((kind === "cte" && !direct) || (kind === "open" && !openPath)) continue
          const t = process.hrtime.bigint()
          if (kind === "cte") got.cte = await runStatements()
          else if (kind === "naive") got.naive = await walkNodeByNode(ctx.sql, raw, maxDepth)
          else if (kind === "route") got.route = (await ctx.api("GET", path)).trace
          else if (kind === "page") got.page = await ctx.api("GET", pagePath)
          else got.open = await ctx.api("GET", openPath)
          ms[kind] = Number(process.hrtime.bigint() - t) / 1e6
        }
        return { got, ms }
      })
      const { got, ms } = value
      if (round >= WARMUP) for (const [kind, v] of Object.entries(ms)) s[kind].push(v)
      const naiveIds = new Set(got.naive.shipments.map((x) => x.id))
      if (got.cte && !sameSet(new Set(got.cte.shipments.map((x) => x.id)), naiveIds)) mismatches.push(`round ${round}: statement vs walk`)
      if (got.route.totals.shipments !== naiveIds.size || got.route.totals.lots !== got.naive.lots.length) mismatches.push(`round ${round}: route totals vs walk`)
      if (got.page.count !== naiveIds.size || got.page.rows.some((x) => !naiveIds.has(x.id))) mismatches.push(`round ${round}: shipments page vs walk`)
      naiveQueries = got.naive.queries
      answer = {
        lots: got.naive.lots.length,
        shipments: naiveIds.size,
        customers: got.route.totals.customers,
        mass_balance_percent: got.route.totals.mass_balance_percent,
        unbalanced_lots: got.route.totals.unbalanced_lots,
        first_answer_bytes: JSON.stringify(got.route).length,
        page_bytes: JSON.stringify(got.page).length,
        opened_children: got.open?.children.count ?? null,
      }
    }
    if (mismatches.length) ctx.warn(`trace: answers differ (${mismatches.length} rounds), e.g. ${mismatches[0]}`)

    // Recalls over the same data: the mock recall (the same scope as a recall, timed, mass balance,
    // recorded in the history), then one real recall of another raw lot (it changes lot statuses,
    // so it runs once, last).
    const mockRuns = Math.max(1, Math.min(runs, envInt("BENCH_RECALL_RUNS", 10)))
    const mockSamples = []
    const mockPageSamples = []
    let mockAnswer = null
    let mockBytes = 0
    for (let round = 0; round < WARMUP + mockRuns; round++) {
      const t = process.hrtime.bigint()
      const answered = await ctx.api("POST", "/admin/recalls/mock", { lot_ids: [raw] })
      const t1 = process.hrtime.bigint()
      // The page after the first answer's customers, as the admin or a script asks for it.
      await ctx.api("GET", `/admin/recalls/mock/${answered.mock_recall.id}/scope?table=customers&offset=25&limit=25`)
      if (round >= WARMUP) {
        mockSamples.push(Number(t1 - t) / 1e6)
        mockPageSamples.push(Number(process.hrtime.bigint() - t1) / 1e6)
      }
      mockAnswer = answered.mock_recall
      mockBytes = JSON.stringify(answered).length
    }
    // One run, last; if it fails the figures above are still reported, with the failure as a warning.
    const recallStart = process.hrtime.bigint()
    const created = await ctx
      .api("POST", "/admin/recalls", { lot_ids: [lotId(2)], reason: "benchmark recall", classification: "II" })
      .then((answer) => answer.recall)
      .catch((error) => ctx.warn(`trace: the recall (one run) failed: ${error.message}`))
    const recallMs = Number(process.hrtime.bigint() - recallStart) / 1e6

    const data = `${count.toLocaleString("en-US")} lots, ${sizes.shipments.toLocaleString("en-US")} shipment links; answer ${answer.lots} lots, ${answer.shipments} shipments`
    const cases = []
    const derived = []
    let cte = null
    if (direct) {
      cte = caseFromSamples({ label: "SQL trace statements (recursive walk + shipments, 2 queries)", data, samples: s.cte })
      // Per statement, the measured rounds only (one run per round; the warm-ups came first).
      const [walkMs, shipmentsMs] = [statementMs.walk.slice(WARMUP), statementMs.shipments.slice(WARMUP)]
      cte.sql = [
        sqlEntry({ text: direct.text, values: direct.values, samples: walkMs, explain: await explainWithLocks(ctx.sql, direct) }),
        sqlEntry({ ...direct.shipments, samples: shipmentsMs, explain: await explainWithLocks(ctx.sql, direct.shipments) }),
      ]
      cte.sql_statements_per_request = 2
      cte.sql_ms_per_request = cte.latency_ms.p50
      cases.push(cte)
    }
    const naive = caseFromSamples({ label: "node-by-node walk (5 queries per lot)", data: `${data}; ${naiveQueries} queries`, samples: s.naive })
    const route = caseFromSamples({
      label: "GET /admin/lots/:id/trace?direction=forward (first answer: totals, tree top, first pages)",
      data: `${data}; ${answer.first_answer_bytes.toLocaleString("en-US")} bytes of JSON`,
      samples: s.route,
    })
    const page = caseFromSamples({ label: "GET …/trace?…&table=shipments&offset=20&limit=20 (one page)", data: `${data}; ${answer.page_bytes.toLocaleString("en-US")} bytes`, samples: s.page })
    const open = openPath && caseFromSamples({ label: "GET …/trace?…&node=<lot made from it> (a tree level opened)", data: `${data}; ${answer.opened_children} children`, samples: s.open })
    const mock = caseFromSamples({
      label: "POST /admin/recalls/mock (summary, mass balance, first pages, recorded)",
      data: `${data}; ${mockAnswer.lot_count} lots, ${mockAnswer.shipment_count} shipments, ${mockAnswer.customer_count} customers; ${mockBytes.toLocaleString("en-US")} bytes`,
      samples: mockSamples,
    })
    const mockPage = caseFromSamples({ label: "GET /admin/recalls/mock/:id/scope?table=customers&offset=25 (one page)", data, samples: mockPageSamples })
    cases.push(naive, route, page, ...(open ? [open] : []), mock, mockPage)
    const p = (c) => c.latency_ms
    if (cte) {
      derived.push({ name: "trace statements p50", value: p(cte).p50, unit: "ms", note: `p95 ${p(cte).p95} ms (aim: median under 100 ms)` })
      derived.push({ name: "node-by-node walk / trace statements (p50)", value: ratio(p(naive).p50, p(cte).p50), unit: "x", note: `${p(naive).p50} vs ${p(cte).p50} ms; p95 ${p(naive).p95} vs ${p(cte).p95} ms; ${naiveQueries} queries vs 2` })
    }
    derived.push({ name: "route first answer p50", value: p(route).p50, unit: "ms", note: `p95 ${p(route).p95} ms; ${answer.first_answer_bytes} bytes (aim: median under 100 ms)` })
    derived.push({ name: "route page fetch p50", value: p(page).p50, unit: "ms", note: `p95 ${p(page).p95} ms${open ? `; a tree level opened: p50 ${p(open).p50} ms, p95 ${p(open).p95} ms` : ""}` })
    derived.push({ name: "route p50 / node-by-node walk p50", value: ratio(p(route).p50, p(naive).p50), unit: "x", note: `route ${p(route).p50} ms vs walk ${p(naive).p50} ms, incl. HTTP and JSON` })
    derived.push({ name: "mock recall p50", value: p(mock).p50, unit: "ms", note: `p95 ${p(mock).p95} ms; scope computed in ${mockAnswer.duration_ms} ms server-side; mass balance ${mockAnswer.mass_balance_percent}% (aim: under 500 ms); a page after it p50 ${p(mockPage).p50} ms, p95 ${p(mockPage).p95} ms` })
    if (created) {
      derived.push({
        name: "recall creation (one run)",
        value: Math.round(recallMs),
        unit: "ms",
        note: `${created.lot_count} lots recalled, ${created.customer_count} customers, ${created.summary.shipments} shipments copied, open allocations released, blocks synced`,
      })
    }
    derived.push({ name: "same shipments in every run", value: runs + WARMUP - mismatches.length, unit: `of ${runs + WARMUP} rounds`, note: mismatches[0] })
    return {
      cases,
      derived,
      data: {
        lots: count,
        levels: LEVELS,
        lots_per_level: perLevel,
        parents_per_lot: PARENTS,
        lineage_links: sizes.lineage,
        shipment_links: sizes.shipments,
        lot_shipment_size: sizes.shipment_size,
        load_seconds: timings,
        start_lot: raw,
        first_route_answer: { lots: first.trace.totals.lots, shipments: first.trace.totals.shipments, truncated: first.trace.truncated, bytes: JSON.stringify(first).length },
        answer,
        runs,
      },
    }
  },
}
