import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { loginAsAdmin } from "../../helpers/admin"
import { levelQuantities } from "../../helpers/fixtures"
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
}
