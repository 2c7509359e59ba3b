/**
 * Issue #7 "Picking by scan", end to end over HTTP: a shopper checks out, the order's lines are
 * allocated to lots by FEFO, and a picker scans lots at POST /admin/orders/:id/pick-scan. An
 * allocated lot is confirmed; another eligible lot of the item takes the allocation over (and the
 * fulfillment then ships it); a wrong item, a held or expired lot, an unreadable code and a lot
 * without free units are refused with nothing changed; two pickers racing for a lot's last free
 * unit cannot both get it. Every test ends with lot stock reconciled against Medusa's levels.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { gtinCheckDigit } from "../../../src/modules/lot/domain/gs1"
import { pickByScanWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import {
  byLot,
  changeLotStatus,
  dayInWordsFromNow,
  daysFromNow,
  eventTypes,
  getOrderLots,
  getPickList,
  lotEvents,
  lotTable,
  type LotView,
  receiveLot,
  reconciliation,
  setLotPolicy,
  shippedByFulfillment,
  stateSnapshot,
  waitForOrderLots,
} from "../../helpers/allocation"
import {
  attempt,
  createStockedProduct,
  fulfillOrder,
  placeOrder,
  setupStore,
  type Headers,
  type Order,
  type StoreSetup,
} from "../../helpers/store"

const GS = "\u001d"
const YOGURT_GTIN = `0950600013435${gtinCheckDigit("0950600013435")}`
/** A GS1 element string as a scanner sends it: GTIN, then the lot number. */
const gs1 = (gtin: string, lot: string) => `]d201${gtin}10${lot}`

/** Orders whose swap the `pickScanned` hook refuses (to prove the swap is rolled back). */
const refuseSwapFor = new Set<string>()

type PickScanAnswer = {
  outcome: "confirmed" | "swapped"
  line_item_id: string
  location_id: string
  lot?: { id: string; lot_number: string }
  quantity?: number
  from?: { lot_id: string; lot_number: string; quantity: number }[]
  to?: { lot_id: string; lot_number: string; quantity: number }
  message: string
}

