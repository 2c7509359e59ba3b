// Suite "expiry": the daily expiry run over a large lot table.
//   1. builds BENCH_EXPIRY_LOTS lots (default 1,000,000) with stock, over BENCH_EXPIRY_ITEMS
//      tracked items at one new stock location, with set-based SQL: BENCH_EXPIRY_DUE_PCT percent
//      of them past expiry but still released (what the sweep has to expire), the rest expiring
//      over the next two years (~12% of those within 90 days: what the warning pass announces);
//   2. times the sweep (`POST /admin/lots/expire`: mark expired, history, release allocations,
//      blocking reservations in Medusa's inventory) and checks that every due lot was expired and
//      blocked, and Medusa's reserved quantities match;
//   3. times the warning pass (`POST /admin/lots/expiry-warnings`) on that backlog, then both
//      again with nothing left to do (the steady daily cost);
//   4. measures GET /admin/lots/expiry-summary and GET /admin/lots/expiring on the same table.
// It writes (lots, stock, reservations, events), so it runs on its own items and location.
import http from "node:http"
import { medusaHttp } from "../lib/medusa-http.mjs"
import { envInt, sleep } from "../lib/util.mjs"

/** A POST that may run for minutes (the sweep of a large backlog): no client timeout. */
function longPost(baseUrl, token, path) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}${path}`,
      { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } },
      (res) => {
        let text = ""
        res.on("data", (chunk) => (text += chunk))
        res.on("end", () =>
          res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`POST ${path} -> ${res.statusCode} ${text.slice(0, 300)}`))
        )
      }
    )
    req.on("error", reject)
    req.end("{}")
  })
}

async function buildLots(ctx, { lots, items, duePct, locationId }) {
  const batch = 100_000
  const steps = {}
  const step = async (name, fn) => {
    const start = process.hrtime.bigint()
    await fn()
    steps[name] = Math.round(Number(process.hrtime.bigint() - start) / 1e6) / 1000
    ctx.log(`  ${name}: ${steps[name]}s`)
  }
  await ctx.sql("SET synchronous_commit = off")
  await step("inventory items + policies", async () => {
    await ctx.sql(
      `INSERT INTO inventory_item (id, sku, title, requires_shipping)
       SELECT 'iitem_01JX' || lpad(i::text, 22, '0'), 'EXP-' || lpad(i::text, 5, '0'), 'Expiry bench item #' || i, true
         FROM generate_series(1, $1::int) i`,
      [items]
    )
    await ctx.sql(
      `INSERT INTO lot_policy (id, inventory_item_id, tracked, strategy)
       SELECT 'lotpol_01JX' || lpad(i::text, 22, '0'), 'iitem_01JX' || lpad(i::text, 22, '0'), true, 'fefo'
         FROM generate_series(1, $1::int) i`,
      [items]
    )
  })
  await step("lots + stock", async () => {
    for (let from = 1; from <= lots; from += batch) {
      const to = Math.min(lots, from + batch - 1)
      // Deterministic from the row number: the same data every run.
      await ctx.sql(
        `WITH s AS (
           SELECT i, (hashint4(i)::bigint & 2147483647) AS r1, (hashint4(i + 7777777)::bigint & 2147483647) AS r2
             FROM generate_series($1::int, $2::int) i
         )
         INSERT INTO lot (id, lot_number, inventory_item_id, status, expires_at, received_at)
         SELECT 'lot_01JX' || lpad(i::text, 22, '0'), 'EXPB-' || lpad(i::text, 8, '0'),
                'iitem_01JX' || lpad((1 + i % $3::int)::text, 22, '0'),
                CASE WHEN r2 % 100 < 3 THEN 'quarantine' ELSE 'released' END,
                CASE WHEN r1 % 10000 < $4::int * 100 THEN now() - (1 + r2 % 30) * interval '1 day'
                     ELSE date_trunc('day', now()) + (1 + r2 % 730) * interval '1 day' END,
                now() - interval '200 days'
           FROM s`,
        [from, to, items, duePct]
      )
      await ctx.sql(
        `INSERT INTO lot_stock (id, lot_id, location_id, quantity, allocated_quantity)
         SELECT 'lotstk_01JX' || lpad(i::text, 22, '0'), 'lot_01JX' || lpad(i::text, 22, '0'), $3,
                10 + (hashint4(i + 15555555)::bigint & 2147483647) % 91, 0
           FROM generate_series($1::int, $2::int) i`,
        [from, to, locationId]
      )
    }
  })
  await step("inventory levels", async () => {
    await ctx.sql(
      `INSERT INTO inventory_level (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity, incoming_quantity,
                                    raw_stocked_quantity, raw_reserved_quantity, raw_incoming_quantity)
       SELECT 'ilev_01JX' || substr(l.inventory_item_id, 11), l.inventory_item_id, $1, sum(s.quantity), 0, 0,
              jsonb_build_object('value', sum(s.quantity)::text, 'precision', 20),
              '{"value":"0","precision":20}'::jsonb, '{"value":"0","precision":20}'::jsonb
         FROM lot l JOIN lot_stock s ON s.lot_id = l.id
        WHERE l.id LIKE 'lot_01JX%'
        GROUP BY l.inventory_item_id`,
      [locationId]
    )
  })
  await step("vacuum analyze", () => ctx.sql(`VACUUM (ANALYZE) lot, lot_stock, inventory_item, inventory_level, lot_policy`))
  return steps
}

async function counts(ctx, locationId) {
  const [row] = await ctx.sql(
    `SELECT count(*) FILTER (WHERE l.status = 'expired')::int AS expired,
            count(*) FILTER (WHERE l.status <> 'expired' AND l.expires_at <= now())::int AS due,
            count(*) FILTER (WHERE s.blocked_reservation_id IS NOT NULL)::int AS blocked_rows,
            count(*) FILTER (WHERE l.expiry_warning_days IS NOT NULL)::int AS warned,
            coalesce(sum(s.quantity) FILTER (WHERE l.status = 'expired'), 0)::bigint AS held_units
       FROM lot l JOIN lot_stock s ON s.lot_id = l.id AND s.location_id = $1
      WHERE l.deleted_at IS NULL`,
    [locationId]
  )
  const [levels] = await ctx.sql(
    `SELECT coalesce(sum(reserved_quantity), 0)::bigint AS reserved FROM inventory_level WHERE location_id = $1 AND deleted_at IS NULL`,
    [locationId]
  )
  return { ...row, held_units: Number(row.held_units), reserved: Number(levels.reserved) }
}

export default {
  name: "expiry",
  description: "Expiry sweep and warning pass over 1,000,000 lots (BENCH_EXPIRY_LOTS), expiry summary and expiring list",

  async run(ctx) {
    const lots = envInt("BENCH_EXPIRY_LOTS", 1_000_000)
    const items = Math.max(1, envInt("BENCH_EXPIRY_ITEMS", Math.ceil(lots / 1000)))
    const duePct = envInt("BENCH_EXPIRY_DUE_PCT", 2)
    const server = await medusaHttp(ctx)
    const { stock_location } = await ctx.api("POST", "/admin/stock-locations", { name: "Expiry bench warehouse" })
    const locationId = stock_location.id
    ctx.log(`  building ${lots.toLocaleString("en-US")} lots over ${items} items (${duePct}% past expiry)`)
    const build = await buildLots(ctx, { lots, items, duePct, locationId })
    const before = await counts(ctx, locationId)
    ctx.log(`  before: ${JSON.stringify(before)}`)

    const cases = []
    const derived = []
    const n = lots.toLocaleString("en-US")
    // A develop restart (someone saving a project file) kills a running sweep; what it committed
    // stays. So progress is counted in the database around each attempt, and the rate is the
    // lots done over the time the attempts ran (reboots left out), however many it took.
    const timedRun = async (label, path, progressSql) => {
      const progress = async () => (await ctx.sql(progressSql, [locationId]))[0].n
      let lotsDone = 0
      let seconds = 0
      let attempts = 0
      await ctx.sqlMark()
      for (;;) {
        attempts++
        await server.waitForHealth()
        const generation = server.generation()
        const before = await progress()
        const started = process.hrtime.bigint()
        let failure = null
        await longPost(server.baseUrl, server.token, path).catch((err) => (failure = err))
        seconds += Number(process.hrtime.bigint() - started) / 1e9
        lotsDone += (await progress()) - before
        const restarted = server.generation() !== generation || /ECONNRESET|socket hang up|ECONNREFUSED/.test(failure?.message ?? "")
        if (failure && !restarted) throw failure
        if (!restarted) break
        if (attempts >= 5) {
          ctx.warn(`${label}: the server restarted during ${attempts} attempts; counting what they did`)
          break
        }
        ctx.warn(`${label}: the server restarted during the run; continuing where it stopped`)
        await sleep(2000)
      }
      const traced = { requests: attempts }
      await ctx.sqlSince(traced)
      ctx.log(`  ${label}: ${lotsDone} lots in ${seconds.toFixed(1)}s (${attempts} attempt(s))`)
      cases.push({
        case: label,
        data: `${n} lots`,
        duration_s: Math.round(seconds * 10) / 10,
        requests: attempts,
        non_2xx: 0,
        rate: `${lotsDone.toLocaleString("en-US")} lots, ${(lotsDone / seconds).toFixed(0)} lots/s`,
        lots: lotsDone,
        ...(attempts > 1 && { attempts }),
        ...traced,
      })
      return { count: lotsDone, seconds }
    }
    const EXPIRED = `SELECT count(*)::int AS n FROM lot l JOIN lot_stock s ON s.lot_id = l.id AND s.location_id = $1 WHERE l.status = 'expired'`
    const WARNINGS = `SELECT count(*)::int AS n FROM lot_event e JOIN lot_stock s ON s.lot_id = e.lot_id AND s.location_id = $1 WHERE e.type = 'expiry_warning'`

    const sweep = await timedRun("POST /admin/lots/expire (backlog)", "/admin/lots/expire", EXPIRED)
    const afterSweep = await counts(ctx, locationId)
    ctx.log(`  after the sweep: ${JSON.stringify(afterSweep)}`)
    if (afterSweep.due !== 0 || afterSweep.expired !== before.due) {
      ctx.warn(`expiry: ${afterSweep.due} lots still due after the sweep; ${afterSweep.expired} expired of ${before.due} due`)
    }
    // Only the swept lots are blocked here (the bulk-loaded quarantined ones were given no reservation).
    if (afterSweep.reserved !== afterSweep.held_units) {
      ctx.warn(`expiry: Medusa reserves ${afterSweep.reserved} units at the location, the expired lots hold ${afterSweep.held_units}`)
    }
    derived.push({ name: "sweep throughput", value: sweep.count / sweep.seconds, unit: "lots expired/s", note: `${sweep.count} lots in ${sweep.seconds.toFixed(1)}s, ${n} lots in the table` })

    const warn = await timedRun("POST /admin/lots/expiry-warnings (backlog)", "/admin/lots/expiry-warnings", WARNINGS)
    derived.push({ name: "warning throughput", value: warn.count / warn.seconds, unit: "lots warned/s", note: `${warn.count} lots in ${warn.seconds.toFixed(1)}s` })
    const idleSweep = await timedRun("POST /admin/lots/expire (nothing due)", "/admin/lots/expire", EXPIRED)
    const idleWarn = await timedRun("POST /admin/lots/expiry-warnings (nothing new)", "/admin/lots/expiry-warnings", WARNINGS)
    derived.push({ name: "daily run with nothing to do", value: (idleSweep.seconds + idleWarn.seconds) * 1000, unit: "ms" })
    const afterWarn = await counts(ctx, locationId)

    for (const [label, path] of [
      ["GET /admin/lots/expiry-summary", "/admin/lots/expiry-summary"],
      ["GET /admin/lots/expiring?within_days=30", "/admin/lots/expiring?within_days=30&limit=50"],
      ["GET /admin/lots/expiring?include_expired=true", "/admin/lots/expiring?within_days=90&include_expired=true&limit=50&offset=1000"],
    ]) {
      const r = await ctx.measure({ label, path })
      cases.push({ case: label, data: `${n} lots`, ...r })
    }
    return { cases, derived, data: { lots, items, due_pct: duePct, build_s: build, before, after_sweep: afterSweep, after_warnings: afterWarn } }
  },
}
