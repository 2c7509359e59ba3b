import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse, stockedQuantity } from "../../helpers/fixtures"
import { expectInBalance, expectRefused, getLot, receive, reconcile, setPolicy, stockByLocation } from "../../helpers/lots"

const byType = (a: any, b: any) => a.type.localeCompare(b.type)

export function lotStockMovesSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let userId: string
  let w: Awaited<ReturnType<typeof createWarehouse>>
  let lot: any

  // Yogurt is lot-tracked, with one lot of 10 at the main warehouse; cola is not tracked.
  beforeEach(async () => {
    const container = getContainer()
    const login = await loginAsAdmin(api, container)
    headers = login.headers
    userId = login.user.id
    w = await createWarehouse(container)
    await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: 21 })
    lot = (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "L-100" })).lot
  })

  const post = (url: string, body?: unknown, h: unknown = { headers }) => api.post(url, body, h)
  const get = (url: string, h: unknown = { headers }) => api.get(url, h)
  const stocked = (locationId: string, itemId = w.yogurt.id) => stockedQuantity(getContainer(), itemId, locationId)

  describe("POST /admin/lots/:id/adjust", () => {
    it("writes units off with a reason; the history and Medusa's stock follow", async () => {
      const res = await post(`/admin/lots/${lot.id}/adjust`, {
        location_id: w.main.id,
        quantity_change: -2,
        reason: "damage",
        note: "crushed case",
      })
      expect(res.status).toBe(200)
      expect(res.data.adjustment).toEqual({
        lot_id: lot.id,
        lot_number: "L-100",
        inventory_item_id: w.yogurt.id,
        location_id: w.main.id,
        previous_quantity: 10,
        quantity: 8,
        delta: -2,
        quarantined: false,
        event_id: expect.stringMatching(/^lotevt_/),
        level_change_id: expect.stringMatching(/^lotlvlchg_/),
      })
      expect(stockByLocation(res.data.lot)).toEqual({ [w.main.id]: 8 })
      expect(await stocked(w.main.id)).toBe(8)
      await expectInBalance(api, headers)

      const detail = await getLot(api, headers, lot.id)
      expect(detail.events[0]).toEqual(
        expect.objectContaining({
          id: res.data.adjustment.event_id,
          type: "scrapped",
          quantity: -2,
          location_id: w.main.id,
          reason: "damage",
          note: "crushed case",
          actor_id: userId,
        })
      )
      expect(detail.events).toHaveLength(2)
    })

    it("applies every reason, signed changes and counts, and keeps the full history newest first", async () => {
      const steps: [Record<string, unknown>, number, number][] = [
        // body, expected delta, expected lot quantity after
        [{ quantity_change: -1, reason: "scrap" }, -1, 9],
        [{ quantity_change: -1, reason: "sample", note: "lab" }, -1, 8],
        [{ counted_quantity: 5, reason: "count" }, -3, 5],
        [{ quantity_change: 4, reason: "other", note: "found behind pallet" }, 4, 9],
        [{ counted_quantity: 12, reason: "count" }, 3, 12],
        [{ quantity_change: -2, reason: "count" }, -2, 10],
        [{ counted_quantity: 10, reason: "other" }, 0, 10],
        [{ counted_quantity: 0, reason: "count" }, -10, 0],
      ]
      for (const [body, delta, quantity] of steps) {
        const res = await post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, ...body })
        expect(res.status).toBe(200)
        expect(res.data.adjustment).toEqual(expect.objectContaining({ delta, quantity, previous_quantity: quantity - delta }))
        expect(stockByLocation(res.data.lot)).toEqual({ [w.main.id]: quantity })
        expect(await stocked(w.main.id)).toBe(quantity)
        await expectInBalance(api, headers)
      }
      const detail = await getLot(api, headers, lot.id)
      expect(detail.events.map((e: any) => [e.type, e.quantity, e.reason])).toEqual([
        ["adjusted", -10, "count"],
        ["adjusted", 0, "other"],
        ["adjusted", -2, "count"],
        ["adjusted", 3, "count"],
        ["adjusted", 4, "other"],
        ["adjusted", -3, "count"],
        ["scrapped", -1, "sample"],
        ["scrapped", -1, "scrap"],
        ["received", 10, null],
      ])
    })

    it("refuses taking more than the lot holds, and allows taking exactly all of it", async () => {
      const container = getContainer()
      const res = await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -11, reason: "damage" }),
        400
      )
      expect(res.data.type).toBe("not_allowed")
      expect(res.data.message).toContain("only 10 unit(s) free")
      expect(res.data.message).toContain("11 requested")
      expect(await stocked(w.main.id)).toBe(10)

      const all = await post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -10, reason: "scrap" })
      expect(stockByLocation(all.data.lot)).toEqual({ [w.main.id]: 0 })
      expect(await stocked(w.main.id)).toBe(0)
      await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -1, reason: "count" }),
        400,
        "only 0 unit(s) free"
      )
      await expectInBalance(api, headers)
    })

    it("refuses a write-off (scrap, damage, sample) that does not take stock away", async () => {
      const container = getContainer()
      for (const reason of ["scrap", "damage", "sample"]) {
        for (const change of [{ quantity_change: 3 }, { counted_quantity: 4 }]) {
          await expectRefused(
            container,
            () => post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, reason, ...change }),
            400,
            "negative quantity_change"
          )
        }
      }
    })

    it("refuses malformed adjustments and writes nothing", async () => {
      const container = getContainer()
      const bodies: Record<string, unknown>[] = [
        { quantity_change: 0, reason: "count" },
        { quantity_change: 1.5, reason: "count" },
        { quantity_change: -1.5, reason: "damage" },
        { quantity_change: "2", reason: "count" },
        { quantity_change: 1_000_000_001, reason: "other" },
        { quantity_change: -2, counted_quantity: 8, reason: "count" },
        { reason: "count" },
        { counted_quantity: -1, reason: "count" },
        { counted_quantity: 2.5, reason: "count" },
        { quantity_change: -1, reason: "theft" },
        { quantity_change: -1 },
        { quantity_change: -1, reason: "count", note: "n".repeat(501) },
        { quantity_change: -1, reason: "count", lot_id: "lot_other" },
        { quantity_change: -1, reason: "count", foo: 1 },
        { quantity_change: -1, reason: "count", location_id: undefined },
        { quantity_change: -1, reason: "count", location_id: "" },
        { quantity_change: -1, reason: "count", additional_data: "x" },
      ]
      for (const body of bodies) {
        const res = await expectRefused(
          container,
          () => post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, ...body }),
          400
        )
        expect(res.data.type).toBe("invalid_data")
      }
      expect(await stocked(w.main.id)).toBe(10)
    })

    it("answers 404 for an unknown lot or location, 400 where the lot has no stock, and writes nothing", async () => {
      const container = getContainer()
      await expectRefused(
        container,
        () => post(`/admin/lots/lot_missing/adjust`, { location_id: w.main.id, quantity_change: -1, reason: "count" }),
        404,
        "lot_missing"
      )
      await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/adjust`, { location_id: "sloc_missing", quantity_change: -1, reason: "count" }),
        404,
        "sloc_missing"
      )
      await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/adjust`, { location_id: w.cold.id, quantity_change: -1, reason: "damage" }),
        400,
        "has no stock at location"
      )
      expect(await stocked(w.cold.id)).toBeNull()
    })

    it("answers 401 without an admin session", async () => {
      await expectRefused(
        getContainer(),
        () => post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -1, reason: "count" }, {}),
        401
      )
    })
  })

  describe("POST /admin/lots/:id/transfer", () => {
    it("moves stock between locations, creating the destination level; the history records both sides", async () => {
      const res = await post(`/admin/lots/${lot.id}/transfer`, {
        from_location_id: w.main.id,
        to_location_id: w.cold.id,
        quantity: 4,
        note: "to cold store",
      })
      expect(res.status).toBe(200)
      expect(stockByLocation(res.data.lot)).toEqual({ [w.main.id]: 6, [w.cold.id]: 4 })
      expect(res.data.transfer).toEqual([
        expect.objectContaining({ location_id: w.main.id, previous_quantity: 10, quantity: 6, delta: -4 }),
        expect.objectContaining({ location_id: w.cold.id, previous_quantity: 0, quantity: 4, delta: 4 }),
      ])
      expect(await stocked(w.main.id)).toBe(6)
      expect(await stocked(w.cold.id)).toBe(4)
      await expectInBalance(api, headers)

      const detail = await getLot(api, headers, lot.id)
      expect(detail.events).toHaveLength(3)
      expect(detail.events[2]).toEqual(expect.objectContaining({ type: "received", quantity: 10 }))
      // Both sides are written in one transaction (same timestamp): compare them as a set.
      expect(detail.events.slice(0, 2).sort(byType)).toEqual([
        expect.objectContaining({
          type: "transferred_in",
          quantity: 4,
          location_id: w.cold.id,
          note: "to cold store",
          data: { from_location_id: w.main.id },
          actor_id: userId,
        }),
        expect.objectContaining({
          type: "transferred_out",
          quantity: -4,
          location_id: w.main.id,
          to_location_id: w.cold.id,
          note: "to cold store",
          actor_id: userId,
        }),
      ])

      // Everything back again: the cold store keeps an empty stock row.
      const back = await post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.cold.id, to_location_id: w.main.id, quantity: 4 })
      expect(stockByLocation(back.data.lot)).toEqual({ [w.main.id]: 10, [w.cold.id]: 0 })
      expect(await stocked(w.main.id)).toBe(10)
      expect(await stocked(w.cold.id)).toBe(0)
      expect((await getLot(api, headers, lot.id)).events).toHaveLength(5)
      await expectInBalance(api, headers)
    })

    it("refuses moving more than the lot holds at the source, in either lock order, and writes nothing", async () => {
      const container = getContainer()
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 2, lot_id: lot.id })
      // main -> cold and cold -> main: the rows are locked in id order, so one of these changes the
      // destination first and must still be rolled back whole.
      const out = await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.main.id, to_location_id: w.cold.id, quantity: 11 }),
        400
      )
      expect(out.data.message).toContain("only 10 unit(s) free")
      const back = await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.cold.id, to_location_id: w.main.id, quantity: 3 }),
        400
      )
      expect(back.data.message).toContain("only 2 unit(s) free")
      expect(await stocked(w.main.id)).toBe(10)
      expect(await stocked(w.cold.id)).toBe(2)
      await expectInBalance(api, headers)
    })

    it("refuses a transfer from a location where the lot has no stock", async () => {
      const container = getContainer()
      const other = (await container.resolve(Modules.STOCK_LOCATION).createStockLocations([{ name: "Shop" }]))[0]
      await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.cold.id, to_location_id: other.id, quantity: 1 }),
        400,
        "has no stock at location"
      )
      await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/transfer`, { from_location_id: other.id, to_location_id: w.main.id, quantity: 1 }),
        400,
        "has no stock at location"
      )
    })

    it("refuses malformed transfers, unknown lots and locations, and writes nothing", async () => {
      const container = getContainer()
      const base = { from_location_id: w.main.id, to_location_id: w.cold.id, quantity: 2 }
      const bad: Record<string, unknown>[] = [
        { to_location_id: w.main.id },
        { quantity: 0 },
        { quantity: -1 },
        { quantity: 1.5 },
        { quantity: "3" },
        { quantity: 1_000_000_001 },
        { quantity: undefined },
        { to_location_id: undefined },
        { from_location_id: "x".repeat(101) },
        { note: "n".repeat(501) },
        { foo: 1 },
        { lot_id: "lot_other" },
      ]
      for (const extra of bad) {
        const res = await expectRefused(container, () => post(`/admin/lots/${lot.id}/transfer`, { ...base, ...extra }), 400)
        expect(res.data.type).toBe("invalid_data")
      }
      const same = await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/transfer`, { ...base, to_location_id: w.main.id }),
        400
      )
      expect(same.data.message).toContain("to_location_id")
      await expectRefused(container, () => post(`/admin/lots/lot_missing/transfer`, base), 404, "lot_missing")
      await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/transfer`, { ...base, to_location_id: "sloc_missing" }),
        404,
        "sloc_missing"
      )
      await expectRefused(
        container,
        () => post(`/admin/lots/${lot.id}/transfer`, { ...base, from_location_id: "sloc_missing" }),
        404,
        "sloc_missing"
      )
      expect(await stocked(w.cold.id)).toBeNull()
    })

    it("answers 401 without an admin session", async () => {
      await expectRefused(
        getContainer(),
        () => post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.main.id, to_location_id: w.cold.id, quantity: 1 }, {}),
        401
      )
    })
  })

  describe("GET /admin/lots/reconciliation", () => {
    const drift = (locationId: string, stocked_quantity: number, lot_quantity: number, itemId = w.yogurt.id) => ({
      inventory_item_id: itemId,
      location_id: locationId,
      stocked_quantity,
      lot_quantity,
      untracked_quantity: stocked_quantity - lot_quantity,
    })
    const byLocation = (a: any, b: any) => a.location_id.localeCompare(b.location_id)

    it("is in balance after normal operations and shows drift after Medusa's stock is edited directly", async () => {
      expect(await reconcile(api, headers)).toEqual({ checked_items: 1, in_balance: true, drift: [] })

      // Through the inventory module, as a core flow would.
      await getContainer()
        .resolve(Modules.INVENTORY)
        .adjustInventory([{ inventoryItemId: w.yogurt.id, locationId: w.main.id, adjustment: 5 }])
      expect(await reconcile(api, headers)).toEqual({ checked_items: 1, in_balance: false, drift: [drift(w.main.id, 15, 10)] })

      // Through Medusa's own admin API: a new level, then an edited one below what the lots hold.
      await post(`/admin/inventory-items/${w.yogurt.id}/location-levels`, { location_id: w.cold.id, stocked_quantity: 7 })
      await post(`/admin/inventory-items/${w.yogurt.id}/location-levels/${w.main.id}`, { stocked_quantity: 8 })
      const result = await reconcile(api, headers)
      expect(result.in_balance).toBe(false)
      expect(result.drift).toEqual([drift(w.main.id, 8, 10), drift(w.cold.id, 7, 0)].sort(byLocation))
      expect(result.drift.find((d: any) => d.location_id === w.main.id).untracked_quantity).toBe(-2)

      // Putting the numbers back makes it balance again.
      await post(`/admin/inventory-items/${w.yogurt.id}/location-levels/${w.main.id}`, { stocked_quantity: 10 })
      await post(`/admin/inventory-items/${w.yogurt.id}/location-levels/${w.cold.id}`, { stocked_quantity: 0 })
      await expectInBalance(api, headers)
    })

    it("checks only lot-tracked items, and can be narrowed to some items", async () => {
      await post(`/admin/inventory-items/${w.cola.id}/location-levels`, { location_id: w.main.id, stocked_quantity: 50 })
      expect(await reconcile(api, headers)).toEqual({ checked_items: 1, in_balance: true, drift: [] })

      await setPolicy(api, headers, w.cola.id)
      expect(await reconcile(api, headers)).toEqual({
        checked_items: 2,
        in_balance: false,
        drift: [drift(w.main.id, 50, 0, w.cola.id)],
      })
      expect(await reconcile(api, headers, `?inventory_item_id=${w.yogurt.id}`)).toEqual({ checked_items: 1, in_balance: true, drift: [] })
      expect((await reconcile(api, headers, `?inventory_item_id[]=${w.yogurt.id}&inventory_item_id[]=${w.cola.id}`)).checked_items).toBe(2)

      await setPolicy(api, headers, w.cola.id, { tracked: false })
      await setPolicy(api, headers, w.yogurt.id, { tracked: false })
      expect(await reconcile(api, headers)).toEqual({ checked_items: 0, in_balance: true, drift: [] })
    })

    // Lots of one item may hold more than 2,147,483,647 units at one location in total.
    it("sums lot stock beyond the int4 range", async () => {
      for (let i = 0; i < 3; i++) {
        await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1_000_000_000 })
      }
      expect(await stocked(w.main.id)).toBe(3_000_000_010)
      await expectInBalance(api, headers)
    })

    it("refuses unknown query parameters", async () => {
      await expectRefused(getContainer(), () => get(`/admin/lots/reconciliation?foo=1`), 400)
    })

    it("answers 401 without an admin session", async () => {
      await expectRefused(getContainer(), () => get(`/admin/lots/reconciliation`, {}), 401)
    })
  })
}
