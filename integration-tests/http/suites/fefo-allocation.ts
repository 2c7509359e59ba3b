/**
 * Issue "FEFO reservation and quality holds", end to end over HTTP: a shopper checks out, the
 * `order.placed` subscriber allocates lots (FEFO / FIFO / LIFO, min shelf life, holds and expiry
 * skipped, shortfalls recorded), the pick list shows what to pick, fulfillment takes the allocated
 * or picked lots (refusing wrong picks with nothing changed), holds re-allocate open orders, and
 * cancels give lots back. Every test ends with lot stock reconciled against Medusa's levels.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { allocateOrderLotsWorkflow, type NarrowEligibleLotsResult } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import {
  availableQuantity,
  tryPlaceOrder,
  cancelFulfillment,
  cancelOrder,
  createShipment,
  createStockedProduct,
  fulfillOrder,
  getOrder,
  inventoryLevels,
  placeOrder,
  setupStore,
  tryFulfillOrder,
  type Headers,
  type Order,
  type StoreSetup,
} from "../../helpers/store"
import {
  byLot,
  changeLotStatus,
  dayInWordsFromNow,
  daysFromNow,
  eventTypes,
  getOrderLots,
  getPickList,
  instantFromNow,
  isoDay,
  lineTotals,
  lotEvents,
  lotTable,
  type LotView,
  type OrderLotLine,
  type OrderLots,
  receiveLot,
  reconciliation,
  type RecordedEvent,
  recordEvents,
  setLotPolicy,
  shippedByFulfillment,
  stateSnapshot,
  waitFor,
  waitForOrderLots,
} from "../../helpers/allocation"

/** Order emails that steer the extension hooks registered below. */
const EMAIL = {
  exclude: "exclude-soon@lots.test",
  longLife: "long-life@lots.test",
  rollback: "rollback@lots.test",
}
/** What `narrowEligibleLots` does for an order email; tests fill it before they check out. */
const narrowing = new Map<string, { exclude_lot_ids?: string[]; min_remaining_shelf_life_days?: number }>()
/** Orders `lotsAllocated` saw, with the units allocated. */
const lotsAllocatedCalls: { order_id: string; email: string; units: number }[] = []

async function orderEmail(container: MedusaContainer, orderId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "email"], filters: { id: orderId } })
  return String((data[0] as { email?: string } | undefined)?.email ?? "")
}

