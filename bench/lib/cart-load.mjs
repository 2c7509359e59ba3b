// Checkout load for the `cluster-checkout` suite: guest carts made ready ahead of time (untimed,
// the request shapes of storefront.mjs), then completed by a fixed number of connections in a
// closed loop (each sends its next completion when the previous one answered), bounded in time
// and by the carts prepared. A cart is completed on the server it was prepared on; carts are
// prepared round-robin over a deployment's servers, so the load is split evenly across them.
import { prepareCart, nowMs } from "./storefront.mjs"

/** `count` carts of one unit line of `variantId`, `parallel` at a time, over `servers` in turn. */
export async function prepareCarts(servers, store, { variantId, quantity, shippingOption, count, parallel }) {
  const carts = new Array(count)
  let next = 0
  const one = async () => {
    while (next < count) {
      const i = next++
      const http = servers[i % servers.length]
      const { cartId } = await prepareCart(http, store, [{ variant_id: variantId, quantity }], { shippingOption, email: `load-${i}@lots.bench` })
      carts[i] = { http, cartId }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, one))
  return carts
}

/**
 * Completes carts from `queue` (taken from its front) with `connections` loops until `seconds`
 * have passed or the queue is empty. Returns { seconds, latencies (ms, placed orders only),
 * orders: [order id], failures: [text], ranOut (the queue emptied before the deadline) }. `seconds` is the time a loop was busy (first request
 * sent to last answer), averaged over the loops: orders / seconds is the closed loop's
 * throughput without the ramp at the start and the stragglers after the deadline, which weigh
 * heavily when a slice holds only a few rounds of multi-second checkouts.
 */
export async function completeCarts(queue, store, { connections, seconds }) {
  const deadline = nowMs() + seconds * 1000
  const out = { latencies: [], orders: [], failures: [] }
  const headers = { "x-publishable-api-key": store.publishableKey }
  let busyMs = 0
  const loop = async () => {
    const started = nowMs()
    let sentAny = false
    while (queue.length && nowMs() < deadline) {
      sentAny = true
      const { http, cartId } = queue.shift()
      const sent = nowMs()
      const r = await http.raw("POST", `/store/carts/${cartId}/complete`, {}, headers).catch((error) => ({ status: 0, body: error.message }))
      if (r.status === 200 && r.body?.type === "order") {
        out.latencies.push(nowMs() - sent)
        out.orders.push(r.body.order.id)
      } else {
        out.failures.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)
      }
    }
    if (sentAny) busyMs += nowMs() - started
  }
  await Promise.all(Array.from({ length: connections }, loop))
  out.seconds = busyMs / connections / 1000
  out.ranOut = !queue.length && nowMs() < deadline
  return out
}

/**
 * Per order: milliseconds from the order row's creation to its first lot allocation (both
 * stamped by the processes on this machine's clock), null when the line has none. Also the span
 * from the first order placed to the last allocation made (seconds), for allocations per second.
 */
export async function allocationLags(sql, orderIds) {
  if (!orderIds.length) return { lags: [], unallocated: 0, span_s: 0 }
  const rows = await sql(
    `SELECT o.id, o.created_at AS placed_at, min(a.created_at) AS allocated_at,
            EXTRACT(EPOCH FROM (min(a.created_at) - o.created_at)) * 1000 AS lag_ms
       FROM "order" o
       LEFT JOIN lot_allocation a ON a.order_id = o.id AND a.deleted_at IS NULL
      WHERE o.id = ANY($1)
      GROUP BY o.id, o.created_at`,
    [orderIds]
  )
  const allocated = rows.filter((r) => r.lag_ms !== null)
  const first = Math.min(...rows.map((r) => r.placed_at.getTime()))
  const last = Math.max(...allocated.map((r) => r.allocated_at.getTime()))
  return {
    lags: allocated.map((r) => Number(r.lag_ms)),
    unallocated: rows.length - allocated.length,
    span_s: allocated.length ? (last - first) / 1000 : 0,
  }
}
