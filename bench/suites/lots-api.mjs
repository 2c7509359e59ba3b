// Suite "lots-api": the plugin's admin lot API against stock Medusa's inventory API, on the
// same data size, same machine, same run.
//   1. GET /admin/lots?limit=50              vs GET /admin/inventory-items?limit=50
//   2. GET /admin/lots?q=<s>&limit=50        vs GET /admin/inventory-items?q=<s>&limit=50
//   3. POST /admin/lots (receive, a new lot number each time): lots/second
//   4. POST /admin/lots/batch (BENCH_RECEIPT_BATCH new lots per request, default 500): lots/second,
//      and its ratio to 3 in the same run
// Reads run first, so they see exactly N lots; the receipts then add to that. Each read pair is
// measured alternately in slices, so that background load on a shared machine hits both alike.

const pct = (a, b) => (a && b ? a / b : null)

export default {
  name: "lots-api",
  description: "Lot list / search / receive (one and in batches) through the admin API, next to Medusa's inventory-items list",

  async run(ctx) {
    const { count, locationId, search, itemRef } = await ctx.dataset()
    const cases = []
    const derived = []
    const n = count.toLocaleString("en-US")

    // What the list endpoints report (and that they answer at all) before measuring.
    const lotsHead = await ctx.api("GET", "/admin/lots?limit=1")
    const itemsHead = await ctx.api("GET", "/admin/inventory-items?limit=1")
    const lotsQ = await ctx.api("GET", `/admin/lots?limit=1&q=${encodeURIComponent(search)}`)
    const itemsQ = await ctx.api("GET", `/admin/inventory-items?limit=1&q=${encodeURIComponent(search)}`)
    const sizes = {
      lots_listed: lotsHead.count,
      inventory_items_listed: itemsHead.count,
      search,
      lots_matching_search: lotsQ.count,
      inventory_items_matching_search: itemsQ.count,
    }
    ctx.log(`  list counts: ${JSON.stringify(sizes)}`)
    if (lotsHead.count !== count || itemsHead.count !== count) {
      ctx.warn(`lots-api: expected ${count} lots and items, the API reports ${lotsHead.count} lots and ${itemsHead.count} items`)
    }

    // Each pair is measured alternately (ctx.measureSet), so both sides see the same background load.
    const pair = async (a, b) => {
      const results = await ctx.measureSet([a, b].map(({ label, path }) => ({ label, path })))
      results.forEach((r, i) => cases.push({ case: r.label, data: [a, b][i].data, ...r }))
      return results
    }
    const [lots, items] = await pair(
      { label: "GET /admin/lots?limit=50", path: "/admin/lots?limit=50", data: `${n} lots` },
      { label: "GET /admin/inventory-items?limit=50", path: "/admin/inventory-items?limit=50", data: `${n} items` }
    )
    const q = encodeURIComponent(search)
    const [qLots, qItems] = await pair(
      { label: `GET /admin/lots?q=${search}&limit=50`, path: `/admin/lots?q=${q}&limit=50`, data: `${n} lots, ${lotsQ.count} match` },
      {
        label: `GET /admin/inventory-items?q=${search}&limit=50`,
        path: `/admin/inventory-items?q=${q}&limit=50`,
        data: `${n} items, ${itemsQ.count} match`,
      }
    )
    derived.push({ name: "p50 ratio lots / inventory-items (list)", value: pct(lots.latency_ms.p50, items.latency_ms.p50), unit: "x" })
    derived.push({ name: "p50 ratio lots / inventory-items (q search)", value: pct(qLots.latency_ms.p50, qItems.latency_ms.p50), unit: "x" })
    derived.push({ name: "p95 ratio lots / inventory-items (list)", value: pct(lots.latency_ms.p95, items.latency_ms.p95), unit: "x" })
    derived.push({ name: "p95 ratio lots / inventory-items (q search)", value: pct(qLots.latency_ms.p95, qItems.latency_ms.p95), unit: "x" })

    // Receive: every request a new lot of a different item (so receipts don't queue on one item's lock).
    const today = new Date()
    const yymmdd = today.toISOString().slice(2, 10).replace(/-/g, "")
    const day = today.toISOString().slice(0, 10)
    const expires = new Date(today.getTime() + 730 * 86_400_000).toISOString().slice(0, 10)
    let receiptSeq = 0
    const lotsBefore = await ctx.sql(`SELECT count(*)::int AS n FROM lot WHERE deleted_at IS NULL`)
    const receive = await ctx.measure({
      label: "POST /admin/lots (receive)",
      method: "POST",
      path: "/admin/lots",
      warmupRequests: 20,
      // One counter for the whole suite: a case measured again (server restart) keeps numbers unique.
      makeBody: () => {
        const i = receiptSeq++
        const item = itemRef(1 + ((i * 7919) % count))
        return {
          inventory_item_id: item.id,
          location_id: locationId,
          quantity: 24,
          lot_number: `${item.sku}-${yymmdd}-R${String(i + 1).padStart(5, "0")}`,
          manufactured_at: day,
          expires_at: expires,
          supplier: "Bench Supplier Ltd",
        }
      },
    })
    const lotsAfter = await ctx.sql(`SELECT count(*)::int AS n FROM lot WHERE deleted_at IS NULL`)
    const created = lotsAfter[0].n - lotsBefore[0].n
    const lotsPerSecond = receive.ok / receive.duration_s
    cases.push({
      case: "POST /admin/lots (receive)",
      data: `${n} lots before`,
      rate: `${lotsPerSecond.toFixed(1)} lots/s`,
      lots_created_incl_warmup: created,
      ...receive,
    })
    derived.push({ name: "receive throughput", value: lotsPerSecond, unit: "lots/s", note: `${receive.ok} lots in ${receive.duration_s}s at concurrency ${receive.connections}; ${created} lots created incl. warm-up` })
    if (receive.non_2xx) ctx.warn(`lots-api: ${receive.non_2xx} receipts failed, e.g. ${receive.error_samples[0]}`)

    // Receive in batches: each request BATCH new lots of consecutive items, so the batches in
    // flight at once hold different items' inventory locks (as separate deliveries would).
    const batchSize = Number(process.env.BENCH_RECEIPT_BATCH ?? 500)
    let batchSeq = 0
    const batchBefore = await ctx.sql(`SELECT count(*)::int AS n FROM lot WHERE deleted_at IS NULL`)
    const receiveBatch = await ctx.measure({
      label: `POST /admin/lots/batch (${batchSize} receipts)`,
      method: "POST",
      path: "/admin/lots/batch",
      warmupRequests: 2,
      makeBody: () => {
        const b = batchSeq++
        return {
          receipts: Array.from({ length: batchSize }, (_, j) => {
            const item = itemRef(1 + ((b * batchSize + j) % count))
            return {
              inventory_item_id: item.id,
              location_id: locationId,
              quantity: 24,
              lot_number: `${item.sku}-${yymmdd}-B${b + 1}-${j + 1}`,
              manufactured_at: day,
              expires_at: expires,
              supplier: "Bench Supplier Ltd",
            }
          }),
        }
      },
    })
    const batchAfter = await ctx.sql(`SELECT count(*)::int AS n FROM lot WHERE deleted_at IS NULL`)
    const batchLotsPerSecond = (receiveBatch.ok * batchSize) / receiveBatch.duration_s
    cases.push({
      case: `POST /admin/lots/batch (${batchSize} receipts)`,
      data: `${n} lots before the single receipts`,
      rate: `${batchLotsPerSecond.toFixed(1)} lots/s`,
      lots_created_incl_warmup: batchAfter[0].n - batchBefore[0].n,
      ...receiveBatch,
    })
    derived.push({
      name: "batch receive throughput",
      value: batchLotsPerSecond,
      unit: "lots/s",
      note: `${receiveBatch.ok} batches of ${batchSize} in ${receiveBatch.duration_s}s at concurrency ${receiveBatch.connections}`,
    })
    derived.push({ name: "batch / single receive throughput", value: pct(batchLotsPerSecond, lotsPerSecond), unit: "x" })
    if (receiveBatch.non_2xx) ctx.warn(`lots-api: ${receiveBatch.non_2xx} batches failed, e.g. ${receiveBatch.error_samples[0]}`)

    return { cases, derived, data: sizes }
  },
}
