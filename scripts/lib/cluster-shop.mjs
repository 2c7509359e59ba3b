// What `npm run test:cluster` does to the shop, through Medusa's HTTP API on either server: a
// lot-tracked item in a store of its own, and the actions the rounds mix — storefront checkouts,
// lot holds and releases, receipts, transfers, fulfillments. Every action is tallied as ok,
// refused (a 4xx: the shop said no, which concurrency makes legitimate) or failed (anything else).
// The request shapes are the benchmarks' (bench/lib/storefront.mjs), over the same client.
import { HttpError, MedusaHttp } from "../../bench/lib/medusa-http.mjs"
import { checkout, createStockedProduct, fulfill, setupStore } from "../../bench/lib/storefront.mjs"
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./demo-login.mjs"

const LOT_COUNT = 4
const UNITS_PER_LOT = 40

// A request may wait out a dead server's lock (75 s, medusa-config's wait) and then still run its
// flow: the client waits longer, so an answer means the server is done with the request, and the
// checks after the crash see no flow still under way.
const REQUEST_TIMEOUT_MS = 150_000

/** One admin token (the servers share the JWT secret) and a client per server. */
export async function adminClients(baseUrls) {
  const res = await fetch(`${baseUrls[0]}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  })
  const { token } = await res.json().catch(() => ({}))
  if (!res.ok || !token) throw new Error(`admin login at ${baseUrls[0]} failed (${res.status})`)
  return baseUrls.map((baseUrl) => new MedusaHttp({ baseUrl, token, timeoutMs: REQUEST_TIMEOUT_MS }))
}

const isoDay = (daysFromNow) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10)

/**
 * A store of its own (region, sales channel, publishable key, one selling location with
 * shipping), a second location outside the sales channel that only takes transfers (so every
 * order reserves at the selling one), and a tracked item with LOT_COUNT released lots there.
 */
export async function setUpTrackedItem(http) {
  // Austria: a country the demo seed's region does not hold (a country belongs to one region).
  const store = await setupStore(http, { label: "Cluster", locations: 1, country: "at" })
  const selling = store.locations[0].id
  const { stock_location } = await http.admin("POST", "/admin/stock-locations", { name: "Cluster overflow store" })
  const overflow = stock_location.id
  const { variantId, inventoryItemId } = await createStockedProduct(http, store, {
    title: "Cluster yogurt 500 g",
    sku: "CLUSTER-YOG-500",
    stock: { [selling]: 0, [overflow]: 0 },
  })
  await http.admin("POST", `/admin/inventory-items/${inventoryItemId}/lot-policy`, { tracked: true })
  const lots = []
  for (let i = 0; i < LOT_COUNT; i++) {
    const { lot } = await http.admin("POST", "/admin/lots", {
      inventory_item_id: inventoryItemId,
      location_id: selling,
      quantity: UNITS_PER_LOT,
      lot_number: `CLUSTER-${i + 1}`,
      expires_at: isoDay(90 + 30 * i),
    })
    lots.push({ id: lot.id, lot_number: lot.lot_number })
  }
  return { store, variantId, inventoryItemId, locations: { selling, overflow }, lots }
}

/** Outcomes per kind of action, the messages of the failed ones and why the refused ones were refused. */
export class Tally {
  counts = {}
  failures = []
  refusals = []

  add(kind, outcome, detail) {
    this.counts[kind] ??= { ok: 0, refused: 0, failed: 0 }
    this.counts[kind][outcome]++
    if (outcome === "failed") this.failures.push(`${kind}: ${detail}`)
    if (outcome === "refused") this.refusals.push(`${kind}: ${detail}`)
  }

  count(kind, outcome) {
    return this.counts[kind]?.[outcome] ?? 0
  }
}

/** Runs one action and tallies it; resolves with its value, or null when it was refused or failed. */
async function attempt(tally, kind, action) {
  try {
    const value = await action()
    tally.add(kind, "ok")
    return value
  } catch (error) {
    const refused = (error instanceof HttpError && error.status < 500) || /did not complete/.test(error.message)
    const reason = error instanceof HttpError ? `${error.status} ${error.body?.message ?? ""}` : error.message
    tally.add(kind, refused ? "refused" : "failed", `${error.method ?? ""} ${error.path ?? ""} ${reason}`.trim().slice(0, 300))
    return null
  }
}

/** A guest checkout of `quantity` units; the order's id and lines, or null when refused or failed. */
export function checkoutItem(tally, http, item, { quantity, email, kind = "checkout" }) {
  return attempt(tally, kind, async () => {
    const { order } = await checkout(http, item.store, [{ variant_id: item.variantId, quantity }], {
      shippingOption: item.store.locations[0].shippingOption,
      email,
    })
    return { id: order.id, items: order.items.map((line) => ({ id: line.id, quantity: line.quantity })) }
  })
}

/** Fulfills every line of `order` from the selling location; true when Medusa and the plugin accepted it. */
export async function fulfillOrder(tally, http, item, order) {
  const done = await attempt(tally, "fulfillment", () =>
    fulfill(http, order.id, { items: order.items, location_id: item.locations.selling })
  )
  return done !== null
}

/** POST /admin/lots/:id/hold or /release. */
export function changeLotStatus(tally, http, lot, action) {
  const body = action === "hold" ? { reason: "cluster test: quality hold" } : { note: "cluster test: released" }
  return attempt(tally, action, () => http.admin("POST", `/admin/lots/${lot.id}/${action}`, body))
}

/** Adds `quantity` units to an existing lot at `locationId`. */
export function receiveInto(tally, http, item, lot, locationId, quantity) {
  return attempt(tally, "receipt", () =>
    http.admin("POST", "/admin/lots", { lot_id: lot.id, inventory_item_id: item.inventoryItemId, location_id: locationId, quantity })
  )
}

export function transferLot(tally, http, lot, from, to, quantity) {
  return attempt(tally, "transfer", () =>
    http.admin("POST", `/admin/lots/${lot.id}/transfer`, { from_location_id: from, to_location_id: to, quantity })
  )
}

/** The item's lots as the API shows them: status and stock rows (quantity, allocated) per location. */
export async function listLots(http, item) {
  const { lots } = await http.admin("GET", `/admin/lots?inventory_item_id=${item.inventoryItemId}&limit=100`)
  return lots
}
