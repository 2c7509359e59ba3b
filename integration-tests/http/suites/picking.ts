/**
 * Issue #16 "Picking", over HTTP: the orders to pick at a location (oldest first), one order's
 * pick sheet (every line, tracked or not, in walking order with its lots), a scan that takes part
 * of a line (quantity) and a second lot for the rest after a FEFO warning, then Medusa's
 * fulfillment with exactly the scanned lots in `additional_data.lots`.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { loginAsAdmin } from "../../helpers/admin"
import {
  byLot,
  daysFromNow,
  getOrderLots,
  lineSettled,
  receiveLot,
  reconciliation,
  setLotPolicy,
  shippedByFulfillment,
  stateSnapshot,
  waitForOrderLots,
  type LotView,
} from "../../helpers/allocation"
import { attempt, createStockedProduct, fulfillOrder, get, placeOrder, setupStore, type Headers, type StoreSetup } from "../../helpers/store"

type QueueOrder = { order_id: string; display_id: number; customer: string | null; lines: number; units: number }
type SheetLine = {
  line_item_id: string
  title: string
  sku: string | null
  tracked: boolean
  quantity: number
  lots: { lot_number: string; quantity: number }[]
}
type Sheet = { order_id: string; location: { id: string; name: string }; walking_order: string; lines: SheetLine[] }

export function pickingSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers
  let store: StoreSetup
  let main: string
  let second: string

  beforeEach(async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main, second] = store.locations
  })

  afterEach(async () => {
    const result = await reconciliation(api, headers)
    expect(result.findings).toEqual([])
  })

  const queue = (locationId: string) => get<{ orders: QueueOrder[]; count: number }>(api, `/admin/picking/orders?location_id=${locationId}`, headers)
  const sheet = (orderId: string, locationId = main) => get<Sheet>(api, `/admin/picking/orders/${orderId}?location_id=${locationId}`, headers)
  const pickScan = (orderId: string, body: Record<string, unknown>) => attempt(api.post(`/admin/orders/${orderId}/pick-scan`, body, { headers }))

  /** Yogurt (tracked, lots SOON 25 days and LATER 90 days at main), kefir (tracked) and a tote bag (untracked). */
  async function shelf() {
    const yogurt = await createStockedProduct(api, headers, store, { title: "Greek yogurt", sku: "YOG-2", stock: { [main]: 0 } })
    const kefir = await createStockedProduct(api, headers, store, { title: "Kefir", sku: "KEF-10", stock: { [main]: 0 } })
    const tote = await createStockedProduct(api, headers, store, { title: "Tote bag", sku: "BAG-1", stock: { [main]: 20 } })
    await setLotPolicy(api, headers, yogurt.inventoryItemId)
    await setLotPolicy(api, headers, kefir.inventoryItemId)
    const lots: Record<string, LotView> = {}
    const receive = (itemId: string, lot_number: string, quantity: number, days: number) =>
      receiveLot(api, headers, { inventory_item_id: itemId, location_id: main, lot_number, quantity, expires_at: daysFromNow(days) })
    lots.SOON = await receive(yogurt.inventoryItemId, "SOON", 10, 25)
    lots.LATER = await receive(yogurt.inventoryItemId, "LATER", 10, 90)
    lots.KEF = await receive(kefir.inventoryItemId, "KEF-A", 10, 40)
    return { yogurt, kefir, tote, lots }
  }

  async function orderOf(items: { variant_id: string; quantity: number }[], email: string) {
    const order = await placeOrder(api, store, items, { email })
    const ordered = new Map(order.items.map((i) => [i.id, Number(i.quantity)]))
    // The tote bag is not lot-tracked: only the other lines get lots.
    await waitForOrderLots(api, headers, order, (lots) =>
      lots.lines.filter((l) => l.sku !== "BAG-1").every((l) => lineSettled(l, ordered.get(l.line_item_id) ?? NaN))
    )
    return order
  }

  it("lists the orders to pick at a location oldest first, and each order's lines in walking order with their lots", async () => {
    const { yogurt, kefir, tote } = await shelf()
    const first = await orderOf(
      [
        { variant_id: tote.variant.id, quantity: 1 },
        { variant_id: yogurt.variant.id, quantity: 3 },
        { variant_id: kefir.variant.id, quantity: 2 },
      ],
      "first@example.com"
    )
    const next = await orderOf([{ variant_id: yogurt.variant.id, quantity: 1 }], "next@example.com")

    const atMain = await queue(main)
    expect(atMain.count).toBe(2)
    expect(atMain.orders.map((o) => [o.order_id, o.lines, o.units])).toEqual([
      [first.id, 3, 6],
      [next.id, 1, 1],
    ])
    expect(await queue(second)).toMatchObject({ orders: [], count: 0 })

    const pick = await sheet(first.id)
    expect(pick).toMatchObject({ order_id: first.id, location: { id: main, name: "Main warehouse" }, walking_order: "sku" })
    // By SKU: BAG-1, KEF-10, YOG-2 (numbers inside a SKU sort as numbers).
    expect(pick.lines.map((l) => [l.sku, l.tracked, l.quantity, byLot(l.lots)])).toEqual([
      ["BAG-1", false, 1, {}],
      ["KEF-10", true, 2, { "KEF-A": 2 }],
      ["YOG-2", true, 3, { SOON: 3 }],
    ])
    // Nothing of this order is reserved at the second location.
    expect((await sheet(first.id, second)).lines).toEqual([])
  })

  it("a scan takes part of a line; a later-expiring lot for the rest is warned about first; the fulfillment ships exactly the scanned lots", async () => {
    const { yogurt, tote, lots } = await shelf()
    const order = await orderOf(
      [
        { variant_id: yogurt.variant.id, quantity: 3 },
        { variant_id: tote.variant.id, quantity: 1 },
      ],
      "split@example.com"
    )
    const lines = (await sheet(order.id)).lines
    const yogurtLine = lines.find((l) => l.sku === "YOG-2")!
    const toteLine = lines.find((l) => l.sku === "BAG-1")!

    // Two of the allocated lot: confirmed, nothing written.
    const before = await stateSnapshot(getContainer())
    const confirmed = await pickScan(order.id, { code: "SOON", quantity: 2, location_id: main, fefo_skip: "warn" })
    expect(confirmed.data).toMatchObject({ outcome: "confirmed", line_item_id: yogurtLine.line_item_id, quantity: 3 })

    // The later lot for the rest: a warning naming the lot to pick first, still nothing written.
    const warned = await pickScan(order.id, { code: "later", quantity: 1, location_id: main, fefo_skip: "warn" })
    expect(warned.status).toBe(200)
    expect(warned.data).toMatchObject({
      outcome: "fefo_warning",
      line_item_id: yogurtLine.line_item_id,
      lot: { lot_number: "LATER" },
      skipped: { lot_number: "SOON" },
      message: expect.stringMatching(/^Lot SOON expires first \(\d{1,2} \w{3} \d{4}\) and is the one to pick\. Lot LATER expires .+: take it anyway\?$/),
    })
    expect(await stateSnapshot(getContainer())).toEqual(before)

    // Confirmed by the picker: one unit moves onto LATER, the other two stay on SOON.
    const swapped = await pickScan(order.id, { code: "LATER", quantity: 1, location_id: main, fefo_skip: "allow" })
    expect(swapped.data).toMatchObject({ outcome: "swapped", to: { lot_number: "LATER", quantity: 1 }, from: [{ lot_number: "SOON", quantity: 1 }] })
    expect(byLot((await sheet(order.id)).lines.find((l) => l.sku === "YOG-2")!.lots)).toEqual({ SOON: 2, LATER: 1 })

    // Finish: Medusa's fulfillment with the picked quantities and the scanned lots.
    const { fulfillment } = await fulfillOrder(api, headers, order.id, {
      location_id: main,
      items: [
        { id: yogurtLine.line_item_id, quantity: 3 },
        { id: toteLine.line_item_id, quantity: 1 },
      ],
      additional_data: {
        lots: [
          { line_item_id: yogurtLine.line_item_id, lot_id: lots.SOON.id, quantity: 2 },
          { line_item_id: yogurtLine.line_item_id, lot_id: lots.LATER.id, quantity: 1 },
        ],
      },
    })
    const line = (await getOrderLots(api, headers, order.id)).lines.find((l) => l.line_item_id === yogurtLine.line_item_id)!
    expect(shippedByFulfillment(line)).toEqual({ [fulfillment.id]: { SOON: 2, LATER: 1 } })
    expect(line.allocated).toEqual([])
    // Picked in full: gone from the queue and from its sheet.
    expect((await queue(main)).orders.map((o) => o.order_id)).not.toContain(order.id)
    expect((await sheet(order.id)).lines).toEqual([])
  })

  it("the FEFO warning names a free lot on the shelf that expires first, even when the line is allocated to a later one", async () => {
    const { yogurt } = await shelf()
    const order = await orderOf([{ variant_id: yogurt.variant.id, quantity: 2 }], "shelf@example.com")
    const line = (await sheet(order.id)).lines[0]
    expect(byLot(line.lots)).toEqual({ SOON: 2 })
    // Received after checkout: free, and it expires before the allocated lot.
    await receiveLot(api, headers, { inventory_item_id: yogurt.inventoryItemId, location_id: main, lot_number: "EARLY", quantity: 5, expires_at: daysFromNow(12) })

    const warned = await pickScan(order.id, { code: "LATER", location_id: main, fefo_skip: "warn" })
    expect(warned.data).toMatchObject({
      outcome: "fefo_warning",
      line_item_id: line.line_item_id,
      skipped: { lot_number: "EARLY" },
      message: expect.stringMatching(/^Lot EARLY expires first .+ Lot LATER expires .+: take it anyway\?$/),
    })
    // Following the advice: the earliest lot takes the line over without a question.
    const taken = await pickScan(order.id, { code: "EARLY", location_id: main, fefo_skip: "warn" })
    expect(taken.data).toMatchObject({ outcome: "swapped", to: { lot_number: "EARLY", quantity: 2 }, from: [{ lot_number: "SOON", quantity: 2 }] })
  })

  it("refuses a query without a location, an unknown location or order, and a bad scan quantity (4xx)", async () => {
    const { yogurt } = await shelf()
    const order = await orderOf([{ variant_id: yogurt.variant.id, quantity: 1 }], "refused@example.com")
    const missing = await attempt(api.get("/admin/picking/orders", { headers }))
    expect(missing.status).toBe(400)
    expect((missing.data as { message: string }).message).toMatch(/location_id/)
    const extra = await attempt(api.get(`/admin/picking/orders?location_id=${main}&colour=red`, { headers }))
    expect(extra.status).toBe(400)
    const badLimit = await attempt(api.get(`/admin/picking/orders?location_id=${main}&limit=0`, { headers }))
    expect(badLimit.status).toBe(400)
    const unknownPlace = await attempt(api.get("/admin/picking/orders?location_id=sloc_missing", { headers }))
    expect([unknownPlace.status, (unknownPlace.data as { message: string }).message]).toEqual([404, "Stock location with id: sloc_missing was not found"])
    expect((await attempt(api.get(`/admin/picking/orders/${order.id}?location_id=sloc_missing`, { headers }))).status).toBe(404)
    expect((await attempt(api.get(`/admin/picking/orders/order_missing?location_id=${main}`, { headers }))).status).toBe(404)
    for (const body of [
      { code: "SOON", quantity: 0 },
      { code: "SOON", quantity: 1.5 },
      { code: "SOON", fefo_skip: "sometimes" },
    ]) {
      const res = await pickScan(order.id, body)
      expect(res.status).toBe(400)
    }
  })
}
