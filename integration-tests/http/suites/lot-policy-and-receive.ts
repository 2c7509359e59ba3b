import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse, stockedQuantity } from "../../helpers/fixtures"
import {
  expectInBalance,
  expectRefused,
  getLot,
  receive,
  send,
  setPolicy,
  snapshot,
  stockByLocation,
  yymmdd,
} from "../../helpers/lots"

export function lotPolicyAndReceiveSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let userId: string
  let w: Awaited<ReturnType<typeof createWarehouse>>

  beforeEach(async () => {
    const container = getContainer()
    const login = await loginAsAdmin(api, container)
    headers = login.headers
    userId = login.user.id
    w = await createWarehouse(container)
  })

  const post = (url: string, body?: unknown, h: unknown = { headers }) => api.post(url, body, h)
  const get = (url: string, h: unknown = { headers }) => api.get(url, h)

  describe("GET/POST /admin/inventory-items/:id/lot-policy", () => {
    it("shows an item without a policy as untracked with the defaults", async () => {
      const res = await get(`/admin/inventory-items/${w.yogurt.id}/lot-policy`)
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        lot_policy: {
          id: null,
          inventory_item_id: w.yogurt.id,
          tracked: false,
          strategy: "fefo",
          shelf_life_days: null,
          removal_lead_days: 0,
          min_remaining_shelf_life_days: 0,
          lot_number_template: null,
          lot_number_pattern: null,
          unit_of_measure: "each",
        },
        default_lot_number_template: "{SKU}-{YYMMDD}-{SEQ:3}",
      })
    })

    it("creates a policy, updates only the fields sent, and reads it back", async () => {
      const created = await post(`/admin/inventory-items/${w.yogurt.id}/lot-policy`, {
        tracked: true,
        strategy: "fifo",
        shelf_life_days: 21,
        removal_lead_days: 2,
        min_remaining_shelf_life_days: 5,
        lot_number_template: "{SKU}-{YYYYMMDD}-{SEQ:2}",
        lot_number_pattern: "[A-Z0-9-]+",
      })
      expect(created.status).toBe(200)
      expect(created.data.lot_policy).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^lotpol_/),
          inventory_item_id: w.yogurt.id,
          tracked: true,
          strategy: "fifo",
          shelf_life_days: 21,
          removal_lead_days: 2,
          min_remaining_shelf_life_days: 5,
          lot_number_template: "{SKU}-{YYYYMMDD}-{SEQ:2}",
          lot_number_pattern: "[A-Z0-9-]+",
        })
      )

      const updated = await post(`/admin/inventory-items/${w.yogurt.id}/lot-policy`, {
        strategy: "lifo",
        shelf_life_days: null,
      })
      expect(updated.status).toBe(200)
      expect(updated.data.lot_policy).toEqual(
        expect.objectContaining({
          id: created.data.lot_policy.id,
          tracked: true,
          strategy: "lifo",
          shelf_life_days: null,
          removal_lead_days: 2,
          min_remaining_shelf_life_days: 5,
          lot_number_template: "{SKU}-{YYYYMMDD}-{SEQ:2}",
          lot_number_pattern: "[A-Z0-9-]+",
        })
      )

      const read = await get(`/admin/inventory-items/${w.yogurt.id}/lot-policy`)
      expect(read.data.lot_policy).toEqual(expect.objectContaining({ ...updated.data.lot_policy, updated_at: expect.any(String) }))
      // Still one policy for the item, and the other item is untouched.
      const { policies } = await snapshot(getContainer())
      expect(policies).toHaveLength(1)
      const cola = await get(`/admin/inventory-items/${w.cola.id}/lot-policy`)
      expect(cola.data.lot_policy.id).toBeNull()
    })

    it("refuses an invalid lot-number template or pattern and keeps the policy as it was", async () => {
      const container = getContainer()
      const url = `/admin/inventory-items/${w.yogurt.id}/lot-policy`
      // Without a policy yet: nothing is created.
      await expectRefused(container, () => post(url, { tracked: true, lot_number_template: "{FOO}" }), 400, "{FOO}")
      await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: 10, lot_number_template: "{SKU}-{SEQ}" })
      for (const template of ["{FOO}", "{SKU}-{SEQ}-{SEQ}", "{SKU", "SKU}", "{SEQ:0}", "{SEQ:x}"]) {
        const res = await expectRefused(container, () => post(url, { lot_number_template: template, shelf_life_days: 30 }), 400)
        expect(res.data.type).toBe("invalid_data")
        expect(res.data.message).toContain(template)
      }
      for (const pattern of ["([A-Z", "A)|(B", "[z-a]", "*"]) {
        const res = await expectRefused(container, () => post(url, { lot_number_pattern: pattern }), 400)
        expect(res.data.message).toContain("not a valid regular expression")
      }
      const read = await get(url)
      expect(read.data.lot_policy).toEqual(
        expect.objectContaining({ shelf_life_days: 10, lot_number_template: "{SKU}-{SEQ}", lot_number_pattern: null })
      )
    })

    it("refuses malformed policy fields and unknown fields with 400", async () => {
      const container = getContainer()
      const url = `/admin/inventory-items/${w.yogurt.id}/lot-policy`
      const bodies: Record<string, unknown>[] = [
        { shelf_life_days: 0 },
        { shelf_life_days: -1 },
        { shelf_life_days: 1.5 },
        { shelf_life_days: "21" },
        { shelf_life_days: 36501 },
        { removal_lead_days: -1 },
        { min_remaining_shelf_life_days: 2.5 },
        { strategy: "random" },
        { tracked: "yes" },
        { lot_number_template: "x".repeat(101) },
        { lot_number_pattern: "x".repeat(201) },
        { tracked: true, inventory_item_id: w.cola.id },
        { tracked: true, foo: 1 },
      ]
      for (const body of bodies) {
        const res = await expectRefused(container, () => post(url, body), 400)
        expect(res.data.type).toBe("invalid_data")
      }
    })

    it("fills {PLANT} from the receipt's plant_code, and says so when a receipt has none", async () => {
      const container = getContainer()
      const policy = await send(post(`/admin/inventory-items/${w.yogurt.id}/lot-policy`, { tracked: true, lot_number_template: "{PLANT}-{YYMMDD}-{SEQ}" }))
      expect(policy.status).toBe(200)
      const missing = await expectRefused(
        container,
        () => post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1 }),
        400
      )
      expect(missing.data.message).toMatch(/plant/i)
      const res = await send(post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, plant_code: "P1" }))
      expect(res.status).toBe(200)
      expect(res.data.lot.lot_number).toBe(`P1-${yymmdd()}-0001`)
    })

    it("answers 404 for an unknown inventory item and writes nothing", async () => {
      const container = getContainer()
      await expectRefused(container, () => get(`/admin/inventory-items/iitem_missing/lot-policy`), 404, "iitem_missing")
      await expectRefused(
        container,
        () => post(`/admin/inventory-items/iitem_missing/lot-policy`, { tracked: true }),
        404,
        "iitem_missing"
      )
    })

    it("answers 401 without an admin session", async () => {
      const container = getContainer()
      const url = `/admin/inventory-items/${w.yogurt.id}/lot-policy`
      await expectRefused(container, () => get(url, {}), 401)
      await expectRefused(container, () => post(url, { tracked: true }, {}), 401)
    })
  })

  describe("POST /admin/lots (receive)", () => {
    beforeEach(async () => {
      await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: 21 })
    })

    it("numbers a new lot from the default template, derives expiry and raises Medusa's stock", async () => {
      const container = getContainer()
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBeNull()
      const day = yymmdd()
      const first = await post(`/admin/lots`, {
        inventory_item_id: w.yogurt.id,
        location_id: w.main.id,
        quantity: 10,
        manufactured_at: "2026-11-20",
      })
      expect(first.status).toBe(200)
      const lot = first.data.lot
      expect(lot).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^lot_/),
          lot_number: `YOG-500-${day}-001`,
          inventory_item_id: w.yogurt.id,
          status: "released",
          manufactured_at: "2026-11-20T00:00:00.000Z",
          expires_at: "2026-12-11T00:00:00.000Z",
          best_before_at: null,
          supplier: null,
          notes: null,
          metadata: null,
        })
      )
      expect(lot.stock).toEqual([expect.objectContaining({ location_id: w.main.id, quantity: 10, allocated_quantity: 0 })])
      expect(first.data.receipt).toEqual({
        lot_id: lot.id,
        lot_number: `YOG-500-${day}-001`,
        inventory_item_id: w.yogurt.id,
        location_id: w.main.id,
        quantity: 10,
        created: true,
        event_id: expect.stringMatching(/^lotevt_/),
        level_change_id: expect.stringMatching(/^lotlvlchg_/),
      })
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(10)
      await expectInBalance(api, headers)

      const detail = await getLot(api, headers, lot.id)
      expect(detail.events).toEqual([
        expect.objectContaining({
          id: first.data.receipt.event_id,
          type: "received",
          quantity: 10,
          location_id: w.main.id,
          to_status: "released",
          actor_id: userId,
        }),
      ])

      // Neither expiry nor manufacture date: the shelf life counts from the day of receipt.
      const second = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 })
      expect(second.lot.lot_number).toBe(`YOG-500-${day}-002`)
      expect(new Date(second.lot.expires_at).getTime() - new Date(second.lot.received_at).getTime()).toBe(21 * 86_400_000)
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(15)
      await expectInBalance(api, headers)
    })

    it("numbers lots from the item's own template", async () => {
      await setPolicy(api, headers, w.yogurt.id, { lot_number_template: "Y{YY}-{SKU}-L{SEQ:2}" })
      const yy = yymmdd().slice(0, 2)
      const a = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1 })
      const b = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 2 })
      expect([a.lot.lot_number, b.lot.lot_number]).toEqual([`Y${yy}-YOG-500-L01`, `Y${yy}-YOG-500-L02`])
      expect(await stockedQuantity(getContainer(), w.yogurt.id, w.cold.id)).toBe(2)
      await expectInBalance(api, headers)
    })

    it("stores a typed lot number in upper case with every field of the request", async () => {
      const res = await post(`/admin/lots`, {
        inventory_item_id: w.yogurt.id,
        location_id: w.cold.id,
        quantity: 24,
        lot_number: "  yog-a1  ",
        status: "quarantine",
        manufactured_at: "2026-11-01",
        expires_at: "2027-03-31T12:00:00+02:00",
        best_before_at: "2027-03-01",
        received_at: "2026-11-24T08:30:00Z",
        supplier: "Dairy Co",
        supplier_lot_number: "DC-778",
        notes: "Pallet 3 of 4",
        metadata: { temperature_c: 4, inspector: "kim" },
      })
      expect(res.status).toBe(200)
      expect(res.data.lot).toEqual(
        expect.objectContaining({
          lot_number: "YOG-A1",
          status: "quarantine",
          manufactured_at: "2026-11-01T00:00:00.000Z",
          // An explicit expiry wins over manufactured_at + shelf life.
          expires_at: "2027-03-31T10:00:00.000Z",
          best_before_at: "2027-03-01T00:00:00.000Z",
          received_at: "2026-11-24T08:30:00.000Z",
          supplier: "Dairy Co",
          supplier_lot_number: "DC-778",
          notes: "Pallet 3 of 4",
          metadata: { temperature_c: 4, inspector: "kim" },
        })
      )
      expect(stockByLocation(res.data.lot)).toEqual({ [w.cold.id]: 24 })
      const detail = await getLot(api, headers, res.data.lot.id)
      expect(detail.events).toEqual([
        expect.objectContaining({ type: "received", quantity: 24, location_id: w.cold.id, to_status: "quarantine", data: { supplier: "Dairy Co", tlc_assigned_by: "supplier" } }),
      ])
      expect(await stockedQuantity(getContainer(), w.yogurt.id, w.cold.id)).toBe(24)
      await expectInBalance(api, headers)

      // A lot number of exactly 64 characters is accepted.
      const long = "L".repeat(64)
      const max = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_number: long })
      expect(max.lot.lot_number).toBe(long)
    })

    it("raises an existing Medusa level; reconciliation shows only the stock that was there before", async () => {
      const container = getContainer()
      await container
        .resolve(Modules.INVENTORY)
        .createInventoryLevels([{ inventory_item_id: w.yogurt.id, location_id: w.main.id, stocked_quantity: 5 }])
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(15)
      const { data } = await get(`/admin/lots/reconciliation`)
      expect(data).toEqual({
        checked_items: 1,
        in_balance: false,
        drift: [{ inventory_item_id: w.yogurt.id, location_id: w.main.id, stocked_quantity: 15, lot_quantity: 10, untracked_quantity: 5 }],
        findings: [expect.objectContaining({ check: "stock", location_id: w.main.id, expected: 15, actual: 10, repair: "manual" })],
      })
    })

    it("refuses a duplicate lot number, also in another case, naming the existing lot", async () => {
      const container = getContainer()
      const first = await receive(api, headers, {
        inventory_item_id: w.yogurt.id,
        location_id: w.main.id,
        quantity: 10,
        lot_number: "YOG-DUP-1",
      })
      for (const lotNumber of ["YOG-DUP-1", "yog-dup-1", " Yog-Dup-1 "]) {
        const res = await expectRefused(
          container,
          () => post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 3, lot_number: lotNumber }),
          422
        )
        expect(res.data.type).toBe("duplicate_error")
        expect(res.data.message).toContain("YOG-DUP-1")
        expect(res.data.message).toContain(first.lot.id)
      }
      // Lot numbers are unique across items, too.
      await setPolicy(api, headers, w.cola.id)
      await expectRefused(
        container,
        () => post(`/admin/lots`, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 3, lot_number: "yog-dup-1" }),
        422,
        first.lot.id
      )
      expect(await stockedQuantity(container, w.yogurt.id, w.cold.id)).toBeNull()
    })

    it("receives into an existing lot with lot_id, keeping the lot's own data", async () => {
      const container = getContainer()
      const first = await receive(api, headers, {
        inventory_item_id: w.yogurt.id,
        location_id: w.main.id,
        quantity: 10,
        lot_number: "YOG-EXIST",
        manufactured_at: "2026-11-20",
      })
      const more = await post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 4, lot_id: first.lot.id })
      expect(more.status).toBe(200)
      expect(more.data.receipt).toEqual(
        expect.objectContaining({ lot_id: first.lot.id, lot_number: "YOG-EXIST", location_id: w.cold.id, quantity: 4, created: false })
      )
      expect(more.data.lot).toEqual(
        expect.objectContaining({ id: first.lot.id, lot_number: "YOG-EXIST", expires_at: "2026-12-11T00:00:00.000Z" })
      )
      expect(stockByLocation(more.data.lot)).toEqual({ [w.main.id]: 10, [w.cold.id]: 4 })
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 6, lot_id: first.lot.id })

      const detail = await getLot(api, headers, first.lot.id)
      expect(stockByLocation(detail)).toEqual({ [w.main.id]: 16, [w.cold.id]: 4 })
      expect(detail.events.map((e: any) => [e.type, e.quantity, e.location_id, e.to_status])).toEqual([
        ["received", 6, w.main.id, null],
        ["received", 4, w.cold.id, null],
        ["received", 10, w.main.id, "released"],
      ])
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(16)
      expect(await stockedQuantity(container, w.yogurt.id, w.cold.id)).toBe(4)
      expect((await get(`/admin/lots`)).data.count).toBe(1)
      await expectInBalance(api, headers)
    })

    it("refuses fields describing a new lot when lot_id is given, an unknown lot_id and another item's lot", async () => {
      const container = getContainer()
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 2, lot_id: lot.id }
      const extras: Record<string, unknown>[] = [
        { lot_number: "OTHER-1" },
        { status: "quarantine" },
        { manufactured_at: "2026-11-01" },
        { expires_at: "2027-01-01" },
        { best_before_at: "2027-01-01" },
        { supplier: "x" },
        { supplier_lot_number: "x" },
        { notes: "x" },
        { metadata: { a: 1 } },
      ]
      for (const extra of extras) {
        const field = Object.keys(extra)[0]
        await expectRefused(container, () => post(`/admin/lots`, { ...base, ...extra }), 400, `${field} cannot be set`)
      }
      await expectRefused(container, () => post(`/admin/lots`, { ...base, lot_id: "lot_missing" }), 404, "lot_missing")

      await setPolicy(api, headers, w.cola.id)
      await expectRefused(
        container,
        () => post(`/admin/lots`, { ...base, inventory_item_id: w.cola.id }),
        400,
        `belongs to inventory item ${w.yogurt.id}`
      )
      expect(await stockedQuantity(container, w.cola.id, w.main.id)).toBeNull()
    })

    it("refuses a receipt into an untracked item (NOT_ALLOWED) and writes nothing", async () => {
      const container = getContainer()
      const res = await expectRefused(
        container,
        () => post(`/admin/lots`, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 5 }),
        400,
        "not lot-tracked"
      )
      expect(res.data.type).toBe("not_allowed")
      expect(await stockedQuantity(container, w.cola.id, w.main.id)).toBeNull()

      // An item whose tracking was switched off is refused the same way.
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 })
      await setPolicy(api, headers, w.yogurt.id, { tracked: false })
      await expectRefused(
        container,
        () => post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 }),
        400,
        "not lot-tracked"
      )
      expect(await stockedQuantity(container, w.yogurt.id, w.main.id)).toBe(5)
    })

    it("answers 404 for an unknown inventory item or location and writes nothing", async () => {
      const container = getContainer()
      await expectRefused(
        container,
        () => post(`/admin/lots`, { inventory_item_id: "iitem_missing", location_id: w.main.id, quantity: 5 }),
        404,
        "iitem_missing"
      )
      await expectRefused(
        container,
        () => post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: "sloc_missing", quantity: 5 }),
        404,
        "sloc_missing"
      )
    })

    it("refuses zero, negative, fractional, non-numeric, missing and oversized quantities", async () => {
      const container = getContainer()
      const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id }
      for (const quantity of [0, -5, 2.5, "5", null, 1_000_000_001, Number.MAX_SAFE_INTEGER]) {
        const res = await expectRefused(container, () => post(`/admin/lots`, { ...base, quantity }), 400)
        expect(res.data.message).toContain("quantity")
      }
      await expectRefused(container, () => post(`/admin/lots`, base), 400, "quantity")
    })

    it("refuses text over its limit, empty or unprintable lot numbers", async () => {
      const container = getContainer()
      const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 }
      const cases: [Record<string, unknown>, string][] = [
        [{ lot_number: "L".repeat(65) }, "lot_number"],
        [{ lot_number: "" }, "lot_number"],
        [{ lot_number: "   " }, "lot_number"],
        [{ lot_number: "A\tB" }, "printable"],
        [{ lot_number: "A\nB" }, "printable"],
        [{ lot_number: 123 }, "lot_number"],
        [{ notes: "n".repeat(2001) }, "notes"],
        [{ supplier: "s".repeat(201) }, "supplier"],
        [{ supplier_lot_number: "s".repeat(65) }, "supplier_lot_number"],
        [{ inventory_item_id: "i".repeat(101) }, "inventory_item_id"],
        [{ location_id: "" }, "location_id"],
      ]
      for (const [extra, message] of cases) {
        await expectRefused(container, () => post(`/admin/lots`, { ...base, ...extra }), 400, message)
      }
    })

    it("refuses malformed dates", async () => {
      const container = getContainer()
      const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 }
      const cases: Record<string, unknown>[] = [
        { manufactured_at: "2027-13-45" },
        { manufactured_at: "tomorrow" },
        { expires_at: "2027-02-30" },
        { expires_at: "31/12/2027" },
        { best_before_at: "" },
        { received_at: 1767225600000 },
        { received_at: "2026-11-24 08:30" },
      ]
      for (const extra of cases) {
        const field = Object.keys(extra)[0]
        await expectRefused(container, () => post(`/admin/lots`, { ...base, ...extra }), 400, field)
      }
    })

    it("refuses an expiry or best-before that does not fit the manufacture date, naming both dates", async () => {
      const container = getContainer()
      const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5, lot_number: "DATES-1" }
      const before = await expectRefused(
        container,
        () => post(`/admin/lots`, { ...base, manufactured_at: "2026-11-20", expires_at: "2026-11-01" }),
        400
      )
      expect(before.data.message).toContain("1 Nov 2026")
      expect(before.data.message).toContain("20 Nov 2026")
      await expectRefused(
        container,
        () => post(`/admin/lots`, { ...base, manufactured_at: "2026-11-20", expires_at: "2026-11-20" }),
        400,
        /expiry date \(20 Nov 2026\).*manufacture date \(20 Nov 2026\)/
      )
      await expectRefused(
        container,
        () => post(`/admin/lots`, { ...base, manufactured_at: "2026-11-20", best_before_at: "2026-11-10" }),
        400,
        /best-before date \(10 Nov 2026\).*manufacture date \(20 Nov 2026\)/
      )
      await expectRefused(
        container,
        () => post(`/admin/lots`, { ...base, expires_at: "2027-01-01", best_before_at: "2027-02-01" }),
        400,
        /best-before date \(1 Feb 2027\).*expiry date \(1 Jan 2027\)/
      )
    })

    it("refuses a best-before date later than the expiry derived from the shelf life", async () => {
      const container = getContainer()
      await expectRefused(
        container,
        () =>
          post(`/admin/lots`, {
            inventory_item_id: w.yogurt.id,
            location_id: w.main.id,
            quantity: 5,
            manufactured_at: "2026-11-20",
            best_before_at: "2027-01-31",
          }),
        400,
        /best-before date \(31 Jan 2027\).*expiry date \(11 Dec 2026\)/
      )
    })

    it("refuses a lot number that does not match the item's pattern, and accepts one that does", async () => {
      const container = getContainer()
      await setPolicy(api, headers, w.yogurt.id, { lot_number_pattern: "L\\d{4}" })
      const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 }
      for (const lotNumber of ["X-1", "L123", "L12345", "AL1234"]) {
        const res = await expectRefused(container, () => post(`/admin/lots`, { ...base, lot_number: lotNumber }), 400)
        expect(res.data.message).toContain(lotNumber.toUpperCase())
        expect(res.data.message).toContain("^L\\d{4}$")
      }
      const ok = await receive(api, headers, { ...base, lot_number: "l1234" })
      expect(ok.lot.lot_number).toBe("L1234")
      await expectInBalance(api, headers)
    })

    it("refuses unknown body fields and values out of their set (strict body)", async () => {
      const container = getContainer()
      const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 }
      const cases: Record<string, unknown>[] = [
        { foo: "bar" },
        { id: "lot_custom" },
        { stock: [{ location_id: w.cold.id, quantity: 99 }] },
        { allocated_quantity: 1 },
        { status: "on_hold" },
        { status: "recalled" },
        { metadata: "not an object" },
        { additional_data: [1, 2] },
      ]
      for (const extra of cases) {
        const res = await expectRefused(container, () => post(`/admin/lots`, { ...base, ...extra }), 400)
        expect(res.data.type).toBe("invalid_data")
      }
    })

    // lot_stock.quantity is int4: a third receipt of 1e9 units into one lot must be refused in words.
    it("refuses, with a 400, a receipt that would take a lot beyond the largest storable quantity", async () => {
      const container = getContainer()
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1_000_000_000 })
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1_000_000_000, lot_id: lot.id })
      await expectRefused(
        container,
        () => post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1_000_000_000, lot_id: lot.id }),
        400
      )
    })

    it("answers 401 without an admin session and writes nothing", async () => {
      await expectRefused(
        getContainer(),
        () => post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5 }, {}),
        401
      )
    })
  })

  describe("GET /admin/lots and GET /admin/lots/:id", () => {
    let a: any, b: any, c: any
    beforeEach(async () => {
      await setPolicy(api, headers, w.yogurt.id)
      await setPolicy(api, headers, w.cola.id)
      a = (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "YOG-A", expires_at: "2026-12-10" })).lot
      b = (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 4, lot_number: "YOG-B", expires_at: "2027-01-15", status: "quarantine" })).lot
      c = (await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 24, lot_number: "COLA-C" })).lot
    })

    const numbers = (res: { data: { lots: { lot_number: string }[] } }) => res.data.lots.map((l) => l.lot_number).sort()

    it("lists lots with their stock and filters by item, location, status, expiry window and search", async () => {
      const all = await get(`/admin/lots`)
      expect(all.status).toBe(200)
      expect(all.data).toEqual({ lots: expect.any(Array), count: 3, offset: 0, limit: 50 })
      expect(numbers(all)).toEqual(["COLA-C", "YOG-A", "YOG-B"])
      expect(all.data.lots.find((l: any) => l.id === a.id).stock).toEqual([
        expect.objectContaining({ location_id: w.main.id, quantity: 10, allocated_quantity: 0 }),
      ])

      expect(numbers(await get(`/admin/lots?inventory_item_id=${w.yogurt.id}`))).toEqual(["YOG-A", "YOG-B"])
      expect(numbers(await get(`/admin/lots?inventory_item_id[]=${w.yogurt.id}&inventory_item_id[]=${w.cola.id}`))).toEqual([
        "COLA-C",
        "YOG-A",
        "YOG-B",
      ])
      expect(numbers(await get(`/admin/lots?location_id=${w.cold.id}`))).toEqual(["YOG-B"])
      expect(numbers(await get(`/admin/lots?location_id=${w.main.id}`))).toEqual(["COLA-C", "YOG-A"])
      expect(numbers(await get(`/admin/lots?status=quarantine`))).toEqual(["YOG-B"])
      expect(numbers(await get(`/admin/lots?status[]=released&status[]=quarantine`))).toEqual(["COLA-C", "YOG-A", "YOG-B"])
      expect(numbers(await get(`/admin/lots?status=recalled`))).toEqual([])
      expect(numbers(await get(`/admin/lots?expires_before=2027-01-01`))).toEqual(["YOG-A"])
      expect(numbers(await get(`/admin/lots?expires_after=2027-01-01`))).toEqual(["YOG-B"])
      expect(numbers(await get(`/admin/lots?expires_after=2026-12-10&expires_before=2027-01-15`))).toEqual(["YOG-A"])
      expect(numbers(await get(`/admin/lots?q=yog`))).toEqual(["YOG-A", "YOG-B"])
      expect(numbers(await get(`/admin/lots?q=a-c`))).toEqual(["COLA-C"])
      expect(numbers(await get(`/admin/lots?inventory_item_id=${w.yogurt.id}&status=released&location_id=${w.main.id}`))).toEqual([
        "YOG-A",
      ])
    })

    it("filters by location without cutting the stock of other locations out of the lots", async () => {
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 3, lot_id: a.id })
      const res = await get(`/admin/lots?location_id=${w.cold.id}`)
      expect(res.data.lots.map((l: any) => l.lot_number).sort()).toEqual(["YOG-A", "YOG-B"])
      expect(stockByLocation(res.data.lots.find((l: any) => l.id === a.id))).toEqual({ [w.main.id]: 10, [w.cold.id]: 3 })
    })

    it("pages and orders the list", async () => {
      const page = await get(`/admin/lots?order=lot_number&limit=1&offset=1`)
      expect(page.data).toEqual({ lots: [expect.objectContaining({ lot_number: "YOG-A" })], count: 3, offset: 1, limit: 1 })
      const desc = await get(`/admin/lots?order=-lot_number`)
      expect(desc.data.lots.map((l: any) => l.lot_number)).toEqual(["YOG-B", "YOG-A", "COLA-C"])
      const last = await get(`/admin/lots?order=lot_number&limit=2&offset=2`)
      expect(last.data.lots.map((l: any) => l.lot_number)).toEqual(["YOG-B"])
    })

    it("searches % and _ literally", async () => {
      await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 1, lot_number: "P%1" })
      await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 1, lot_number: "P_2" })
      expect(numbers(await get(`/admin/lots?q=${encodeURIComponent("%")}`))).toEqual(["P%1"])
      expect(numbers(await get(`/admin/lots?q=${encodeURIComponent("P_")}`))).toEqual(["P_2"])
    })

    it("refuses malformed or unknown query parameters", async () => {
      const container = getContainer()
      for (const query of [
        "status=bogus",
        "expires_before=tomorrow",
        "expires_after=2027-13-45",
        "limit=abc",
        "foo=1",
        `q=${"x".repeat(65)}`,
      ]) {
        await expectRefused(container, () => get(`/admin/lots?${query}`), 400)
      }
    })

    it("refuses ordering by an unknown field with 400", async () => {
      await expectRefused(getContainer(), () => get(`/admin/lots?order=no_such_field`), 400)
    })

    it("returns one lot with its stock and its history, newest first", async () => {
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 3, lot_id: a.id })
      const res = await get(`/admin/lots/${a.id}`)
      expect(res.status).toBe(200)
      expect(res.data.lot).toEqual(expect.objectContaining({ id: a.id, lot_number: "YOG-A", inventory_item_id: w.yogurt.id, status: "released" }))
      expect(stockByLocation(res.data.lot)).toEqual({ [w.main.id]: 10, [w.cold.id]: 3 })
      expect(res.data.lot.events.map((e: any) => [e.type, e.quantity, e.location_id])).toEqual([
        ["received", 3, w.cold.id],
        ["received", 10, w.main.id],
      ])
      expect(res.data.lot.events.every((e: any) => e.lot_id === a.id)).toBe(true)
      expect((await get(`/admin/lots/${c.id}`)).data.lot.events).toHaveLength(1)
    })

    it("answers 404 for an unknown lot", async () => {
      await expectRefused(getContainer(), () => get(`/admin/lots/lot_missing`), 404, "lot_missing")
    })

    it("answers 401 without an admin session", async () => {
      await expectRefused(getContainer(), () => get(`/admin/lots`, {}), 401)
      await expectRefused(getContainer(), () => get(`/admin/lots/${b.id}`, {}), 401)
    })
  })
}