export function pickByScanSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers
  let store: StoreSetup
  let main: string

  beforeAll(() => {
    // Registered once the app is up (only one handler per hook per process).
    pickByScanWorkflow.hooks.pickScanned(async ({ order_id }) => {
      if (refuseSwapFor.has(order_id)) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "pickScanned refused this pick (test)")
      }
      return new StepResponse(undefined)
    })
  })

  beforeEach(async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main] = store.locations
  })

  afterEach(async () => {
    const result = await reconciliation(api, headers)
    expect(result.findings).toEqual([])
    expect(result.in_balance).toBe(true)
  })

  const pickScan = (orderId: string, body: Record<string, unknown>) =>
    attempt(api.post(`/admin/orders/${orderId}/pick-scan`, body, { headers }))

  async function trackedProduct(title: string, sku: string, barcode?: string) {
    const { product, variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title, sku, stock: { [main]: 0 } })
    if (barcode) {
      await api.post(`/admin/products/${product.id}/variants/${variant.id}`, { barcode }, { headers })
    }
    await setLotPolicy(api, headers, inventoryItemId)
    return { variantId: variant.id, itemId: inventoryItemId }
  }

  const receive = (itemId: string, lot_number: string, quantity: number, extra: Partial<Parameters<typeof receiveLot>[2]> = {}) =>
    receiveLot(api, headers, { inventory_item_id: itemId, location_id: main, lot_number, quantity, ...extra })

  /**
   * Greek yogurt (GTIN on its barcode) at main: SOON 3 (25 days), MID 4 (60 days), FAR 10 (300
   * days), GONE 5 (expired 10 days ago, still "released"), HELD 5 (90 days, on hold).
   */
  async function yogurtShelf() {
    const product = await trackedProduct("Greek yogurt", "YOG-1", YOGURT_GTIN)
    const lots: Record<string, LotView> = {}
    lots.SOON = await receive(product.itemId, "SOON", 3, { expires_at: daysFromNow(25) })
    lots.MID = await receive(product.itemId, "MID", 4, { expires_at: daysFromNow(60) })
    lots.FAR = await receive(product.itemId, "FAR", 10, { expires_at: daysFromNow(300) })
    lots.GONE = await receive(product.itemId, "GONE", 5, { manufactured_at: daysFromNow(-200), expires_at: daysFromNow(-10) })
    lots.HELD = await receive(product.itemId, "HELD", 5, { expires_at: daysFromNow(90) })
    await changeLotStatus(api, headers, lots.HELD.id, "hold", { reason: "customer complaint: off taste" })
    return { ...product, lots }
  }

  /** Checks out `quantity` units and waits until the order.placed subscriber allocated them. */
  async function orderOf(variantId: string, quantity: number): Promise<{ order: Order; lineId: string }> {
    const order = await placeOrder(api, store, [{ variant_id: variantId, quantity }])
    await waitForOrderLots(api, headers, order)
    return { order, lineId: order.items[0].id }
  }

  async function allocatedByLot(orderId: string, lineId: string) {
    const lots = await getOrderLots(api, headers, orderId)
    return byLot(lots.lines.find((l) => l.line_item_id === lineId)!.allocated)
  }

  /** Sends a scan that must be refused with `message`, and checks nothing changed anywhere. */
  async function expectRefused(orderId: string, body: Record<string, unknown>, message: string) {
    const container = getContainer()
    const before = await stateSnapshot(container)
    const res = await pickScan(orderId, body)
    expect({ status: res.status, message: (res.data as { message?: string }).message }).toEqual({ status: 400, message })
    expect(await stateSnapshot(container)).toEqual(before)
  }

  // -------------------------------------------------------------------------------------------

  it("confirms a scan of the allocated lot (plain lot number or GS1 code) and changes nothing", async () => {
    const yog = await yogurtShelf()
    const { order, lineId } = await orderOf(yog.variantId, 3)
    expect(await allocatedByLot(order.id, lineId)).toEqual({ SOON: 3 })

    const before = await stateSnapshot(getContainer())
    for (const code of ["soon", gs1(YOGURT_GTIN, "SOON")]) {
      const res = await pickScan(order.id, { code })
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        outcome: "confirmed",
        line_item_id: lineId,
        location_id: main,
        lot: { id: yog.lots.SOON.id, lot_number: "SOON", expires_at: expect.any(String) },
        quantity: 3,
        message: "Lot SOON is the right lot: pick 3 units of Greek yogurt (SKU YOG-1).",
      })
    }
    expect(await stateSnapshot(getContainer())).toEqual(before)
  })

  it("swaps the line onto a scanned eligible lot, and the fulfillment ships the scanned lot", async () => {
    const yog = await yogurtShelf()
    const { order, lineId } = await orderOf(yog.variantId, 5)
    expect(await allocatedByLot(order.id, lineId)).toEqual({ SOON: 3, MID: 2 })

    const res = await pickScan(order.id, { code: gs1(YOGURT_GTIN, "FAR"), line_item_id: lineId, location_id: main })
    expect(res.status).toBe(200)
    const answer = res.data as PickScanAnswer
    expect(answer).toMatchObject({ outcome: "swapped", line_item_id: lineId, location_id: main })
    expect(answer.to).toEqual({ lot_id: yog.lots.FAR.id, lot_number: "FAR", quantity: 5 })
    expect(byLot(answer.from!)).toEqual({ SOON: 3, MID: 2 })
    expect(answer.message).toMatch(/^Picked lot FAR instead of (MID, SOON|SOON, MID) for Greek yogurt \(SKU YOG-1\) \(5 units\)\.$/)

    expect(await allocatedByLot(order.id, lineId)).toEqual({ FAR: 5 })
    const pick = await getPickList(api, headers, order.id)
    expect(pick.locations[0].picks.map((p) => [p.lot_number, p.quantity])).toEqual([["FAR", 5]])
    const table = await lotTable(api, headers, yog.itemId, main)
    expect([table.SOON, table.MID, table.FAR]).toEqual([
      { status: "released", quantity: 3, allocated: 0 },
      { status: "released", quantity: 4, allocated: 0 },
      { status: "released", quantity: 10, allocated: 5 },
    ])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.SOON.id))).toEqual([["received", 3], ["allocated", 3], ["deallocated", -3]])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.MID.id))).toEqual([["received", 4], ["allocated", 2], ["deallocated", -2]])
    const farEvents = await lotEvents(api, headers, yog.lots.FAR.id)
    expect(eventTypes(farEvents)).toEqual([["received", 10], ["allocated", 5]])
    expect(farEvents[1]).toMatchObject({ reference_type: "order", reference_id: order.id, data: { line_item_id: lineId } })

    // Scanning it again now confirms it.
    expect((await pickScan(order.id, { code: "FAR" })).data).toMatchObject({ outcome: "confirmed", quantity: 5 })

    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: lineId, quantity: 5 }], location_id: main })
    const line = (await getOrderLots(api, headers, order.id)).lines[0]
    expect(shippedByFulfillment(line)).toEqual({ [fulfillment.id]: { FAR: 5 } })
    expect(line.allocated).toEqual([])
    const shipped = await lotTable(api, headers, yog.itemId, main)
    expect([shipped.SOON, shipped.MID, shipped.FAR]).toEqual([
      { status: "released", quantity: 3, allocated: 0 },
      { status: "released", quantity: 4, allocated: 0 },
      { status: "released", quantity: 5, allocated: 0 },
    ])
  })

  it("a lot with fewer free units than the line takes over only those, from the latest-expiring lot first", async () => {
    const yog = await yogurtShelf()
    const { order, lineId } = await orderOf(yog.variantId, 5)
    expect(await allocatedByLot(order.id, lineId)).toEqual({ SOON: 3, MID: 2 })
    const TWO = await receive(yog.itemId, "TWO", 2, { expires_at: daysFromNow(200) })

    const res = await pickScan(order.id, { code: "TWO" })
    expect(res.status).toBe(200)
    expect(res.data).toMatchObject({
      outcome: "swapped",
      from: [{ lot_id: yog.lots.MID.id, lot_number: "MID", quantity: 2 }],
      to: { lot_id: TWO.id, lot_number: "TWO", quantity: 2 },
      message: "Picked lot TWO instead of MID for Greek yogurt (SKU YOG-1) (2 units). Pick the other 3 units from the pick list.",
    })
    expect(await allocatedByLot(order.id, lineId)).toEqual({ SOON: 3, TWO: 2 })
  })

  it("refuses a wrong item, a held lot, an expired lot, an unreadable code and a lot without free units, changing nothing", async () => {
    const yog = await yogurtShelf()
    const kefir = await trackedProduct("Kefir", "KEF-1")
    await receive(kefir.itemId, "K-1", 4, { expires_at: daysFromNow(90) })
    const first = await orderOf(yog.variantId, 3)
    expect(await allocatedByLot(first.order.id, first.lineId)).toEqual({ SOON: 3 })
    const { order } = await orderOf(yog.variantId, 2)
    expect(await allocatedByLot(order.id, order.items[0].id)).toEqual({ MID: 2 })
    const label = `#${order.display_id}`

    await expectRefused(order.id, { code: "K-1" }, `This is Kefir (SKU KEF-1), lot K-1, which is not on order ${label}.`)
    await expectRefused(
      order.id,
      { code: gs1(YOGURT_GTIN, "K-1") },
      "Lot K-1 belongs to Kefir (SKU KEF-1), not Greek yogurt (SKU YOG-1)."
    )
    await expectRefused(
      order.id,
      { code: "HELD" },
      "Do not pick lot HELD: it is on hold (customer complaint: off taste). Put it aside and scan another lot."
    )
    await expectRefused(
      order.id,
      { code: gs1(YOGURT_GTIN, "GONE") },
      `Do not pick lot GONE: it expires ${dayInWordsFromNow(-10)}, so it is expired at shipment. Put it aside and scan another lot.`
    )
    await expectRefused(
      order.id,
      { code: "SOON" },
      "Cannot pick lot SOON at Main warehouse: none of its 3 units there is free (the rest are promised to other orders or awaiting inspection). Pick the lot on the pick list instead."
    )
    await expectRefused(order.id, { code: "NOPE-9" }, "No lot NOPE-9 in this store.")

    // An unreadable code gets the parser's own words, exactly as the lot scan route gives them.
    const broken = `]d201${YOGURT_GTIN.slice(0, 13)}${(Number(YOGURT_GTIN[13]) + 1) % 10}10SOON`
    const parsed = await attempt(api.post("/admin/lots/scan", { code: broken }, { headers }))
    expect(parsed.status).toBe(400)
    await expectRefused(order.id, { code: broken }, (parsed.data as { message: string }).message)

    const invalid = await pickScan(order.id, { code: "SOON", colour: "red" })
    expect(invalid.status).toBe(400)
    const missing = await pickScan("order_missing", { code: "SOON" })
    expect(missing.status).toBe(404)
  })

  it("two pickers swapping onto the last free unit of a lot: exactly one gets it", async () => {
    const yog = await yogurtShelf()
    const a = await orderOf(yog.variantId, 1)
    const b = await orderOf(yog.variantId, 1)
    expect(await allocatedByLot(a.order.id, a.lineId)).toEqual({ SOON: 1 })
    expect(await allocatedByLot(b.order.id, b.lineId)).toEqual({ SOON: 1 })
    const LAST = await receive(yog.itemId, "LAST", 1, { expires_at: daysFromNow(400) })

    const results = await Promise.all([pickScan(a.order.id, { code: "LAST" }), pickScan(b.order.id, { code: "LAST" })])
    expect(results.map((r) => r.status).sort()).toEqual([200, 400])
    const refused = results.find((r) => r.status === 400)!
    expect((refused.data as { message: string }).message).toBe(
      "Cannot pick lot LAST at Main warehouse: none of its 1 unit there is free (the rest are promised to other orders or awaiting inspection). Pick the lot on the pick list instead."
    )
    const winner = results[0].status === 200 ? a : b
    const loser = winner === a ? b : a
    expect(await allocatedByLot(winner.order.id, winner.lineId)).toEqual({ LAST: 1 })
    expect(await allocatedByLot(loser.order.id, loser.lineId)).toEqual({ SOON: 1 })
    const table = await lotTable(api, headers, yog.itemId, main)
    expect([table.LAST, table.SOON]).toEqual([
      { status: "released", quantity: 1, allocated: 1 },
      { status: "released", quantity: 3, allocated: 1 },
    ])
    expect(eventTypes(await lotEvents(api, headers, LAST.id))).toEqual([["received", 1], ["allocated", 1]])
  })

  it("a swap refused after it was written (pickScanned hook) is swapped back", async () => {
    const yog = await yogurtShelf()
    const { order, lineId } = await orderOf(yog.variantId, 3)
    refuseSwapFor.add(order.id)
    try {
      const res = await pickScan(order.id, { code: "FAR" })
      expect({ status: res.status, message: (res.data as { message?: string }).message }).toEqual({
        status: 400,
        message: "pickScanned refused this pick (test)",
      })
    } finally {
      refuseSwapFor.delete(order.id)
    }
    expect(await allocatedByLot(order.id, lineId)).toEqual({ SOON: 3 })
    const table = await lotTable(api, headers, yog.itemId, main)
    expect([table.SOON, table.FAR]).toEqual([
      { status: "released", quantity: 3, allocated: 3 },
      { status: "released", quantity: 10, allocated: 0 },
    ])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.SOON.id))).toEqual([
      ["received", 3],
      ["allocated", 3],
      ["deallocated", -3],
      ["reverted", 0],
    ])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.FAR.id))).toEqual([
      ["received", 10],
      ["allocated", 3],
      ["deallocated", -3],
    ])
    // The line still ships from its allocated lot.
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: lineId, quantity: 3 }], location_id: main })
    expect(shippedByFulfillment((await getOrderLots(api, headers, order.id)).lines[0])).toEqual({ [fulfillment.id]: { SOON: 3 } })
  })
}
