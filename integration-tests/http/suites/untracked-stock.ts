import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse, levelQuantities, stockedQuantity } from "../../helpers/fixtures"
import {
  expectInBalance,
  expectRefused,
  lotEventsInDb,
  receive,
  reconcile,
  send,
  setPolicy,
  stockByLocation,
} from "../../helpers/lots"

export function untrackedStockSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let w: Awaited<ReturnType<typeof createWarehouse>>

  beforeEach(async () => {
    const container = getContainer()
    headers = (await loginAsAdmin(api, container)).headers
    w = await createWarehouse(container)
  })

  const post = (url: string, body?: unknown) => api.post(url, body, { headers })
  const get = (url: string) => api.get(url, { headers })
  const assignUrl = (itemId: string) => `/admin/inventory-items/${itemId}/untracked-stock/assign`
  const assign = (body: Record<string, unknown>, itemId = w.yogurt.id) => post(assignUrl(itemId), body)
  /** Stock Medusa counts without lots: a level made through Medusa's own admin API. */
  const stockWithoutLots = (itemId: string, locationId: string, stocked_quantity: number) =>
    post(`/admin/inventory-items/${itemId}/location-levels`, { location_id: locationId, stocked_quantity })
  const levelId = async (itemId: string, locationId: string) =>
    (await getContainer().resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId, location_id: locationId }))[0].id

  describe("POST /admin/inventory-items/:id/untracked-stock/assign", () => {
    // 20 units Medusa counted before tracking began, then a lot of 10 received: 30 stocked, 20 untracked.
    let lotA: any
    beforeEach(async () => {
      await setPolicy(api, headers, w.yogurt.id)
      await stockWithoutLots(w.yogurt.id, w.main.id, 20)
      lotA = (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "YOG-A" })).lot
    })

    it("adds untracked units to an existing lot and to a new one, leaving Medusa's stock alone", async () => {
      const container = getContainer()
      expect((await reconcile(api, headers)).drift).toEqual([
        expect.objectContaining({ location_id: w.main.id, stocked_quantity: 30, lot_quantity: 10, untracked_quantity: 20 }),
      ])

      const first = await assign({ location_id: w.main.id, quantity: 12, lot_id: lotA.id })
      expect(first.status).toBe(200)
      expect(first.data.assignment).toMatchObject({ lot_id: lotA.id, quantity: 12, created: false, untracked_quantity: 8 })
      expect(stockByLocation(first.data.lot)).toEqual({ [w.main.id]: 22 })
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(30)
      expect((await reconcile(api, headers)).drift).toEqual([
        expect.objectContaining({ location_id: w.main.id, stocked_quantity: 30, lot_quantity: 22, untracked_quantity: 8 }),
      ])

      const second = await assign({ location_id: w.main.id, quantity: 8, lot_number: "yog-legacy", expires_at: "2027-06-30" })
      expect(second.status).toBe(200)
      expect(second.data.assignment).toMatchObject({ lot_number: "YOG-LEGACY", created: true, untracked_quantity: 0 })
      expect(second.data.lot).toMatchObject({ status: "released", expires_at: "2027-06-30T00:00:00.000Z" })
      expect(stockByLocation(second.data.lot)).toEqual({ [w.main.id]: 8 })
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(30)
      await expectInBalance(api, headers)

      // The history says where the units came from: Medusa's level, not a delivery.
      const level = await levelId(w.yogurt.id, w.main.id)
      expect((await lotEventsInDb(container, lotA.id)).map((e) => [e.type, e.quantity, e.reference_type, e.reference_id])).toEqual([
        ["received", 10, null, null],
        ["received", 12, "untracked_assignment", level],
      ])
      expect(await lotEventsInDb(container, second.data.lot.id)).toEqual([
        expect.objectContaining({ type: "received", quantity: 8, location_id: w.main.id, reference_type: "untracked_assignment" }),
      ])
    })

    it("numbers a new lot from the item's template when no number is given", async () => {
      await setPolicy(api, headers, w.yogurt.id, { lot_number_template: "LEG-{SEQ:2}" })
      const res = await assign({ location_id: w.main.id, quantity: 5 })
      expect(res.status).toBe(200)
      expect(res.data.assignment).toMatchObject({ lot_number: "LEG-01", created: true, untracked_quantity: 15 })
    })

    it("holds units assigned to a quarantined lot back from sale, without changing the stocked quantity", async () => {
      const container = getContainer()
      const res = await assign({ location_id: w.main.id, quantity: 6, lot_number: "YOG-QC", status: "quarantine" })
      expect(res.status).toBe(200)
      expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 30, reserved: 6, available: 24 })

      await post(`/admin/lots/${res.data.lot.id}/release`, { note: "old stock checked" })
      expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 30, reserved: 0, available: 30 })
    })

    it("refuses more than is untracked, naming how many are, and changes nothing", async () => {
      const container = getContainer()
      await expectRefused(
        container,
        () => assign({ location_id: w.main.id, quantity: 21, lot_id: lotA.id }),
        400,
        "Only 20 unit(s) of inventory item " +
          `${w.yogurt.id} at location ${w.main.id} are untracked (Medusa stocks 30, lots hold 10); 21 cannot be assigned to a lot.`
      )
      await expectRefused(container, () => assign({ location_id: w.main.id, quantity: 21, lot_number: "YOG-NEW" }), 400, /Only 20 unit/)

      await assign({ location_id: w.main.id, quantity: 20, lot_id: lotA.id })
      await expectRefused(container, () => assign({ location_id: w.main.id, quantity: 1, lot_id: lotA.id }), 400, /^No units .* are untracked/)
      // A location where Medusa stocks nothing has nothing untracked either.
      await expectRefused(container, () => assign({ location_id: w.cold.id, quantity: 1, lot_number: "YOG-COLD" }), 400, /^No units/)
    })

    it("refuses another item's lot, unknown ids and items without lot tracking", async () => {
      const container = getContainer()
      await setPolicy(api, headers, w.cola.id)
      const cola = (await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 3, lot_number: "COLA-1" })).lot
      await expectRefused(
        container,
        () => assign({ location_id: w.main.id, quantity: 2, lot_id: cola.id }),
        400,
        `Lot COLA-1 belongs to inventory item ${w.cola.id}, not ${w.yogurt.id}.`
      )
      await expectRefused(container, () => assign({ location_id: w.main.id, quantity: 2, lot_id: "lot_missing" }), 404, /lot_missing was not found/)
      await expectRefused(
        container,
        () => assign({ location_id: "sloc_missing", quantity: 2, lot_id: lotA.id }),
        404,
        /Stock location with id: sloc_missing was not found/
      )
      await expectRefused(
        container,
        () => assign({ location_id: w.main.id, quantity: 2, lot_number: "X-1" }, "iitem_missing"),
        404,
        /Inventory item with id: iitem_missing was not found/
      )

      const [untracked] = await container.resolve(Modules.INVENTORY).createInventoryItems([{ sku: "UNT-1" }])
      await stockWithoutLots(untracked.id, w.main.id, 4)
      await expectRefused(container, () => assign({ location_id: w.main.id, quantity: 2 }, untracked.id), 400, /is not lot-tracked/)
    })

    it("refuses bad bodies with the field and the problem", async () => {
      const container = getContainer()
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ location_id: w.main.id, quantity: 2.5, lot_id: lotA.id }, /quantity must be a whole number of units between 1 and/],
        [{ location_id: w.main.id, quantity: -3, lot_id: lotA.id }, /quantity must be a whole number of units between 1 and/],
        [{ location_id: w.main.id, quantity: 0, lot_id: lotA.id }, /quantity must be a whole number of units between 1 and/],
        [{ location_id: w.main.id, quantity: "5", lot_id: lotA.id }, /Expected type: 'number' for field 'quantity'/],
        [{ location_id: w.main.id, lot_id: lotA.id }, /Field 'quantity' is required/],
        [{ quantity: 2, lot_id: lotA.id }, /Field 'location_id' is required/],
        [{ location_id: w.main.id, quantity: 2, lot_id: lotA.id, lot_number: "X" }, /lot_number cannot be set when assigning to an existing lot/],
        [{ location_id: w.main.id, quantity: 2, lot_id: lotA.id, expires_at: "2027-01-01" }, /expires_at cannot be set/],
        [{ location_id: w.main.id, quantity: 2, inventory_item_id: w.cola.id }, /Unrecognized fields: 'inventory_item_id'/],
        [{ location_id: w.main.id, quantity: 2, lot_number: "X", status: "on_hold" }, /Expected: 'released, quarantine' for field 'status'/],
        [{ location_id: w.main.id, quantity: 2, lot_number: "X", expires_at: "31/12/2027" }, /expires_at must be a date like 2027-03-31/],
      ]
      for (const [body, message] of cases) {
        await expectRefused(container, () => assign(body), 400, message)
      }
    })

    it("lets exactly one of two concurrent assignments of the same last units through", async () => {
      const container = getContainer()
      await assign({ location_id: w.main.id, quantity: 15, lot_id: lotA.id })
      // 5 untracked left; four requests want them, two into lot A, two into new lots.
      const results = await Promise.all(
        [{ lot_id: lotA.id }, { lot_number: "YOG-RACE-1" }, { lot_id: lotA.id }, { lot_number: "YOG-RACE-2" }].map((target) =>
          send(assign({ location_id: w.main.id, quantity: 5, ...target }))
        )
      )
      const statuses = results.map((r) => r.status).sort()
      expect(statuses).toEqual([200, 400, 400, 400])
      for (const refused of results.filter((r) => r.status === 400)) {
        expect(refused.data.message).toMatch(/^No units .* are untracked/)
      }
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(30)
      await expectInBalance(api, headers)
    })
  })

  describe("GET /admin/inventory-items/:id/lot-summary", () => {
    it("counts lots by status, sets lot stock beside Medusa's per location and names the next expiry", async () => {
      await setPolicy(api, headers, w.yogurt.id)
      await stockWithoutLots(w.yogurt.id, w.cold.id, 7)
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "YOG-LATE", expires_at: "2099-12-31" })
      const soon = (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 4, lot_number: "YOG-SOON", expires_at: "2098-01-31", status: "quarantine" })).lot
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 3, lot_number: "YOG-NOEXP" })
      const empty = (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 2, lot_number: "YOG-GONE", expires_at: "2097-01-01" })).lot
      await post(`/admin/lots/${empty.id}/adjust`, { location_id: w.main.id, quantity_change: -2, reason: "scrap" })

      const { status, data } = await get(`/admin/inventory-items/${w.yogurt.id}/lot-summary?lot_limit=2`)
      expect(status).toBe(200)
      const s = data.lot_summary
      expect(s.lots_by_status).toEqual({ quarantine: 1, released: 3, on_hold: 0, rejected: 0, recalled: 0, expired: 0 })
      expect(s.lot_count).toBe(4)
      expect(s.lots_on_hand_count).toBe(3)
      expect(s.lots_on_hand.map((l: any) => [l.lot_number, l.quantity])).toEqual([
        ["YOG-SOON", 4],
        ["YOG-LATE", 10],
      ])
      expect(s.next_expiry).toMatchObject({ id: soon.id, lot_number: "YOG-SOON", status: "quarantine", quantity: 4 })
      expect(s.locations).toEqual(
        [
          { location_id: w.main.id, stocked_quantity: 14, lot_quantity: 14, allocated_quantity: 0, untracked_quantity: 0 },
          { location_id: w.cold.id, stocked_quantity: 10, lot_quantity: 3, allocated_quantity: 0, untracked_quantity: 7 },
        ].sort((a, b) => a.location_id.localeCompare(b.location_id))
      )
    })

    it("answers an item without lots with zeros, and refuses unknown items and bad limits", async () => {
      const { data } = await get(`/admin/inventory-items/${w.cola.id}/lot-summary`)
      expect(data.lot_summary).toMatchObject({ lot_count: 0, lots_on_hand: [], lots_on_hand_count: 0, next_expiry: null, locations: [] })
      expect((await send(get(`/admin/inventory-items/iitem_missing/lot-summary`))).status).toBe(404)
      const bad = await send(get(`/admin/inventory-items/${w.cola.id}/lot-summary?lot_limit=500`))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/Value for field 'lot_limit' too big, expected at most: '50'/)
    })
  })
}