export function fefoAllocationSuite({ api, getContainer }: MedusaSuiteOptions) {
  let events: RecordedEvent[] = []

  beforeAll(() => {
    // Registered once the app is up (only one handler per hook per process).
    allocateOrderLotsWorkflow.hooks.narrowEligibleLots(
      async ({ lines }, { container }): Promise<StepResponse<NarrowEligibleLotsResult>> => {
        const narrowed = []
        for (const line of lines) {
          const rule = narrowing.get(await orderEmail(container, line.order_id))
          narrowed.push(
            rule
              ? {
                  ...line,
                  excluded_lot_ids: [...(line.excluded_lot_ids ?? []), ...(rule.exclude_lot_ids ?? [])],
                  rules: {
                    ...line.rules,
                    min_remaining_shelf_life_days: Math.max(
                      line.rules.min_remaining_shelf_life_days,
                      rule.min_remaining_shelf_life_days ?? 0
                    ),
                  },
                }
              : line
          )
        }
        return new StepResponse({ lines: narrowed })
      }
    )
    allocateOrderLotsWorkflow.hooks.lotsAllocated(async ({ order_ids, allocations }, { container }) => {
      for (const order_id of order_ids) {
        const email = await orderEmail(container, order_id)
        const units = allocations
          .filter((a) => a.order_id === order_id)
          .reduce((t, a) => t + a.allocations.reduce((u, l) => u + l.quantity, 0), 0)
        lotsAllocatedCalls.push({ order_id, email, units })
        if (email === EMAIL.rollback) {
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "lotsAllocated refused this order (test)")
        }
      }
      return new StepResponse(undefined)
    })
    events = recordEvents(getContainer(), ["lot.allocated", "lot.allocation_shortfall"])
  })

  let headers: Headers
  let store: StoreSetup
  let main: string
  let second: string

  beforeEach(async () => {
    narrowing.clear()
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main, second] = store.locations
  })

  afterEach(async () => {
    // Every scenario must leave lot stock and Medusa's stocked quantities in agreement.
    const result = await reconciliation(api, headers)
    expect(result.findings).toEqual([])
    expect(result.in_balance).toBe(true)
  })


  /** The first recorded module event `name` about `orderId` (waits for it: events are emitted after the workflow). */
  async function waitForEvent(name: string, orderId: string): Promise<RecordedEvent> {
    const found = await waitFor(
      async () => events.find((e) => e.name === name && e.data.order_id === orderId),
      (e) => e !== undefined,
      { what: `${name} for ${orderId}` }
    )
    return found!
  }

  /** A lot-tracked product with no stock of its own at main: lot receipts will bring it. */
  async function trackedProduct(
    title: string,
    sku: string,
    policy: Parameters<typeof setLotPolicy>[3] = {}
  ): Promise<{ variantId: string; itemId: string }> {
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title, sku, stock: { [main]: 0 } })
    await setLotPolicy(api, headers, inventoryItemId, policy)
    return { variantId: variant.id, itemId: inventoryItemId }
  }

  const receive = (itemId: string, lot_number: string, quantity: number, extra: Partial<Parameters<typeof receiveLot>[2]> = {}) =>
    receiveLot(api, headers, { inventory_item_id: itemId, location_id: main, lot_number, quantity, ...extra })

  /**
   * The standard shelf at main, received in this order (so receipt order is not FEFO order):
   * FAR 10 (expires in 300 days), SOON 3 (25 days), GONE 5 (expired 10 days ago, still
   * "released": Medusa sells it), HELD 5 (5 days, put on hold), MID 4 (60 days).
   * Medusa: stocked 27, reserved 5 (the hold), available 22.
   */
  async function yogurtShelf(policy: Parameters<typeof setLotPolicy>[3] = {}) {
    const product = await trackedProduct("Greek yogurt", "YOG-1", policy)
    const lots: Record<string, LotView> = {}
    lots.FAR = await receive(product.itemId, "FAR", 10, { expires_at: daysFromNow(300) })
    lots.SOON = await receive(product.itemId, "SOON", 3, { expires_at: daysFromNow(25) })
    lots.GONE = await receive(product.itemId, "GONE", 5, { manufactured_at: daysFromNow(-200), expires_at: daysFromNow(-10) })
    lots.HELD = await receive(product.itemId, "HELD", 5, { expires_at: daysFromNow(5) })
    await changeLotStatus(api, headers, lots.HELD.id, "hold", { reason: "customer complaint: off taste" })
    lots.MID = await receive(product.itemId, "MID", 4, { expires_at: daysFromNow(60) })
    return { ...product, lots }
  }

  const levelAtMain = async (itemId: string) => (await inventoryLevels(api, headers, itemId))[main]
  const lineOf = (order: Order, variantId: string) => {
    const line = order.items.find((i) => i.variant_id === variantId)
    if (!line) throw new Error(`order ${order.id} has no line for ${variantId}`)
    return line
  }
  const lotsLine = (lots: OrderLots, lineId: string): OrderLotLine => {
    const line = lots.lines.find((l) => l.line_item_id === lineId)
    if (!line) throw new Error(`no line ${lineId} in ${JSON.stringify(lots)}`)
    return line
  }
  const checkout = (variantId: string, quantity: number, email?: string) =>
    placeOrder(api, store, [{ variant_id: variantId, quantity }], email ? { email } : {})
  /** Places an order and waits for the order.placed subscriber to settle its lines. */
  async function checkoutAndAllocate(variantId: string, quantity: number, email?: string) {
    const order = await checkout(variantId, quantity, email)
    const lots = await waitForOrderLots(api, headers, order)
    return { order, line: lotsLine(lots, order.items[0].id) }
  }

  /** Sends a fulfillment that must be refused with `message`, and checks nothing changed anywhere. */
  async function expectFulfillmentRefused(
    orderId: string,
    input: Parameters<typeof tryFulfillOrder>[3],
    message: string | RegExp
  ) {
    const container = getContainer()
    const before = await stateSnapshot(container)
    const fulfillmentsBefore = (await getOrder(api, headers, orderId)).fulfillments ?? []
    const res = await tryFulfillOrder(api, headers, orderId, input)
    expect({ status: res.status, data: res.data }).toEqual({
      status: 400,
      data: expect.objectContaining({ message: typeof message === "string" ? message : expect.stringMatching(message) }),
    })
    expect(await stateSnapshot(container)).toEqual(before)
    // No fulfillment on the order, not even a canceled one (Medusa's compensation unlinks it).
    const after = (await getOrder(api, headers, orderId)).fulfillments ?? []
    expect(after.map((f) => f.id)).toEqual(fulfillmentsBefore.map((f) => f.id))
  }

  // -------------------------------------------------------------------------------------------

  it("FEFO: earliest-expiring eligible lot first, expired / held / quarantined lots skipped, a line split across lots, pick list in FEFO order", async () => {
    const yog = await yogurtShelf()
    const QC = await receive(yog.itemId, "QC-1", 2, { expires_at: daysFromNow(3), status: "quarantine" })
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 29, reserved: 7, available: 22 })
    expect(await availableQuantity(api, store, yog.variantId)).toBe(22)

    const { order, line } = await checkoutAndAllocate(yog.variantId, 5, "ada@lots.test")
    expect(byLot(line.allocated)).toEqual({ SOON: 3, MID: 2 })
    expect(line.shipped).toEqual([])
    expect(line.shortfalls).toEqual([])
    for (const row of line.allocated) {
      expect(row).toMatchObject({ location_id: main, location_name: "Main warehouse", lot_status: "released", fulfillment_id: null })
    }

    const pick = await getPickList(api, headers, order.id)
    expect(pick.shortfalls).toEqual([])
    expect(pick.locations.map((l) => [l.location_id, l.location_name])).toEqual([[main, "Main warehouse"]])
    expect(pick.locations[0].picks.map((p) => [p.line_item_id, p.sku, p.lot_number, p.quantity, p.expires_at && isoDay(p.expires_at)])).toEqual([
      [order.items[0].id, "YOG-1", "SOON", 3, daysFromNow(25)],
      [order.items[0].id, "YOG-1", "MID", 2, daysFromNow(60)],
    ])

    expect(await lotTable(api, headers, yog.itemId, main)).toEqual({
      FAR: { status: "released", quantity: 10, allocated: 0 },
      SOON: { status: "released", quantity: 3, allocated: 3 },
      GONE: { status: "released", quantity: 5, allocated: 0 },
      HELD: { status: "on_hold", quantity: 5, allocated: 0 },
      MID: { status: "released", quantity: 4, allocated: 2 },
      "QC-1": { status: "quarantine", quantity: 2, allocated: 0 },
    })
    // Medusa: the order's 5 reserved on top of the 7 held back (hold + quarantine).
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 29, reserved: 12, available: 17 })
    expect(await availableQuantity(api, store, yog.variantId)).toBe(17)

    const soonEvents = await lotEvents(api, headers, yog.lots.SOON.id)
    expect(eventTypes(soonEvents)).toEqual([["received", 3], ["allocated", 3]])
    expect(soonEvents[1]).toMatchObject({ location_id: main, reference_type: "order", reference_id: order.id, data: { line_item_id: line.line_item_id } })
    expect(eventTypes(await lotEvents(api, headers, yog.lots.MID.id))).toEqual([["received", 4], ["allocated", 2]])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.GONE.id))).toEqual([["received", 5]])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.HELD.id))).toEqual([["received", 5], ["held", 0]])
    expect(eventTypes(await lotEvents(api, headers, QC.id))).toEqual([["received", 2]])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.FAR.id))).toEqual([["received", 10]])

    const allocatedEvent = await waitForEvent("lot.allocated", order.id)
    expect(allocatedEvent.data).toEqual({
      order_id: order.id,
      lines: [
        {
          line_item_id: line.line_item_id,
          location_id: main,
          lots: expect.arrayContaining([
            { lot_id: yog.lots.SOON.id, lot_number: "SOON", quantity: 3 },
            { lot_id: yog.lots.MID.id, lot_number: "MID", quantity: 2 },
          ]),
        },
      ],
    })

    // The next order continues down the FEFO list: SOON is spoken for, MID has 2 left, then FAR.
    const next = await checkoutAndAllocate(yog.variantId, 3)
    expect(byLot(next.line.allocated)).toEqual({ MID: 2, FAR: 1 })
    expect(next.line.shortfalls).toEqual([])
    const table = await lotTable(api, headers, yog.itemId, main)
    expect([table.MID, table.FAR, table.SOON]).toEqual([
      { status: "released", quantity: 4, allocated: 4 },
      { status: "released", quantity: 10, allocated: 1 },
      { status: "released", quantity: 3, allocated: 3 },
    ])
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 29, reserved: 15, available: 14 })
  })

  it("a customer cannot buy the units of a held or quarantined lot, and can again once it is released", async () => {
    const product = await trackedProduct("Kefir", "KEF-1")
    const good = await receive(product.itemId, "GOOD", 2, { expires_at: daysFromNow(90) })
    const held = await receive(product.itemId, "HOLD", 3, { expires_at: daysFromNow(90) })
    await receive(product.itemId, "QC", 4, { expires_at: daysFromNow(90), status: "quarantine" })
    await changeLotStatus(api, headers, held.id, "hold", { reason: "lab check" })
    expect(await availableQuantity(api, store, product.variantId)).toBe(2)

    const tooMany = await tryPlaceOrder(api, store, [{ variant_id: product.variantId, quantity: 3 }])
    expect(tooMany.ok).toBe(false)
    expect((await levelAtMain(product.itemId)).stocked).toBe(9)

    await changeLotStatus(api, headers, held.id, "release", {})
    expect(await availableQuantity(api, store, product.variantId)).toBe(5)
    const order = await tryPlaceOrder(api, store, [{ variant_id: product.variantId, quantity: 3 }])
    expect(order.ok).toBe(true)
    expect(good.lot_number).toBe("GOOD")
    if (order.ok) {
      await waitForOrderLots(api, headers, order.order)
    }
  })

  it("GET /admin/orders/:id/lots reports each line's ordered quantity", async () => {
    const yog = await yogurtShelf()
    const { order, line } = await checkoutAndAllocate(yog.variantId, 5)
    expect(byLot(line.allocated)).toEqual({ SOON: 3, MID: 2 })
    const lots = await getOrderLots(api, headers, order.id)
    expect(lots.lines.map((l) => [l.line_item_id, l.sku, l.quantity])).toEqual([[order.items[0].id, "YOG-1", 5]])
  })

  it("min_remaining_shelf_life_days: lots expiring within the minimum are skipped, at allocation and at picking", async () => {
    const yog = await yogurtShelf({ min_remaining_shelf_life_days: 30 })
    yog.lots.TEN = await receive(yog.itemId, "TEN", 2, { expires_at: daysFromNow(10) })
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 29, reserved: 5, available: 24 })

    const { order, line } = await checkoutAndAllocate(yog.variantId, 5)
    // TEN (10 days) and SOON (25 days) would be first by FEFO, but both have less than 30 days left.
    expect(byLot(line.allocated)).toEqual({ MID: 4, FAR: 1 })
    expect(line.shortfalls).toEqual([])
    const table = await lotTable(api, headers, yog.itemId, main)
    expect([table.TEN, table.SOON, table.MID, table.FAR]).toEqual([
      { status: "released", quantity: 2, allocated: 0 },
      { status: "released", quantity: 3, allocated: 0 },
      { status: "released", quantity: 4, allocated: 4 },
      { status: "released", quantity: 10, allocated: 1 },
    ])

    // A picker cannot ship the short-dated lot either.
    await expectFulfillmentRefused(
      order.id,
      { items: [{ id: line.line_item_id, quantity: 5 }], location_id: main, additional_data: { lots: [{ line_item_id: line.line_item_id, lot_number: "TEN", quantity: 2 }, { line_item_id: line.line_item_id, lot_number: "MID", quantity: 3 }] } },
      `Cannot fulfill 5 × YOG-1: picked lot TEN expires ${dayInWordsFromNow(10)}: less than the required 30 days of shelf life left at shipment.`
    )

    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.line_item_id, quantity: 5 }], location_id: main })
    const after = lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id)
    expect(after.allocated).toEqual([])
    expect(shippedByFulfillment(after)).toEqual({ [fulfillment.id]: { MID: 4, FAR: 1 } })
    const shipped = await lotTable(api, headers, yog.itemId, main)
    expect([shipped.TEN, shipped.SOON, shipped.MID, shipped.FAR]).toEqual([
      { status: "released", quantity: 2, allocated: 0 },
      { status: "released", quantity: 3, allocated: 0 },
      { status: "released", quantity: 0, allocated: 0 },
      { status: "released", quantity: 9, allocated: 0 },
    ])
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 24, reserved: 5, available: 19 })
  })

  it("shortfall: eligible stock short -> the line shows a shortfall naming the skipped lot, lot.allocation_shortfall is emitted, fulfillment of the short units is refused", async () => {
    const milk = await trackedProduct("Greek yogurt", "YOG-1")
    const gone = await receive(milk.itemId, "GONE", 5, { manufactured_at: daysFromNow(-200), expires_at: daysFromNow(-10) })
    const ok = await receive(milk.itemId, "OK-1", 2, { expires_at: daysFromNow(100) })
    // The expired lot is still "released" (the daily expiry job is a later feature): Medusa sells it.
    expect(await levelAtMain(milk.itemId)).toEqual({ stocked: 7, reserved: 0, available: 7 })

    const { order, line } = await checkoutAndAllocate(milk.variantId, 4)
    const reason = `2 unit(s) not covered by any eligible lot: lot GONE expires ${dayInWordsFromNow(-10)}, on or before the ship date ${dayInWordsFromNow(0)}`
    expect(byLot(line.allocated)).toEqual({ "OK-1": 2 })
    expect(line.shortfalls).toEqual([{ quantity: 2, location_id: main, reason, recorded_at: expect.any(String) }])

    const pick = await getPickList(api, headers, order.id)
    expect(pick.locations[0].picks.map((p) => [p.lot_number, p.quantity])).toEqual([["OK-1", 2]])
    expect(pick.shortfalls).toEqual([{ line_item_id: line.line_item_id, title: expect.any(String), quantity: 2, location_id: main, reason }])

    const shortEvent = await waitForEvent("lot.allocation_shortfall", order.id)
    expect(shortEvent.data).toEqual({
      order_id: order.id,
      lines: [{ line_item_id: line.line_item_id, inventory_item_id: milk.itemId, location_id: main, quantity: 2, reason }],
    })
    expect(await lotTable(api, headers, milk.itemId, main)).toEqual({
      GONE: { status: "released", quantity: 5, allocated: 0 },
      "OK-1": { status: "released", quantity: 2, allocated: 2 },
    })
    expect(eventTypes(await lotEvents(api, headers, gone.id))).toEqual([["received", 5]])
    expect(await levelAtMain(milk.itemId)).toEqual({ stocked: 7, reserved: 4, available: 3 })

    // Medusa would ship 4 from its shelf; the lots only allow 2.
    await expectFulfillmentRefused(
      order.id,
      { items: [{ id: line.line_item_id, quantity: 4 }], location_id: main },
      `Cannot fulfill 4 × YOG-1: only 2 of 4 unit(s) are in lots that may ship (lot GONE expires ${dayInWordsFromNow(-10)}, on or before the ship date ${dayInWordsFromNow(0)}).`
    )
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.line_item_id, quantity: 2 }], location_id: main })
    const after = lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id)
    expect(shippedByFulfillment(after)).toEqual({ [fulfillment.id]: { "OK-1": 2 } })
    expect(after.allocated).toEqual([])
    expect(after.shortfalls).toEqual([{ quantity: 2, location_id: main, reason, recorded_at: expect.any(String) }])
    expect(await lotTable(api, headers, milk.itemId, main)).toEqual({
      GONE: { status: "released", quantity: 5, allocated: 0 },
      "OK-1": { status: "released", quantity: 0, allocated: 0 },
    })
    expect(eventTypes(await lotEvents(api, headers, ok.id))).toEqual([["received", 2], ["allocated", 2], ["shipped", -2]])
    expect(await levelAtMain(milk.itemId)).toEqual({ stocked: 5, reserved: 2, available: 3 })
  })

  it("a shortfall is closed once the short line ships in full from stock received later", async () => {
    const milk = await trackedProduct("Greek yogurt", "YOG-1")
    await receive(milk.itemId, "GONE", 5, { manufactured_at: daysFromNow(-200), expires_at: daysFromNow(-10) })
    await receive(milk.itemId, "OK-1", 2, { expires_at: daysFromNow(100) })
    const { order, line } = await checkoutAndAllocate(milk.variantId, 4)
    expect(lineTotals(line)).toEqual({ allocated: 2, shipped: 0, short: 2 })

    // Fresh stock arrives; the picker ships the whole line (OK-1 2 + NEW-1 2).
    await receive(milk.itemId, "NEW-1", 3, { expires_at: daysFromNow(200) })
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.line_item_id, quantity: 4 }], location_id: main })
    const after = lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id)
    expect(shippedByFulfillment(after)).toEqual({ [fulfillment.id]: { "OK-1": 2, "NEW-1": 2 } })
    expect(after.allocated).toEqual([])
    // Nothing of the line is short any more.
    expect(after.shortfalls).toEqual([])
    expect((await getPickList(api, headers, order.id)).shortfalls).toEqual([])
  })

  it("FIFO and LIFO policies allocate (and fulfill) by received_at, not by expiry", async () => {
    const oat = await trackedProduct("Oat milk", "OAT-1", { strategy: "fifo" })
    const rye = await trackedProduct("Rye bread", "RYE-1", { strategy: "lifo" })
    // Receipt dates: OLD 90 days ago, MID 30 days ago, NEW 2 days ago; MID expires first.
    // Received out of order so neither creation time nor id order matches received_at.
    for (const [item, prefix] of [[oat.itemId, "OAT"], [rye.itemId, "RYE"]] as const) {
      await receive(item, `${prefix}-MID`, 3, { received_at: instantFromNow(-30), expires_at: daysFromNow(40) })
      await receive(item, `${prefix}-NEW`, 3, { received_at: instantFromNow(-2), expires_at: daysFromNow(300) })
      await receive(item, `${prefix}-OLD`, 3, { received_at: instantFromNow(-90), expires_at: daysFromNow(200) })
    }
    const oldLot: LotView = (await api.get(`/admin/lots?q=OAT-OLD`, { headers })).data.lots[0]
    expect(isoDay(oldLot.received_at)).toBe(daysFromNow(-90))

    const order = await placeOrder(api, store, [
      { variant_id: oat.variantId, quantity: 4 },
      { variant_id: rye.variantId, quantity: 4 },
    ])
    const lots = await waitForOrderLots(api, headers, order)
    const oatLine = lotsLine(lots, lineOf(order, oat.variantId).id)
    const ryeLine = lotsLine(lots, lineOf(order, rye.variantId).id)
    expect(byLot(oatLine.allocated)).toEqual({ "OAT-OLD": 3, "OAT-MID": 1 })
    expect(byLot(ryeLine.allocated)).toEqual({ "RYE-NEW": 3, "RYE-MID": 1 })
    expect([oatLine.shortfalls, ryeLine.shortfalls]).toEqual([[], []])

    // Fulfilling part of each line without picks follows each item's strategy too.
    const { fulfillment } = await fulfillOrder(api, headers, order.id, {
      items: [
        { id: oatLine.line_item_id, quantity: 1 },
        { id: ryeLine.line_item_id, quantity: 1 },
      ],
      location_id: main,
    })
    const after = await getOrderLots(api, headers, order.id)
    expect(shippedByFulfillment(lotsLine(after, oatLine.line_item_id))).toEqual({ [fulfillment.id]: { "OAT-OLD": 1 } })
    expect(shippedByFulfillment(lotsLine(after, ryeLine.line_item_id))).toEqual({ [fulfillment.id]: { "RYE-NEW": 1 } })
    expect(byLot(lotsLine(after, oatLine.line_item_id).allocated)).toEqual({ "OAT-OLD": 2, "OAT-MID": 1 })
    expect(byLot(lotsLine(after, ryeLine.line_item_id).allocated)).toEqual({ "RYE-NEW": 2, "RYE-MID": 1 })
    expect(await lotTable(api, headers, oat.itemId, main)).toEqual({
      "OAT-OLD": { status: "released", quantity: 2, allocated: 2 },
      "OAT-MID": { status: "released", quantity: 3, allocated: 1 },
      "OAT-NEW": { status: "released", quantity: 3, allocated: 0 },
    })
    expect(await lotTable(api, headers, rye.itemId, main)).toEqual({
      "RYE-OLD": { status: "released", quantity: 3, allocated: 0 },
      "RYE-MID": { status: "released", quantity: 3, allocated: 1 },
      "RYE-NEW": { status: "released", quantity: 2, allocated: 2 },
    })
    expect(await levelAtMain(oat.itemId)).toEqual({ stocked: 8, reserved: 3, available: 5 })
    expect(await levelAtMain(rye.itemId)).toEqual({ stocked: 8, reserved: 3, available: 5 })
  })

  it("fulfillment without picks ships the allocated lots; a partial fulfillment keeps the rest allocated; shipping changes no lot", async () => {
    const yog = await yogurtShelf()
    const { order, line } = await checkoutAndAllocate(yog.variantId, 5)
    expect(byLot(line.allocated)).toEqual({ SOON: 3, MID: 2 })

    const first = await fulfillOrder(api, headers, order.id, { items: [{ id: line.line_item_id, quantity: 2 }], location_id: main })
    let lots = lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id)
    expect(shippedByFulfillment(lots)).toEqual({ [first.fulfillment.id]: { SOON: 2 } })
    expect(byLot(lots.allocated)).toEqual({ SOON: 1, MID: 2 })
    expect(lots.shipped.every((s) => s.location_name === "Main warehouse")).toBe(true)
    let table = await lotTable(api, headers, yog.itemId, main)
    expect([table.SOON, table.MID, table.FAR]).toEqual([
      { status: "released", quantity: 1, allocated: 1 },
      { status: "released", quantity: 4, allocated: 2 },
      { status: "released", quantity: 10, allocated: 0 },
    ])
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 25, reserved: 8, available: 17 })
    const soonEvents = await lotEvents(api, headers, yog.lots.SOON.id)
    expect(eventTypes(soonEvents)).toEqual([["received", 3], ["allocated", 3], ["shipped", -2]])
    expect(soonEvents[2]).toMatchObject({
      location_id: main,
      reference_type: "fulfillment",
      reference_id: first.fulfillment.id,
      data: { order_id: order.id, line_item_id: line.line_item_id, picked: false },
    })

    const second = await fulfillOrder(api, headers, order.id, { items: [{ id: line.line_item_id, quantity: 3 }], location_id: main })
    lots = lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id)
    expect(lots.allocated).toEqual([])
    expect(shippedByFulfillment(lots)).toEqual({ [first.fulfillment.id]: { SOON: 2 }, [second.fulfillment.id]: { SOON: 1, MID: 2 } })
    table = await lotTable(api, headers, yog.itemId, main)
    expect([table.SOON, table.MID, table.FAR]).toEqual([
      { status: "released", quantity: 0, allocated: 0 },
      { status: "released", quantity: 2, allocated: 0 },
      { status: "released", quantity: 10, allocated: 0 },
    ])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.MID.id))).toEqual([["received", 4], ["allocated", 2], ["shipped", -2]])
    expect((await lotEvents(api, headers, yog.lots.MID.id))[2]).toMatchObject({ reference_type: "fulfillment", reference_id: second.fulfillment.id })
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 22, reserved: 5, available: 17 })

    // A shipment is paperwork for lots: nothing moves.
    const before = await stateSnapshot(getContainer())
    await createShipment(api, headers, order.id, first.fulfillment.id)
    const afterShipment = await stateSnapshot(getContainer())
    expect({ ...afterShipment, orderItems: [] }).toEqual({ ...before, orderItems: [] })
  })

  it("picker override: another eligible lot is accepted (the allocated lot is given back); wrong picks are refused with the lot and why, changing nothing", async () => {
    const yog = await yogurtShelf()
    const cola = await trackedProduct("Cola", "COLA-1")
    await receive(cola.itemId, "COLA-L1", 3)
    const a = await checkoutAndAllocate(yog.variantId, 2)
    const b = await checkoutAndAllocate(yog.variantId, 4)
    expect(byLot(a.line.allocated)).toEqual({ SOON: 2 })
    expect(byLot(b.line.allocated)).toEqual({ SOON: 1, MID: 3 })
    // A lot of this product stocked elsewhere (received after the orders were reserved at main).
    await receiveLot(api, headers, { inventory_item_id: yog.itemId, location_id: second, lot_number: "FAR-2ND", quantity: 1, expires_at: daysFromNow(300) })

    const lineId = a.line.line_item_id
    const fulfill2 = (lots: unknown) => ({ items: [{ id: lineId, quantity: 2 }], location_id: main, additional_data: { lots } })
    const pick = (ref: { lot_number?: string; lot_id?: string }, quantity = 2) => [{ line_item_id: lineId, ...ref, quantity }]
    const refusals: [unknown, string | RegExp][] = [
      [pick({ lot_number: "COLA-L1" }), "Cannot fulfill 2 × YOG-1: picked lot COLA-L1 is a different product."],
      [pick({ lot_number: "HELD" }), "Cannot fulfill 2 × YOG-1: picked lot HELD is on hold."],
      [pick({ lot_number: "GONE" }), `Cannot fulfill 2 × YOG-1: picked lot GONE expires ${dayInWordsFromNow(-10)}, on or before the ship date ${dayInWordsFromNow(0)}.`],
      [pick({ lot_number: "nope-9" }), 'Cannot fulfill 2 × YOG-1: picked lot "nope-9" does not exist.'],
      [pick({ lot_id: "lot_01DOESNOTEXIST" }), 'Cannot fulfill 2 × YOG-1: picked lot "lot_01DOESNOTEXIST" does not exist.'],
      [pick({ lot_number: "FAR" }, 1), "Cannot fulfill 2 × YOG-1: the picked lots add up to 1 unit(s), but 2 are being fulfilled."],
      [
        [...pick({ lot_number: "FAR" }), ...pick({ lot_number: "MID" }, 1)],
        "Cannot fulfill 2 × YOG-1: the picked lots add up to 3 unit(s), but 2 are being fulfilled.",
      ],
      [
        pick({ lot_number: "MID" }),
        "Cannot fulfill 2 × YOG-1: picked lot MID has only 1 unit(s) free here (the rest is promised to other orders); 2 picked.",
      ],
      [pick({ lot_number: "FAR-2ND" }), "Cannot fulfill 2 × YOG-1: picked lot FAR-2ND has no stock at this location."],
      // Malformed additional_data.lots.
      ["FAR", /^Invalid additional_data\.lots: additional_data\.lots must be a list of/],
      [[{ line_item_id: lineId, quantity: 2 }], "Invalid additional_data.lots: name the lot by lot_id or lot_number (one of them)"],
      [[{ line_item_id: lineId, lot_number: "FAR", lot_id: yog.lots.FAR.id, quantity: 2 }], "Invalid additional_data.lots: name the lot by lot_id or lot_number (one of them)"],
      [pick({ lot_number: "FAR" }, 0), /^Invalid additional_data\.lots: /],
      [[{ line_item_id: lineId, lot_number: "FAR", quantity: 2.5 }], /^Invalid additional_data\.lots: /],
      [[{ line_item_id: lineId, lot_number: "FAR", quantity: 2, colour: "red" }], /^Invalid additional_data\.lots: .*colour/],
      [
        [{ line_item_id: "ordli_not_in_this_fulfillment", lot_number: "FAR", quantity: 2 }],
        "Picked lot FAR names line ordli_not_in_this_fulfillment, which is not a lot-tracked line of this fulfillment.",
      ],
    ]
    for (const [lots, message] of refusals) {
      await expectFulfillmentRefused(a.order.id, fulfill2(lots), message)
    }
    expect(await lotTable(api, headers, yog.itemId, main)).toMatchObject({
      SOON: { status: "released", quantity: 3, allocated: 3 },
      MID: { status: "released", quantity: 4, allocated: 3 },
      FAR: { status: "released", quantity: 10, allocated: 0 },
    })
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 27, reserved: 11, available: 16 })

    // Accepted: the picker took FAR (named in lower case, with spaces) instead of the allocated SOON.
    const { fulfillment } = await fulfillOrder(api, headers, a.order.id, fulfill2(pick({ lot_number: "  far " })))
    const aLots = lotsLine(await getOrderLots(api, headers, a.order.id), lineId)
    expect(aLots.allocated).toEqual([])
    expect(shippedByFulfillment(aLots)).toEqual({ [fulfillment.id]: { FAR: 2 } })
    expect(await lotTable(api, headers, yog.itemId, main)).toMatchObject({
      SOON: { status: "released", quantity: 3, allocated: 1 },
      MID: { status: "released", quantity: 4, allocated: 3 },
      FAR: { status: "released", quantity: 8, allocated: 0 },
    })
    const soonEvents = await lotEvents(api, headers, yog.lots.SOON.id)
    expect(eventTypes(soonEvents).slice(-1)).toEqual([["deallocated", -2]])
    expect(soonEvents[soonEvents.length - 1]).toMatchObject({ reason: "fulfilled from other lots", reference_type: "order", reference_id: a.order.id })
    const farEvents = await lotEvents(api, headers, yog.lots.FAR.id)
    expect(eventTypes(farEvents)).toEqual([["received", 10], ["shipped", -2]])
    expect(farEvents[1]).toMatchObject({ reference_type: "fulfillment", reference_id: fulfillment.id, data: { order_id: a.order.id, line_item_id: lineId, picked: true } })
    // B is untouched and still allocated SOON 1 + MID 3.
    expect(byLot(lotsLine(await getOrderLots(api, headers, b.order.id), b.line.line_item_id).allocated)).toEqual({ SOON: 1, MID: 3 })

    // B ships 2 of its 4 from FAR (picked): B gives back its least preferred allocation (MID,
    // latest expiry), keeping SOON 1 + MID 1 for the rest.
    const bLine = b.line.line_item_id
    const b1 = await fulfillOrder(api, headers, b.order.id, {
      items: [{ id: bLine, quantity: 2 }],
      location_id: main,
      additional_data: { lots: [{ line_item_id: bLine, lot_number: "FAR", quantity: 2 }] },
    })
    let bLots = lotsLine(await getOrderLots(api, headers, b.order.id), bLine)
    expect(byLot(bLots.allocated)).toEqual({ SOON: 1, MID: 1 })
    expect(shippedByFulfillment(bLots)).toEqual({ [b1.fulfillment.id]: { FAR: 2 } })
    // Then the rest, picked by lot id and by number, split across two lots.
    const b2 = await fulfillOrder(api, headers, b.order.id, {
      items: [{ id: bLine, quantity: 2 }],
      location_id: main,
      additional_data: {
        lots: [
          { line_item_id: bLine, lot_id: yog.lots.MID.id, quantity: 1 },
          { line_item_id: bLine, lot_number: "SOON", quantity: 1 },
        ],
      },
    })
    bLots = lotsLine(await getOrderLots(api, headers, b.order.id), bLine)
    expect(bLots.allocated).toEqual([])
    expect(shippedByFulfillment(bLots)).toEqual({ [b1.fulfillment.id]: { FAR: 2 }, [b2.fulfillment.id]: { MID: 1, SOON: 1 } })
    expect(await lotTable(api, headers, yog.itemId, main)).toMatchObject({
      SOON: { status: "released", quantity: 2, allocated: 0 },
      MID: { status: "released", quantity: 3, allocated: 0 },
      FAR: { status: "released", quantity: 6, allocated: 0 },
    })
    expect(eventTypes(await lotEvents(api, headers, yog.lots.MID.id))).toEqual([
      ["received", 4],
      ["allocated", 3],
      ["deallocated", -2],
      ["shipped", -1],
    ])
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 21, reserved: 5, available: 16 })
  })

  it("hold after allocation: the line is re-allocated to another eligible lot, or shows a shortfall; fulfillment never takes the held lot", async () => {
    const yog = await yogurtShelf()
    const kefir = await trackedProduct("Kefir", "KEF-1")
    const k1 = await receive(kefir.itemId, "K1", 3, { expires_at: daysFromNow(30) })
    const order = await placeOrder(api, store, [
      { variant_id: yog.variantId, quantity: 5 },
      { variant_id: kefir.variantId, quantity: 3 },
    ])
    const yogLine = lineOf(order, yog.variantId).id
    const kefLine = lineOf(order, kefir.variantId).id
    let lots = await waitForOrderLots(api, headers, order)
    expect(byLot(lotsLine(lots, yogLine).allocated)).toEqual({ SOON: 3, MID: 2 })
    expect(byLot(lotsLine(lots, kefLine).allocated)).toEqual({ K1: 3 })

    // Hold SOON: its 3 units go back and the line is covered from MID (2 left) and FAR (1).
    const held = await changeLotStatus(api, headers, yog.lots.SOON.id, "hold", { reason: "seal defect reported" })
    expect(held.lot.status).toBe("on_hold")
    expect(held.status_change.released_allocations).toEqual([expect.objectContaining({ order_id: order.id, line_item_id: yogLine, quantity: 3 })])
    lots = await getOrderLots(api, headers, order.id)
    expect(byLot(lotsLine(lots, yogLine).allocated)).toEqual({ MID: 4, FAR: 1 })
    expect(lotsLine(lots, yogLine).shortfalls).toEqual([])
    expect(byLot(lotsLine(lots, kefLine).allocated)).toEqual({ K1: 3 })
    const table = await lotTable(api, headers, yog.itemId, main)
    expect([table.SOON, table.MID, table.FAR]).toEqual([
      { status: "on_hold", quantity: 3, allocated: 0 },
      { status: "released", quantity: 4, allocated: 4 },
      { status: "released", quantity: 10, allocated: 1 },
    ])
    const soonEvents = await lotEvents(api, headers, yog.lots.SOON.id)
    expect(eventTypes(soonEvents)).toEqual([["received", 3], ["allocated", 3], ["held", 0], ["deallocated", -3]])
    expect(soonEvents[3]).toMatchObject({ reason: "lot on hold", reference_type: "order", reference_id: order.id })
    // Medusa: the order's 5 + HELD 5 + SOON 3 now held back.
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 27, reserved: 13, available: 14 })

    // Hold K1, the only kefir lot: nothing else may cover the line -> shortfall naming K1.
    await changeLotStatus(api, headers, k1.id, "hold", { reason: "lab retest" })
    lots = await getOrderLots(api, headers, order.id)
    expect(lotsLine(lots, kefLine).allocated).toEqual([])
    expect(lotsLine(lots, kefLine).shortfalls).toEqual([
      { quantity: 3, location_id: main, reason: "3 unit(s) not covered by any eligible lot: lot K1 is on hold", recorded_at: expect.any(String) },
    ])
    expect(await lotTable(api, headers, kefir.itemId, main)).toEqual({ K1: { status: "on_hold", quantity: 3, allocated: 0 } })
    expect(await levelAtMain(kefir.itemId)).toEqual({ stocked: 3, reserved: 6, available: -3 })

    // Fulfilling the kefir line is refused with the reason; the yogurt line ships from MID and FAR.
    await expectFulfillmentRefused(
      order.id,
      { items: [{ id: yogLine, quantity: 5 }, { id: kefLine, quantity: 3 }], location_id: main },
      "Cannot fulfill 3 × KEF-1: only 0 of 3 unit(s) are in lots that may ship (lot K1 is on hold)."
    )
    await expectFulfillmentRefused(
      order.id,
      { items: [{ id: yogLine, quantity: 5 }], location_id: main, additional_data: { lots: [{ line_item_id: yogLine, lot_number: "SOON", quantity: 3 }, { line_item_id: yogLine, lot_number: "MID", quantity: 2 }] } },
      "Cannot fulfill 5 × YOG-1: picked lot SOON is on hold."
    )
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: yogLine, quantity: 5 }], location_id: main })
    lots = await getOrderLots(api, headers, order.id)
    expect(shippedByFulfillment(lotsLine(lots, yogLine))).toEqual({ [fulfillment.id]: { MID: 4, FAR: 1 } })
    expect(lotsLine(lots, yogLine).allocated).toEqual([])
    const after = await lotTable(api, headers, yog.itemId, main)
    expect([after.SOON, after.HELD, after.MID, after.FAR]).toEqual([
      { status: "on_hold", quantity: 3, allocated: 0 },
      { status: "on_hold", quantity: 5, allocated: 0 },
      { status: "released", quantity: 0, allocated: 0 },
      { status: "released", quantity: 9, allocated: 0 },
    ])
    expect(eventTypes(await lotEvents(api, headers, yog.lots.SOON.id))).toEqual([["received", 3], ["allocated", 3], ["held", 0], ["deallocated", -3]])
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 22, reserved: 8, available: 14 })
  })

  it("cancel fulfillment returns the lot units and re-allocates (a held lot's units are held back again); cancel order releases every allocation", async () => {
    const yog = await yogurtShelf()
    const { order, line } = await checkoutAndAllocate(yog.variantId, 5)
    expect(byLot(line.allocated)).toEqual({ SOON: 3, MID: 2 })

    // Whole line shipped, then the fulfillment canceled: lots back, line re-allocated by FEFO.
    const full = await fulfillOrder(api, headers, order.id, { items: [{ id: line.line_item_id, quantity: 5 }], location_id: main })
    expect(await lotTable(api, headers, yog.itemId, main)).toMatchObject({
      SOON: { quantity: 0, allocated: 0 },
      MID: { quantity: 2, allocated: 0 },
    })
    await cancelFulfillment(api, headers, order.id, full.fulfillment.id)
    let lots = await waitForOrderLots(api, headers, order, (l) => l.lines[0].shipped.length === 0 && l.lines[0].allocated.reduce((t, a) => t + a.quantity, 0) === 5)
    expect(byLot(lots.lines[0].allocated)).toEqual({ SOON: 3, MID: 2 })
    expect(lots.lines[0].shortfalls).toEqual([])
    expect(await lotTable(api, headers, yog.itemId, main)).toMatchObject({
      SOON: { status: "released", quantity: 3, allocated: 3 },
      MID: { status: "released", quantity: 4, allocated: 2 },
      FAR: { status: "released", quantity: 10, allocated: 0 },
    })
    const soonEvents = await lotEvents(api, headers, yog.lots.SOON.id)
    expect(eventTypes(soonEvents)).toEqual([["received", 3], ["allocated", 3], ["shipped", -3], ["fulfillment_canceled", 3], ["allocated", 3]])
    expect(soonEvents[3]).toMatchObject({ reference_type: "fulfillment", reference_id: full.fulfillment.id, reason: "fulfillment canceled" })
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 27, reserved: 10, available: 17 })

    // Ship 2 (from SOON), hold SOON (its last allocated unit moves to MID), then cancel that
    // fulfillment: the 2 units go back into the held lot and stay out of sale; the line is
    // covered from MID and FAR.
    const part = await fulfillOrder(api, headers, order.id, { items: [{ id: line.line_item_id, quantity: 2 }], location_id: main })
    expect(shippedByFulfillment(lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id))).toEqual({ [part.fulfillment.id]: { SOON: 2 } })
    await changeLotStatus(api, headers, yog.lots.SOON.id, "hold", { reason: "seal defect reported" })
    expect(byLot(lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id).allocated)).toEqual({ MID: 3 })
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 25, reserved: 3 + 5 + 1, available: 16 })
    await cancelFulfillment(api, headers, order.id, part.fulfillment.id)
    lots = await waitForOrderLots(api, headers, order, (l) => l.lines[0].shipped.length === 0 && l.lines[0].allocated.reduce((t, a) => t + a.quantity, 0) === 5)
    expect(byLot(lots.lines[0].allocated)).toEqual({ MID: 4, FAR: 1 })
    expect(await lotTable(api, headers, yog.itemId, main)).toMatchObject({
      SOON: { status: "on_hold", quantity: 3, allocated: 0 },
      MID: { status: "released", quantity: 4, allocated: 4 },
      FAR: { status: "released", quantity: 10, allocated: 1 },
    })
    // The order's 5 + HELD 5 + SOON 3 (all of it held back again).
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 27, reserved: 13, available: 14 })

    // Cancel the order: every allocation goes back.
    await cancelOrder(api, headers, order.id)
    lots = await waitForOrderLots(api, headers, order, (l) => l.lines[0].allocated.length === 0)
    expect(lots.lines[0]).toMatchObject({ allocated: [], shipped: [], shortfalls: [] })
    expect(await lotTable(api, headers, yog.itemId, main)).toEqual({
      FAR: { status: "released", quantity: 10, allocated: 0 },
      SOON: { status: "on_hold", quantity: 3, allocated: 0 },
      GONE: { status: "released", quantity: 5, allocated: 0 },
      HELD: { status: "on_hold", quantity: 5, allocated: 0 },
      MID: { status: "released", quantity: 4, allocated: 0 },
    })
    const midEvents = await lotEvents(api, headers, yog.lots.MID.id)
    expect(midEvents[midEvents.length - 1]).toMatchObject({ type: "deallocated", reason: "order canceled", reference_id: order.id })
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 27, reserved: 8, available: 19 })
    expect((await getPickList(api, headers, order.id)).locations).toEqual([])
  })

  it("extension hooks: narrowEligibleLots excludes a lot or raises the minimum shelf life per order; lotsAllocated throwing rolls the allocation back", async () => {
    const yog = await yogurtShelf()
    narrowing.set(EMAIL.exclude, { exclude_lot_ids: [yog.lots.SOON.id] })
    narrowing.set(EMAIL.longLife, { min_remaining_shelf_life_days: 100 })

    const excluded = await checkoutAndAllocate(yog.variantId, 5, EMAIL.exclude)
    expect(byLot(excluded.line.allocated)).toEqual({ MID: 4, FAR: 1 })
    const longLife = await checkoutAndAllocate(yog.variantId, 2, EMAIL.longLife)
    expect(byLot(longLife.line.allocated)).toEqual({ FAR: 2 })
    const plain = await checkoutAndAllocate(yog.variantId, 2, "plain@lots.test")
    expect(byLot(plain.line.allocated)).toEqual({ SOON: 2 })
    expect(lotsAllocatedCalls.filter((c) => [excluded.order.id, longLife.order.id, plain.order.id].includes(c.order_id))).toEqual([
      { order_id: excluded.order.id, email: EMAIL.exclude, units: 5 },
      { order_id: longLife.order.id, email: EMAIL.longLife, units: 2 },
      { order_id: plain.order.id, email: "plain@lots.test", units: 2 },
    ])
    const before = await lotTable(api, headers, yog.itemId, main)
    expect([before.SOON, before.MID, before.FAR]).toEqual([
      { status: "released", quantity: 3, allocated: 2 },
      { status: "released", quantity: 4, allocated: 4 },
      { status: "released", quantity: 10, allocated: 3 },
    ])

    // lotsAllocated refuses: the allocation (SOON 1 + FAR 1) is undone, nothing stays allocated.
    const rollback = await checkout(yog.variantId, 2, EMAIL.rollback)
    const soonEvents = await waitFor(
      () => lotEvents(api, headers, yog.lots.SOON.id),
      (evts) => evts.some((e) => e.type === "deallocated" && e.reference_id === rollback.id),
      { what: "the rolled back allocation" }
    )
    expect(soonEvents.filter((e) => e.reference_id === rollback.id).map((e) => [e.type, e.quantity, e.reason])).toEqual([
      ["allocated", 1, null],
      ["deallocated", -1, "allocation reverted"],
    ])
    expect(lotsAllocatedCalls.filter((c) => c.order_id === rollback.id)).toEqual([{ order_id: rollback.id, email: EMAIL.rollback, units: 2 }])
    const rolledBack = await getOrderLots(api, headers, rollback.id)
    expect(rolledBack.lines[0]).toMatchObject({ allocated: [], shipped: [], shortfalls: [] })
    expect(await lotTable(api, headers, yog.itemId, main)).toEqual(before)
    expect(events.filter((e) => e.data.order_id === rollback.id)).toEqual([])
    expect(await levelAtMain(yog.itemId)).toEqual({ stocked: 27, reserved: 5 + 11, available: 11 })

    // The integrity check names the line the hook left without lots (a repair would ask the hook again).
    expect((await reconciliation(api, headers)).findings).toEqual([
      expect.objectContaining({ check: "allocation", order_id: rollback.id, expected: 2, actual: 0, repair: "automatic" }),
    ])
    await cancelOrder(api, headers, rollback.id)
  })

  it("a hold that leaves a line short emits lot.allocation_shortfall", async () => {
    const kefir = await trackedProduct("Kefir", "KEF-1")
    const k1 = await receive(kefir.itemId, "K1", 3, { expires_at: daysFromNow(30) })
    const { order, line } = await checkoutAndAllocate(kefir.variantId, 3)
    expect(byLot(line.allocated)).toEqual({ K1: 3 })
    await waitForEvent("lot.allocated", order.id)

    await changeLotStatus(api, headers, k1.id, "hold", { reason: "lab retest" })
    const reason = "3 unit(s) not covered by any eligible lot: lot K1 is on hold"
    expect(lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id).shortfalls).toEqual([
      { quantity: 3, location_id: main, reason, recorded_at: expect.any(String) },
    ])
    const event = await waitFor(
      async () => events.find((e) => e.name === "lot.allocation_shortfall" && e.data.order_id === order.id),
      (e) => e !== undefined,
      { what: "lot.allocation_shortfall after the hold", timeout: 3_000 }
    )
    expect(event!.data).toEqual({
      order_id: order.id,
      lines: [{ line_item_id: line.line_item_id, inventory_item_id: kefir.itemId, location_id: main, quantity: 3, reason }],
    })
  })

  it("extension hooks: a hold's re-allocation still applies the order's narrowed rules", async () => {
    const yog = await yogurtShelf()
    narrowing.set(EMAIL.longLife, { min_remaining_shelf_life_days: 100 })
    const { order, line } = await checkoutAndAllocate(yog.variantId, 3, EMAIL.longLife)
    expect(byLot(line.allocated)).toEqual({ FAR: 3 })

    await changeLotStatus(api, headers, yog.lots.FAR.id, "hold", { reason: "temperature excursion" })
    const after = lotsLine(await getOrderLots(api, headers, order.id), line.line_item_id)
    // No other lot has 100 days left (SOON 25, MID 60): the line must be short, not on SOON.
    expect(after.allocated).toEqual([])
    expect(after.shortfalls).toEqual([expect.objectContaining({ quantity: 3 })])
  })
}
