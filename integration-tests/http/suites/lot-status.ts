import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { changeLotStatusWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse, levelQuantities } from "../../helpers/fixtures"


export function lotStatusSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let w: Awaited<ReturnType<typeof createWarehouse>>
  const refused = (p: Promise<unknown>) => p.then(() => ({ status: 200, data: {} as any })).catch((e: any) => e.response)

  beforeAll(() => {
    // Failure injection, registered once the app has loaded its workflows: a run carrying
    // additional_data.fail makes the hook throw after every write.
    changeLotStatusWorkflow.hooks.lotStatusChanged(async ({ additional_data }) => {
      if (additional_data?.fail) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "injected failure")
      }
    })
  })

  beforeEach(async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    w = await createWarehouse(container)
    await api.post(`/admin/inventory-items/${w.yogurt.id}/lot-policy`, { tracked: true }, { headers })
  })

  const receive = async (body: Record<string, unknown>) =>
    (await api.post("/admin/lots", { inventory_item_id: w.yogurt.id, location_id: w.main.id, ...body }, { headers })).data.lot

  it("keeps held and quarantined stock out of what Medusa can sell, and gives it back on release", async () => {
    const container = getContainer()
    const a = await receive({ lot_number: "A-1", quantity: 10, expires_at: "2027-06-01" })
    const b = await receive({ lot_number: "B-1", quantity: 5, status: "quarantine" })
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 15, reserved: 5, available: 10 })

    const held = await api.post(`/admin/lots/${a.id}/hold`, { reason: "customer complaint: off taste" }, { headers })
    expect(held.data.lot.status).toBe("on_hold")
    expect(held.data.status_change).toMatchObject({ from_status: "released", to_status: "on_hold" })
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 15, reserved: 15, available: 0 })

    await api.post(`/admin/lots/${a.id}/release`, { note: "tasting panel OK" }, { headers })
    await api.post(
      `/admin/lots/${b.id}/release`,
      { note: "QC passed", test_results: [{ name: "Listeria", result: "not detected", passed: true }] },
      { headers }
    )
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 15, reserved: 0, available: 15 })
    const reservations = await container.resolve(Modules.INVENTORY).listReservationItems({ inventory_item_id: w.yogurt.id })
    expect(reservations).toHaveLength(0)

    const { data } = await api.get(`/admin/lots/${b.id}`, { headers })
    const released = data.lot.events.find((e: any) => e.type === "released")
    expect(released).toMatchObject({ from_status: "quarantine", to_status: "released", note: "QC passed" })
    expect(released.actor_id).toMatch(/^user_/)
    // Who did it, as the timeline shows it: the admin user behind the request.
    expect(released.actor).toMatchObject({ id: released.actor_id, email: expect.stringContaining("@") })
    expect(released.data).toEqual({ test_results: [{ name: "Listeria", result: "not detected", passed: true }] })
    const heldEvent = (await api.get(`/admin/lots/${a.id}`, { headers })).data.lot.events.find((e: any) => e.type === "held")
    expect(heldEvent).toMatchObject({ reason: "customer complaint: off taste", from_status: "released", to_status: "on_hold" })
  })

  it("moves the block with the stock when a held lot is adjusted or transferred", async () => {
    const container = getContainer()
    const lot = await receive({ lot_number: "Q-1", quantity: 8, status: "quarantine" })
    await api.post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -3, reason: "sample" }, { headers })
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 5, reserved: 5, available: 0 })
    await api.post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.main.id, to_location_id: w.cold.id, quantity: 2 }, { headers })
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 3, reserved: 3, available: 0 })
    expect(await levelQuantities(container, w.yogurt.id, w.cold.id)).toEqual({ stocked: 2, reserved: 2, available: 0 })
    // A rejection keeps the failed results it rests on.
    const failed = [{ name: "Total viable count", result: "2.1 × 10⁶ cfu/g", passed: false }]
    await api.post(`/admin/lots/${lot.id}/reject`, { reason: "failed micro test", test_results: failed }, { headers })
    expect(await levelQuantities(container, w.yogurt.id, w.cold.id)).toEqual({ stocked: 2, reserved: 2, available: 0 })
    const rejected = (await api.get(`/admin/lots/${lot.id}`, { headers })).data.lot.events.find((e: any) => e.type === "rejected")
    expect(rejected).toMatchObject({ reason: "failed micro test", data: { test_results: failed } })
  })

  it("refuses transitions the status machine forbids, naming the current status, and changes nothing", async () => {
    const container = getContainer()
    const lot = await receive({ lot_number: "R-1", quantity: 4 })
    await api.post(`/admin/lots/${lot.id}/reject`, { reason: "broken seals" }, { headers })
    const before = (await api.get(`/admin/lots/${lot.id}`, { headers })).data.lot

    const again = await refused(api.post(`/admin/lots/${lot.id}/release`, {}, { headers }))
    expect(again.status).toBe(400)
    expect(again.data.message).toBe("Lot R-1: The lot is rejected, which is final: it cannot be released.")
    const hold = await refused(api.post(`/admin/lots/${lot.id}/hold`, { reason: "x" }, { headers }))
    expect(hold.status).toBe(400)
    expect(hold.data.message).toContain("rejected")

    const released = await receive({ lot_number: "R-2", quantity: 1 })
    const twice = await refused(api.post(`/admin/lots/${released.id}/release`, {}, { headers }))
    expect(twice.data.message).toBe("Lot R-2: The lot is released: it cannot be released (allowed from: quarantine, on hold).")

    const after = (await api.get(`/admin/lots/${lot.id}`, { headers })).data.lot
    expect(after.status).toBe("rejected")
    expect(after.events).toHaveLength(before.events.length)
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 5, reserved: 4, available: 1 })
  })

  it("answers bad input with a 4xx that says what is wrong", async () => {
    const lot = await receive({ lot_number: "V-1", quantity: 4 })
    const cases: [string, unknown, number, RegExp][] = [
      [`/admin/lots/${lot.id}/hold`, {}, 400, /reason/],
      [`/admin/lots/${lot.id}/hold`, { reason: "   " }, 400, /reason/],
      [`/admin/lots/${lot.id}/hold`, { reason: "x".repeat(501) }, 400, /reason/],
      [`/admin/lots/${lot.id}/hold`, { reason: "ok", colour: "red" }, 400, /colour/],
      [`/admin/lots/${lot.id}/reject`, {}, 400, /reason/],
      [`/admin/lots/${lot.id}/reject`, { reason: "x", test_results: [{ name: "pH" }] }, 400, /result/],
      [`/admin/lots/${lot.id}/release`, { test_results: [{ name: "pH", result: "9.1", passed: false }] }, 400, /failed test/],
      [`/admin/lots/lot_doesnotexist/hold`, { reason: "x" }, 404, /lot_doesnotexist/],
    ]
    for (const [url, body, status, message] of cases) {
      const res = await refused(api.post(url, body, { headers }))
      expect([url, res.status]).toEqual([url, status])
      expect(res.data.message).toMatch(message)
    }
    for (const action of ["hold", "release", "reject"]) {
      expect((await refused(api.post(`/admin/lots/${lot.id}/${action}`, { reason: "x" }))).status).toBe(401)
    }
    expect((await api.get(`/admin/lots/${lot.id}`, { headers })).data.lot.status).toBe("released")
  })

  it("rolls a status change back completely when a later step fails", async () => {
    const container = getContainer()
    const quarantined = await receive({ lot_number: "F-2", quantity: 3, status: "quarantine" })
    const before = await levelQuantities(container, w.yogurt.id, w.main.id)
    expect(before).toEqual({ stocked: 3, reserved: 3, available: 0 })
    await expect(
      changeLotStatusWorkflow(container).run({
        input: { lot_id: quarantined.id, action: "release", additional_data: { fail: true } },
      })
    ).rejects.toMatchObject({ message: "injected failure" })
    const { data } = await api.get(`/admin/lots/${quarantined.id}`, { headers })
    expect(data.lot.status).toBe("quarantine")
    // The history is append-only: the undone release stays on record, followed by its reversal.
    expect(data.lot.events.map((e: any) => e.type)).toEqual(["reverted", "released", "received"])
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual(before)
  })
}
