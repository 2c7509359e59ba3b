// The traffic of `npm run test:cluster`, over both servers at once: rounds of storefront checkouts
// of the tracked item while its lots are held and released, received into and fulfilled from;
// a moment in each round when every lot is held (then no checkout may succeed); and the burst of
// receipts, transfers, checkouts and fulfillments during which a server is killed.
import { changeLotStatus, checkoutItem, fulfillOrder, receiveInto, transferLot } from "./cluster-shop.mjs"

const CHECKOUTS_PER_ROUND = 4
const FULFILLMENTS_PER_ROUND = 2
const UNITS_RECEIVED_PER_ROUND = 6
export const ALL_HELD_CHECKOUT = "checkout while every lot is held"

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const range = (n) => Array.from({ length: n }, (_, i) => i)

/**
 * The shared state of the traffic: `servers` (a client per server), `item` (cluster-shop's
 * setUpTrackedItem), `tally`, the orders placed (`fulfilled` once shipped) and the lots on hold.
 */
export function trafficState(servers, item, tally) {
  return { servers, item, tally, orders: [], held: new Set() }
}

/** Round r holds two of the four lots, the other pair than round r - 1: each round releases two and holds two. */
function lotsHeldInRound(item, r) {
  return new Set([item.lots[(2 * r) % item.lots.length].id, item.lots[(2 * r + 1) % item.lots.length].id])
}

/** Holds or releases `lot` on `http` and records the status the lot then has. */
async function setHeld(state, http, lot, hold) {
  const done = await changeLotStatus(state.tally, http, lot, hold ? "hold" : "release")
  if (done && hold) state.held.add(lot.id)
  if (done && !hold) state.held.delete(lot.id)
}

/**
 * One round, all at once: checkouts alternating between the servers, each paired with a hold or a
 * release on the other server; a receipt; fulfillments of orders from earlier rounds.
 */
export async function runRound(state, r) {
  const { item, tally } = state
  const server = (i) => state.servers[(r + i) % 2]
  const next = lotsHeldInRound(item, r)
  const statusChanges = item.lots.filter((lot) => next.has(lot.id) !== state.held.has(lot.id))
  const toFulfill = state.orders.filter((order) => !order.fulfilled).slice(0, FULFILLMENTS_PER_ROUND)
  await Promise.all([
    ...range(CHECKOUTS_PER_ROUND).map(async (i) => {
      const order = await checkoutItem(tally, server(i), item, { quantity: 1 + (i % 2), email: `shopper-${r}-${i}@cluster.test` })
      if (order) state.orders.push(order)
    }),
    ...statusChanges.map((lot, j) => setHeld(state, server(j + 1), lot, next.has(lot.id))),
    receiveInto(tally, server(1), item, item.lots[r % item.lots.length], item.locations.selling, UNITS_RECEIVED_PER_ROUND),
    ...toFulfill.map(async (order, i) => {
      order.fulfilled = await fulfillOrder(tally, server(i), item, order)
    }),
  ])
}

/**
 * Holds every lot still released, tries a checkout on each server, then releases those lots again.
 * Returns the orders that were placed: held stock sold, so the caller fails on any.
 */
export async function checkoutWhileAllHeld(state, r) {
  const { item, tally } = state
  const server = (i) => state.servers[(r + i) % 2]
  const released = item.lots.filter((lot) => !state.held.has(lot.id))
  await Promise.all(released.map((lot, j) => setHeld(state, server(j), lot, true)))
  const placed = await Promise.all(
    range(2).map((i) => checkoutItem(tally, server(i), item, { quantity: 1, email: `held-${r}-${i}@cluster.test`, kind: ALL_HELD_CHECKOUT }))
  )
  await Promise.all(released.map((lot, j) => setHeld(state, server(j + 1), lot, false)))
  state.orders.push(...placed.filter(Boolean))
  return placed.filter(Boolean)
}

/**
 * A burst over both servers — receipts, transfers to the overflow location and back, checkouts,
 * fulfillments of what is still open — started a few at a time; `crash()` is called `crashAfterMs`
 * into it. Requests cut off by the crash count as failed in `state.tally`; those sent to the dead
 * server wait for it to answer again (the client's retry on a refused connection).
 */
export async function crashBurst(state, { operations = 16, spacingMs = 300, crashAfterMs = 3000, crash }) {
  const { item, tally } = state
  const { selling, overflow } = item.locations
  const open = state.orders.filter((order) => !order.fulfilled)
  const ops = range(operations).map(async (k) => {
    await sleep(k * spacingMs)
    const http = state.servers[k % 2]
    const other = state.servers[(k + 1) % 2]
    const lot = item.lots[k % item.lots.length]
    const work = [receiveInto(tally, http, item, lot, selling, 2), transferLot(tally, other, lot, selling, overflow, 1)]
    if (k % 4 === 3) work.push(transferLot(tally, http, lot, overflow, selling, 1))
    if (k % 2 === 0) {
      work.push(
        checkoutItem(tally, other, item, { quantity: 1, email: `burst-${k}@cluster.test` }).then((order) => order && state.orders.push(order))
      )
    }
    const order = open[k]
    if (order) work.push(fulfillOrder(tally, http, item, order).then((ok) => (order.fulfilled = ok)))
    await Promise.all(work)
  })
  await sleep(crashAfterMs)
  await crash()
  await Promise.all(ops)
}
