/**
 * Shortfalls are allocated again as soon as stock may cover them: a held lot released again, a
 * lot received for an item whose order lines are short. What is still short afterwards carries
 * the reason as it is now. Units another line gives back (an order edit lowered it, a fulfillment
 * shipped it from another location) cover such a line at once. And a line partly fulfilled from another location than its
 * reservation keeps its remaining allocation where Medusa now reserves the line's remaining units.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { loginAsAdmin } from "../../helpers/admin"
import {
  allocationRows,
  byLot,
  changeLotStatus,
  daysFromNow,
  getOrderLots,
  lineTotals,
  lotStockRows,
  receiveLot,
  setLotPolicy,
  waitFor,
  waitForOrderLots,
  type OrderLotLine,
} from "../../helpers/allocation"
import { editOrder } from "../../helpers/order-changes"
import {
  createStockedProduct,
  fulfillOrder,
  placeOrder,
  reservationsFor,
  setupStore,
  type Headers,
  type StoreSetup,
} from "../../helpers/store"

export function shortfallReallocationSuite({ api, getContainer }: MedusaSuiteOptions) {
  let container: MedusaContainer
  let headers: Headers
  let store: StoreSetup
  let main: string
  let second: string

  beforeAll(() => {
    container = getContainer()
  })

  beforeEach(async () => {
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main, second] = store.locations
  })

  /** A lot-tracked product with `stock` units Medusa stocks per location that no lot holds. */
  const trackedProduct = async (sku: string, stock: Record<string, number> = { [main]: 0 }) => {
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title: sku, sku, stock })
    await setLotPolicy(api, headers, inventoryItemId)
    return { variantId: variant.id, itemId: inventoryItemId }
  }
  const receive = (itemId: string, lot_number: string, quantity: number, opts: { location_id?: string; days?: number; status?: "quarantine" } = {}) =>
    receiveLot(api, headers, {
      inventory_item_id: itemId,
      location_id: opts.location_id ?? main,
      lot_number,
      quantity,
      expires_at: daysFromNow(opts.days ?? 100),
      ...(opts.status && { status: opts.status }),
    })
  const lineOf = async (orderId: string): Promise<OrderLotLine> => (await getOrderLots(api, headers, orderId)).lines[0]

  it("a held lot released again covers the line's shortfall at once", async () => {
    const { variantId, itemId } = await trackedProduct("SR-HOLD")
    await receive(itemId, "A1", 2, { days: 100 })
    const a2 = await receive(itemId, "A2", 2, { days: 200 })
    const order = await placeOrder(api, store, [{ variant_id: variantId, quantity: 4 }])
    let line = (await waitForOrderLots(api, headers, order)).lines[0]
    expect(byLot(line.allocated)).toEqual({ A1: 2, A2: 2 })

    await changeLotStatus(api, headers, a2.id, "hold", { reason: "lab check" })
    line = await lineOf(order.id)
    expect(lineTotals(line)).toEqual({ allocated: 2, shipped: 0, short: 2 })

    await changeLotStatus(api, headers, a2.id, "release", {})
    line = await lineOf(order.id)
    expect(byLot(line.allocated)).toEqual({ A1: 2, A2: 2 })
    expect(line.shortfalls).toEqual([])
    expect((await lotStockRows(container, itemId)).map((s) => [s.lot_number, s.status, s.allocated_quantity])).toEqual([
      ["A1", "released", 2],
      ["A2", "released", 2],
    ])
  })

  it("units a canceled order gives back cover another order's shortfall at once", async () => {
    // Medusa stocks 2 units no lot holds, so it takes a second order the lots cannot cover.
    const { variantId, itemId } = await trackedProduct("SR-CANCEL", { [main]: 2 })
    await receive(itemId, "C1", 2)
    const first = await placeOrder(api, store, [{ variant_id: variantId, quantity: 2 }])
    expect(byLot((await waitForOrderLots(api, headers, first)).lines[0].allocated)).toEqual({ C1: 2 })
    const second = await placeOrder(api, store, [{ variant_id: variantId, quantity: 2 }])
    expect(lineTotals((await waitForOrderLots(api, headers, second)).lines[0])).toEqual({ allocated: 0, shipped: 0, short: 2 })

    await api.post(`/admin/orders/${first.id}/cancel`, {}, { headers })
    const line = await waitFor(() => lineOf(second.id), (l) => lineTotals(l).allocated === 2, { what: "the second order allocated from C1" })
    expect(byLot(line.allocated)).toEqual({ C1: 2 })
    expect(line.shortfalls).toEqual([])
  })

  it("units an order edit takes off a line cover another order's shortfall at once", async () => {
    const { variantId, itemId } = await trackedProduct("SR-EDIT", { [main]: 2 })
    await receive(itemId, "E1", 3)
    const first = await placeOrder(api, store, [{ variant_id: variantId, quantity: 3 }])
    expect(byLot((await waitForOrderLots(api, headers, first)).lines[0].allocated)).toEqual({ E1: 3 })
    const second = await placeOrder(api, store, [{ variant_id: variantId, quantity: 2 }])
    expect(lineTotals((await waitForOrderLots(api, headers, second)).lines[0])).toEqual({ allocated: 0, shipped: 0, short: 2 })

    await editOrder(api, headers, first.id, [{ item_id: first.items[0].id, quantity: 1 }])
    const line = await waitFor(() => lineOf(second.id), (l) => lineTotals(l).allocated === 2, { what: "the second order allocated from E1" })
    expect(byLot(line.allocated)).toEqual({ E1: 2 })
    expect(line.shortfalls).toEqual([])
    expect(byLot((await lineOf(first.id)).allocated)).toEqual({ E1: 1 })
  })

  it("units a fulfillment from another location gives back cover another order's shortfall there at once", async () => {
    // Medusa stocks 2 units at the second location that no lot holds: the second order is reserved there, short.
    const { variantId, itemId } = await trackedProduct("SR-ELSEWHERE", { [main]: 0, [second]: 2 })
    await receive(itemId, "S1", 2, { location_id: second })
    const first = await placeOrder(api, store, [{ variant_id: variantId, quantity: 2 }])
    const firstLine = (await waitForOrderLots(api, headers, first)).lines[0]
    expect(firstLine.allocated.map((a) => [a.lot_number, a.location_id, a.quantity])).toEqual([["S1", second, 2]])
    const later = await placeOrder(api, store, [{ variant_id: variantId, quantity: 2 }])
    const short = (await waitForOrderLots(api, headers, later)).lines[0]
    expect(lineTotals(short)).toEqual({ allocated: 0, shipped: 0, short: 2 })
    expect(short.shortfalls.map((f) => f.location_id)).toEqual([second])

    // The first order ships from main instead: its units of S1 at the second location are free again.
    await receive(itemId, "M1", 2)
    await fulfillOrder(api, headers, first.id, { items: [{ id: first.items[0].id, quantity: 2 }], location_id: main })
    const line = await waitFor(() => lineOf(later.id), (l) => lineTotals(l).allocated === 2, { what: "the later order allocated from S1" })
    expect(line.allocated.map((a) => [a.lot_number, a.location_id, a.quantity])).toEqual([["S1", second, 2]])
    expect(line.shortfalls).toEqual([])
    expect(byLot((await lineOf(first.id)).shipped)).toEqual({ M1: 2 })
  })

  it("a lot received for a short line is allocated to it; a receipt elsewhere or into quarantine leaves the shortfall as it was", async () => {
    // Units Medusa stocked before lot tracking: the order is accepted, no lot covers it.
    const { variantId, itemId } = await trackedProduct("SR-RECV", { [main]: 4, [second]: 0 })
    const order = await placeOrder(api, store, [{ variant_id: variantId, quantity: 4 }])
    let line = (await waitForOrderLots(api, headers, order)).lines[0]
    expect(line.shortfalls).toEqual([
      { quantity: 4, location_id: main, reason: "4 unit(s) not covered by any eligible lot", recorded_at: expect.any(String) },
    ])
    const recorded = line.shortfalls

    await receive(itemId, "ELSEWHERE", 4, { location_id: second })
    await receive(itemId, "QC", 4, { status: "quarantine" })
    line = await lineOf(order.id)
    expect(line.allocated).toEqual([])
    expect(line.shortfalls).toEqual(recorded)

    await receive(itemId, "N1", 3)
    line = await lineOf(order.id)
    expect(byLot(line.allocated)).toEqual({ N1: 3 })
    expect(line.shortfalls).toEqual([
      { quantity: 1, location_id: main, reason: "1 unit(s) not covered by any eligible lot: lot QC is quarantine", recorded_at: expect.any(String) },
    ])

    await receive(itemId, "N2", 1)
    line = await lineOf(order.id)
    expect(byLot(line.allocated)).toEqual({ N1: 3, N2: 1 })
    expect(line.shortfalls).toEqual([])
  })

  it("a released lot that covers part of a shortfall leaves the rest with the reason as it is now", async () => {
    const { variantId, itemId } = await trackedProduct("SR-PART")
    await receive(itemId, "C1", 2, { days: 100 })
    const c2 = await receive(itemId, "C2", 1, { days: 150 })
    const c3 = await receive(itemId, "C3", 1, { days: 200 })
    const order = await placeOrder(api, store, [{ variant_id: variantId, quantity: 4 }])
    let line = (await waitForOrderLots(api, headers, order)).lines[0]
    expect(byLot(line.allocated)).toEqual({ C1: 2, C2: 1, C3: 1 })

    await changeLotStatus(api, headers, c2.id, "hold", { reason: "seal check" })
    await changeLotStatus(api, headers, c3.id, "hold", { reason: "seal check" })
    line = await lineOf(order.id)
    expect(lineTotals(line)).toEqual({ allocated: 2, shipped: 0, short: 2 })
    expect(line.shortfalls[0].reason).toContain("lot C2 is on hold")

    await changeLotStatus(api, headers, c2.id, "release", {})
    line = await lineOf(order.id)
    expect(byLot(line.allocated)).toEqual({ C1: 2, C2: 1 })
    expect(line.shortfalls).toEqual([
      { quantity: 1, location_id: main, reason: "1 unit(s) not covered by any eligible lot: lot C3 is on hold", recorded_at: expect.any(String) },
    ])
  })

  it("a line partly fulfilled from another location keeps its remaining allocation where Medusa now reserves it", async () => {
    const { variantId, itemId } = await trackedProduct("SR-MOVE", { [main]: 0, [second]: 0 })
    await receive(itemId, "AT-MAIN", 4)
    const order = await placeOrder(api, store, [{ variant_id: variantId, quantity: 4 }])
    const lineId = order.items[0].id
    const line = (await waitForOrderLots(api, headers, order)).lines[0]
    expect(line.allocated.map((a) => [a.lot_number, a.location_id, a.quantity])).toEqual([["AT-MAIN", main, 4]])
    expect((await reservationsFor(container, [lineId])).map((r) => [r.location_id, r.quantity])).toEqual([[main, 4]])
    // Stock at the second location arrives after the order was reserved at main.
    await receive(itemId, "AT-SECOND", 4, { location_id: second })

    await fulfillOrder(api, headers, order.id, { items: [{ id: lineId, quantity: 1 }], location_id: second })

    // What Medusa 2.21 does: the rest of the reservation moves to the fulfillment's location.
    const reservations = await reservationsFor(container, [lineId])
    expect(reservations.map((r) => [r.location_id, r.quantity])).toEqual([[second, 3]])
    const openAt = async () =>
      (await allocationRows(container, itemId))
        .filter((a) => a.status === "open")
        .map((a) => [a.lot_number, a.location_id, a.quantity])
    expect(await waitFor(openAt, (open) => open.length === 1 && open[0][1] === second, { what: "allocation at the reservation's location" })).toEqual([
      ["AT-SECOND", second, 3],
    ])
    expect((await lotStockRows(container, itemId)).map((s) => [s.lot_number, s.location_id, s.quantity, s.allocated_quantity])).toEqual([
      ["AT-MAIN", main, 4, 0],
      ["AT-SECOND", second, 3, 3],
    ])

    // The rest ships from the second location, from the lot it is allocated.
    await fulfillOrder(api, headers, order.id, { items: [{ id: lineId, quantity: 3 }], location_id: second })
    const done = await lineOf(order.id)
    expect(done.allocated).toEqual([])
    expect(byLot(done.shipped)).toEqual({ "AT-SECOND": 4 })
  })
}
