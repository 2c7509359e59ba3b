import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { receiveLotsWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import { rows } from "../../helpers/allocation"
import { createWarehouse, levelQuantities, stockedQuantity } from "../../helpers/fixtures"
import { expectInBalance, expectRefused, getLot, lotEventsInDb, lotsInDb, receive, send, setPolicy, stockByLocation, yymmdd } from "../../helpers/lots"

// Registered once for the app: a batch sent with additional_data.fail is refused after all its writes.
receiveLotsWorkflow.hooks.lotsReceived(async ({ additional_data }: { additional_data?: { fail?: boolean } }) => {
  if (additional_data?.fail) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "injected failure in lotsReceived")
  }
})

export function lotReceiptsBatchSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let w: Awaited<ReturnType<typeof createWarehouse>>

  beforeEach(async () => {
    const container = getContainer()
    headers = (await loginAsAdmin(api, container)).headers
    w = await createWarehouse(container)
    await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: 21 })
    await setPolicy(api, headers, w.cola.id, {})
  })

  const post = (url: string, body?: unknown) => api.post(url, body, { headers })
  const batch = (receipts: unknown[], extra: Record<string, unknown> = {}) => send(post(`/admin/lots/batch`, { receipts, ...extra }))
  const pendingLevelChanges = () =>
    rows(getContainer(), `SELECT quantity FROM lot_level_change WHERE applied_at IS NULL AND reverted_at IS NULL`)

  it("creates new lots and adds to existing ones in one request; lot stock and Medusa's levels agree", async () => {
    const { lot: old } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "Y-OLD" })
    const res = await batch([
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5, lot_number: "y-new", supplier: "Dairy Co" },
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 7, lot_id: old.id },
      { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 3, lot_id: old.id },
      { inventory_item_id: w.cola.id, location_id: w.cold.id, quantity: 4, lot_number: "C-1", receipt_document_type: "Bill of lading", receipt_document_number: "BOL-1" },
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_id: old.id },
    ])
    expect(res.status).toBe(200)
    expect(res.data.receipts.map((r: any) => [r.lot_number, r.location_id, r.quantity, r.created])).toEqual([
      ["Y-NEW", w.main.id, 5, true],
      ["Y-OLD", w.main.id, 7, false],
      ["Y-OLD", w.cold.id, 3, false],
      ["C-1", w.cold.id, 4, true],
      ["Y-OLD", w.main.id, 1, false],
    ])
    expect(stockByLocation(await getLot(api, headers, old.id))).toEqual({ [w.main.id]: 18, [w.cold.id]: 3 })
    expect(await stockedQuantity(getContainer(), w.yogurt.id, w.main.id)).toBe(23)
    expect(await stockedQuantity(getContainer(), w.yogurt.id, w.cold.id)).toBe(3)
    expect(await stockedQuantity(getContainer(), w.cola.id, w.cold.id)).toBe(4)
    await expectInBalance(api, headers)
    expect(await pendingLevelChanges()).toEqual([])

    // One received event per line, each with its own reference document; a new lot's gets its expiry from the shelf life.
    // Events written by one statement share their time: compared as a set.
    const events = (await lotEventsInDb(getContainer(), old.id)).map((e: any) => [e.type, e.quantity, e.location_id])
    expect(events).toHaveLength(4)
    expect(events).toEqual(
      expect.arrayContaining([
        ["received", 10, w.main.id],
        ["received", 7, w.main.id],
        ["received", 3, w.cold.id],
        ["received", 1, w.main.id],
      ])
    )
    const [cola] = await rows(getContainer(), `SELECT data FROM lot_event WHERE lot_id = ?`, [res.data.receipts[3].lot_id])
    expect(cola.data).toEqual(expect.objectContaining({ reference_document_type: "Bill of lading", reference_document_number: "BOL-1" }))
    const created = await getLot(api, headers, res.data.receipts[0].lot_id)
    expect(new Date(created.expires_at).getTime() - new Date(created.received_at).getTime()).toBe(21 * 86_400_000)
    expect(created.supplier).toBe("Dairy Co")
  })

  it("numbers lines without a lot number from the item's template, consecutively per item, as the single route goes on", async () => {
    const res = await batch([
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1 },
      { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 2 },
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 3, lot_number: "TYPED-1" },
      { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 4 },
    ])
    expect(res.status).toBe(200)
    const day = yymmdd()
    expect(res.data.receipts.map((r: any) => r.lot_number)).toEqual([`YOG-500-${day}-001`, `COLA-330-${day}-001`, "TYPED-1", `YOG-500-${day}-002`])
    const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1 })
    expect(lot.lot_number).toBe(`YOG-500-${day}-003`)
  })

  it("blocks a quarantined lot's units in Medusa and keeps the released ones sellable", async () => {
    const res = await batch([
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 6, lot_number: "Q-1", status: "quarantine" },
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 4, lot_number: "R-1" },
    ])
    expect(res.status).toBe(200)
    expect(await levelQuantities(getContainer(), w.yogurt.id, w.main.id)).toEqual({ stocked: 10, reserved: 6, available: 4 })
    const [block] = await rows(getContainer(), `SELECT blocked_reservation_id FROM lot_stock WHERE lot_id = ?`, [res.data.receipts[0].lot_id])
    expect(block.blocked_reservation_id).toEqual(expect.any(String))
    await expectInBalance(api, headers)
  })

  it("CONCURRENCY: batches adding to the same lots in opposite orders all succeed, nothing lost", async () => {
    const { lot: a } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "A" })
    const { lot: b } = await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 10, lot_number: "B" })
    const lines = [
      { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_id: a.id },
      { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 2, lot_id: b.id },
    ]
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => batch(i % 2 ? lines : [...lines].reverse())))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(stockByLocation(await getLot(api, headers, a.id))).toEqual({ [w.main.id]: 16 })
    expect(stockByLocation(await getLot(api, headers, b.id))).toEqual({ [w.main.id]: 22 })
    expect(await stockedQuantity(getContainer(), w.cola.id, w.main.id)).toBe(22)
    await expectInBalance(api, headers)
  })

  describe("refusals name the line and write nothing", () => {
    it("a field the single route refuses: 400 naming the line and its lot", async () => {
      const res = await expectRefused(
        getContainer(),
        () => post(`/admin/lots/batch`, {
          receipts: [
            { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_number: "OK-1" },
            { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 0, lot_number: "BAD-2" },
            { inventory_item_id: w.yogurt.id, quantity: 1, lot_number: "BAD-3" },
          ],
        }),
        400
      )
      expect(res.data.message).toMatch(/Line 2 \(lot BAD-2\): quantity/)
      expect(res.data.message).toMatch(/Line 3 \(lot BAD-3\): location_id is required/)
    })

    it("lines the rules refuse: every one named in one answer", async () => {
      await setPolicy(api, headers, w.cola.id, { tracked: false })
      const res = await expectRefused(
        getContainer(),
        () => post(`/admin/lots/batch`, {
          receipts: [
            { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1 },
            { inventory_item_id: w.yogurt.id, location_id: "sloc_missing", quantity: 1, lot_number: "L-2" },
            { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 1, lot_number: "L-3" },
          ],
        }),
        404
      )
      expect(res.data.message).toBe(
        "2 of 3 lines cannot be received; nothing was received. Line 2 (lot L-2): Stock location with id: sloc_missing was not found " +
          `Line 3 (lot L-3): Inventory item ${w.cola.id} is not lot-tracked. Turn on lot tracking in its lot policy before receiving lots.`
      )
    })

    it("a lot number taken already, or twice in the batch: 422 naming the line; no sequence value is used up", async () => {
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_number: "TAKEN" })
      const generated = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1 }
      const taken = await expectRefused(
        getContainer(),
        () => post(`/admin/lots/batch`, { receipts: [generated, { ...generated, lot_number: "taken" }] }),
        422
      )
      expect(taken.data.message).toMatch(/^Line 2 \(lot taken\): Lot number TAKEN already exists/)
      const twice = await expectRefused(
        getContainer(),
        () => post(`/admin/lots/batch`, { receipts: [generated, { ...generated, lot_number: "D-1" }, { ...generated, lot_number: "d-1 " }] }),
        422
      )
      expect(twice.data.message).toMatch(/^Line 3 \(lot d-1\): Lot number D-1 is also on line 2 of this batch/)
      const res = await batch([generated])
      expect(res.data.receipts[0].lot_number).toBe(`YOG-500-${yymmdd()}-001`)
    })

    it("adding to a rejected lot, an empty list and more than 1,000 lines", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 2, lot_number: "REJ" })
      await post(`/admin/lots/${lot.id}/reject`, { reason: "lab" })
      const rejected = await expectRefused(
        getContainer(),
        () => post(`/admin/lots/batch`, {
          receipts: [
            { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_number: "NEW-1" },
            { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_id: lot.id },
          ],
        }),
        400
      )
      expect(rejected.data.message).toBe(`Line 2 (lot ${lot.id}): Lot REJ is rejected; stock cannot be received into it. Receive a new lot instead.`)
      expect((await batch([])).data.message).toMatch(/receipts cannot be empty/)
      const line = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1 }
      const tooMany = await batch(Array.from({ length: 1001 }, () => line))
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.message).toMatch(/At most 1000 receipts per request, got 1001/)
    })
  })

  it("rolls the whole batch back when a later step fails: lots retired, stock and Medusa's levels as before", async () => {
    const container = getContainer()
    const { lot: old } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "KEEP" })
    const res = await batch(
      [
        { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5, lot_number: "GONE-1", status: "quarantine" },
        { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 7, lot_id: old.id },
        { inventory_item_id: w.cola.id, location_id: w.cold.id, quantity: 4 },
      ],
      { additional_data: { fail: true } }
    )
    expect(res.status).toBe(400)
    expect(res.data).toEqual({ type: "not_allowed", message: "injected failure in lotsReceived" })

    expect(stockByLocation(await getLot(api, headers, old.id))).toEqual({ [w.main.id]: 10 })
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 10, reserved: 0, available: 10 })
    expect(await stockedQuantity(container, w.cola.id, w.cold.id)).toBeNull()
    const lots = (await lotsInDb(container)).filter((l: any) => l.lot_number !== "KEEP")
    expect(lots).toHaveLength(2)
    expect(lots).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lot_number: "GONE-1", deleted_at: expect.any(Date) }),
        expect.objectContaining({ lot_number: `COLA-330-${yymmdd()}-001`, deleted_at: expect.any(Date) }),
      ])
    )
    expect((await lotEventsInDb(container, old.id)).map((e: any) => [e.type, e.quantity])).toEqual([
      ["received", 10],
      ["received", 7],
      ["reverted", -7],
    ])
    await expectInBalance(api, headers)
    expect(await pendingLevelChanges()).toEqual([])
    // The number the undone line drew is given back.
    const again = await batch([{ inventory_item_id: w.cola.id, location_id: w.cold.id, quantity: 4 }])
    expect(again.data.receipts[0].lot_number).toBe(`COLA-330-${yymmdd()}-001`)
  })
}
