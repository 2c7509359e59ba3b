import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { sweepExpiredLots } from "../../../src/workflows/runners/expiry-sweep"
import { loginAsAdmin } from "../../helpers/admin"
import { rows } from "../../helpers/allocation"
import { levelQuantities } from "../../helpers/fixtures"
import { describeViolations, invariantViolations, readBooks } from "../../helpers/invariants"
import { createStockedProduct, placeOrder, setupStore } from "../../helpers/store"

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200))
    value = await read()
  }
  return value
}

export function lotExpirySuite({ api, getContainer }: MedusaSuiteOptions) {
  it("expires lots past their date in one sweep, holds their stock back, re-allocates their orders, and is idempotent", async () => {
    const container = getContainer()
    const { headers } = await loginAsAdmin(api, container)
    const store = await setupStore(api, container, headers)
    const [main] = store.locations
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, {
      title: "Fresh milk 1 L",
      sku: "MILK-1L",
      stock: { [main]: 0 },
    })
    await api.post(`/admin/inventory-items/${inventoryItemId}/lot-policy`, { tracked: true }, { headers })
    const receive = async (body: Record<string, unknown>) =>
      (await api.post("/admin/lots", { inventory_item_id: inventoryItemId, location_id: main, ...body }, { headers })).data.lot
    const gone = await receive({ lot_number: "GONE", quantity: 4, manufactured_at: daysFromNow(-20), expires_at: daysFromNow(-1) })
    // Expires seconds from now: eligible at checkout, past its date by the time the sweep runs.
    // 40 s leaves room for a checkout on a busy machine (15 s was not always enough).
    const brief = await receive({ lot_number: "BRIEF", quantity: 5, expires_at: new Date(Date.now() + 40_000).toISOString() })
    const later = await receive({ lot_number: "LATER", quantity: 6, expires_at: daysFromNow(200) })

    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 3 }])
    const allocated = await waitFor(
      async () => (await api.get(`/admin/orders/${order.id}/lots`, { headers })).data.lines[0].allocated,
      (lots: unknown[]) => lots.length > 0
    )
    expect(allocated.map((a: any) => [a.lot_number, a.quantity])).toEqual([["BRIEF", 3]])
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(brief.expires_at).getTime() - Date.now() + 500)))

    const { data: sweep } = await api.post("/admin/lots/expire", {}, { headers })
    expect(sweep.expired.map((l: any) => l.lot_number).sort()).toEqual(["BRIEF", "GONE"])
    const status = async (id: string) => (await api.get(`/admin/lots/${id}`, { headers })).data.lot
    expect((await status(gone.id)).status).toBe("expired")
    expect((await status(brief.id)).status).toBe("expired")
    expect((await status(later.id)).status).toBe("released")
    expect((await status(gone.id)).events[0]).toMatchObject({ type: "expired", from_status: "released", to_status: "expired" })

    // The order moved to the lot that keeps; expired units are reserved away from sale.
    const lines = (await api.get(`/admin/orders/${order.id}/lots`, { headers })).data.lines
    expect(lines[0].allocated.map((a: any) => [a.lot_number, a.quantity])).toEqual([["LATER", 3]])
    expect(lines[0].shortfalls).toEqual([])
    expect(await levelQuantities(container, inventoryItemId, main)).toEqual({ stocked: 15, reserved: 3 + 4 + 5, available: 3 })

    expect((await api.post("/admin/lots/expire", {}, { headers })).data.count).toBe(0)
    expect((await status(gone.id)).events.filter((e: any) => e.type === "expired")).toHaveLength(1)
    expect((await api.get("/admin/lots/reconciliation", { headers })).data.in_balance).toBe(true)
    expect((await api.post("/admin/lots/expire", {}).catch((e: any) => e.response)).status).toBe(401)
  })

  it("sweeps many lots of several items at two locations in small batches: each due lot expires once, its orders move to lots that keep or fall short, and the books stay balanced", async () => {
    const container = getContainer()
    const { headers } = await loginAsAdmin(api, container)
    const store = await setupStore(api, container, headers)
    // Fresh (not due) units per item at each location; everything else received here is due.
    const fresh: Record<string, [number, number]> = { "SWEEP-A": [2, 1], "SWEEP-B": [10, 10], "SWEEP-C": [0, 0] }
    const ordered: Record<string, number> = { "SWEEP-A": 5, "SWEEP-B": 4, "SWEEP-C": 3 }
    const items: { sku: string; variantId: string; itemId: string }[] = []
    const due: string[] = []
    for (const sku of Object.keys(fresh)) {
      const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, {
        title: `Sweep ${sku}`,
        sku,
        stock: { [store.locations[0]]: 0, [store.locations[1]]: 0 },
      })
      items.push({ sku, variantId: variant.id, itemId: inventoryItemId })
      await api.post(`/admin/inventory-items/${inventoryItemId}/lot-policy`, { tracked: true }, { headers })
      for (const [at, location_id] of store.locations.entries()) {
        const receive = async (body: Record<string, unknown>) =>
          (await api.post("/admin/lots", { inventory_item_id: inventoryItemId, location_id, ...body }, { headers })).data.lot
        for (const [n, lot] of [
          { quantity: 3, days: 2 },
          { quantity: 4, days: 3 },
          { quantity: 2, days: 4, status: "quarantine" },
        ].entries()) {
          const { days, ...body } = lot
          due.push((await receive({ lot_number: `${sku}-${at}-D${n}`, expires_at: daysFromNow(days), ...body })).id)
        }
        if (fresh[sku][at]) {
          await receive({ lot_number: `${sku}-${at}-F`, quantity: fresh[sku][at], expires_at: daysFromNow(200) })
        }
      }
    }
    // FEFO gives each line the lots that are about to expire.
    const order = await placeOrder(api, store, items.map((i) => ({ variant_id: i.variantId, quantity: ordered[i.sku] })))
    const before = await waitFor(
      async () => (await api.get(`/admin/orders/${order.id}/lots`, { headers })).data.lines,
      (lines: any[]) => lines.length === 3 && lines.every((l) => l.allocated.length > 0)
    )
    expect(before.flatMap((l: any) => l.allocated.map((a: any) => a.lot_number)).every((n: string) => /-D\d$/.test(n))).toBe(true)

    // Seven lots per batch, as of the day after the last due lot: three batches, the last one short.
    const expired = await sweepExpiredLots(container, { batch_size: 7, as_of: new Date(Date.now() + 5 * 86_400_000) })
    expect(expired.map((l) => l.id).sort()).toEqual([...due].sort())
    const history = await rows(
      container,
      `SELECT lot_id, count(*)::int AS n FROM lot_event WHERE type = 'expired' AND lot_id = ANY(?) GROUP BY lot_id`,
      [due]
    )
    expect(history.map((h: any) => h.n)).toEqual(due.map(() => 1))

    // Each line now holds fresh lots at its own location, up to what they have; the rest is short.
    const after = (await api.get(`/admin/orders/${order.id}/lots`, { headers })).data.lines
    for (const line of after) {
      const item = items.find((i) => i.sku === line.sku)!
      const location = line.allocated[0]?.location_id ?? line.shortfalls[0]?.location_id
      const freshThere = fresh[item.sku][store.locations.indexOf(location)]
      const allocated = line.allocated.reduce((s: number, a: any) => s + a.quantity, 0)
      const short = line.shortfalls.reduce((s: number, a: any) => s + a.quantity, 0)
      expect(line.allocated.every((a: any) => a.lot_number.endsWith("-F"))).toBe(true)
      expect([allocated, short]).toEqual([Math.min(freshThere, ordered[item.sku]), ordered[item.sku] - Math.min(freshThere, ordered[item.sku])])
    }
    // Σ lot stock = stocked, reserved = Σ reservations, blocked units = every unsellable lot unit.
    const violations = invariantViolations(await readBooks(container, items.map((i) => i.itemId)))
    expect(describeViolations(violations)).toBe("")
    expect((await api.get("/admin/lots/reconciliation", { headers })).data.in_balance).toBe(true)
    expect(await sweepExpiredLots(container, { batch_size: 7, as_of: new Date(Date.now() + 5 * 86_400_000) })).toEqual([])
  })
}
