/**
 * Issue "Lot quantities stay true through every Medusa order flow", cases 1 and 2: a line's lot
 * allocations follow every change of the order's lines. An order edit that lowers or removes a
 * line gives its surplus back (least preferred lots first) before anyone picks it; units an edit
 * adds are allocated (or recorded short); the outbound lines of claims and exchanges are allocated
 * by FEFO as soon as they are confirmed; a draft order is allocated when it is converted to an
 * order. Everything driven through Medusa's own admin routes.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { loginAsAdmin } from "../../helpers/admin"
import {
  byLot,
  daysFromNow,
  eventTypes,
  getOrderLots,
  getPickList,
  lineTotals,
  lotEvents,
  lotTable,
  receiveLot,
  reconciliation,
  setLotPolicy,
  waitFor,
  waitForOrderLots,
  type OrderLotLine,
  type OrderLots,
} from "../../helpers/allocation"
import { claimWithReplacement, editOrder, exchangeItems } from "../../helpers/order-changes"
import {
  attempt, createStockedProduct, fulfillOrder, getOrder, inventoryLevels, placeOrder, post, setupStore, type Headers, type StoreSetup,
} from "../../helpers/store"

export function orderEditsClaimsExchangesSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers
  let store: StoreSetup
  let main: string

  beforeEach(async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    main = store.locations[0]
  })

  afterEach(async () => {
    const result = await reconciliation(api, headers)
    expect(result.findings).toEqual([])
    expect(result.in_balance).toBe(true)
  })

  /** A lot-tracked product (FEFO) whose stock at main comes from lot receipts only. */
  async function trackedProduct(title: string, sku: string) {
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title, sku, stock: { [main]: 0 } })
    await setLotPolicy(api, headers, inventoryItemId)
    return { variantId: variant.id, itemId: inventoryItemId }
  }
  const receive = (itemId: string, lot_number: string, quantity: number, expiresInDays: number) =>
    receiveLot(api, headers, { inventory_item_id: itemId, location_id: main, lot_number, quantity, expires_at: daysFromNow(expiresInDays) })

  /** Places a one-line order and waits for order.placed to allocate it. */
  async function placeAndAllocate(variantId: string, quantity: number) {
    const order = await placeOrder(api, store, [{ variant_id: variantId, quantity }])
    await waitForOrderLots(api, headers, order)
    return { order, lineId: order.items[0].id }
  }
  const fulfilAtMain = (orderId: string, lineId: string, quantity: number) =>
    fulfillOrder(api, headers, orderId, { items: [{ id: lineId, quantity }], location_id: main })

  const lineIn = (lots: OrderLots, lineId: string): OrderLotLine | undefined => lots.lines.find((l) => l.line_item_id === lineId)
  /** Waits until `check` accepts the order's lots (the edit / claim / exchange subscribers run after the request). */
  const waitForLots = (orderId: string, what: string, check: (lots: OrderLots) => boolean) =>
    waitFor(() => getOrderLots(api, headers, orderId), check, { what })
  const allocatedOf = (lots: OrderLots, lineId: string) => {
    const line = lineIn(lots, lineId)
    return line ? lineTotals(line).allocated : 0
  }
  /** Every unit of the pick list, per line. */
  async function pickedPerLine(orderId: string) {
    const out: Record<string, number> = {}
    for (const location of (await getPickList(api, headers, orderId)).locations) {
      for (const pick of location.picks) out[pick.line_item_id] = (out[pick.line_item_id] ?? 0) + pick.quantity
    }
    return out
  }

  it("an edit lowering a line 3 → 1 gives 2 units back: after fulfilling the 1, the next order of 4 is fully allocated and ships", async () => {
    const tea = await trackedProduct("Green tea", "TEA-1")
    const lot = await receive(tea.itemId, "TEA-A", 5, 200)
    const { order, lineId } = await placeAndAllocate(tea.variantId, 3)
    expect((await lotTable(api, headers, tea.itemId, main))["TEA-A"]).toEqual({ status: "released", quantity: 5, allocated: 3 })

    await editOrder(api, headers, order.id, [{ item_id: lineId, quantity: 1 }])
    const lots = await waitForLots(order.id, "the edit's release", (l) => allocatedOf(l, lineId) === 1)
    expect(byLot(lineIn(lots, lineId)!.allocated)).toEqual({ "TEA-A": 1 })
    expect(lineIn(lots, lineId)!.shortfalls).toEqual([])
    expect(await pickedPerLine(order.id)).toEqual({ [lineId]: 1 })
    expect((await lotTable(api, headers, tea.itemId, main))["TEA-A"]).toEqual({ status: "released", quantity: 5, allocated: 1 })
    expect(eventTypes(await lotEvents(api, headers, lot.id))).toEqual([["received", 5], ["allocated", 3], ["deallocated", -2]])

    await fulfilAtMain(order.id, lineId, 1)
    expect((await lotTable(api, headers, tea.itemId, main))["TEA-A"]).toEqual({ status: "released", quantity: 4, allocated: 0 })

    const next = await placeOrder(api, store, [{ variant_id: tea.variantId, quantity: 4 }])
    const nextLots = await waitForOrderLots(api, headers, next)
    expect(byLot(nextLots.lines[0].allocated)).toEqual({ "TEA-A": 4 })
    expect(nextLots.lines[0].shortfalls).toEqual([])
    await fulfilAtMain(next.id, next.items[0].id, 4)
    expect((await lotTable(api, headers, tea.itemId, main))["TEA-A"]).toEqual({ status: "released", quantity: 0, allocated: 0 })
  })

  it("an edit lowering a line gives back its least preferred lot first; removing a line gives back all of it and the pick list drops it", async () => {
    const tea = await trackedProduct("Black tea", "TEA-2")
    const honey = await trackedProduct("Honey", "HON-1")
    await receive(tea.itemId, "SOON", 2, 20)
    await receive(tea.itemId, "LATE", 5, 300)
    await receive(honey.itemId, "HON-A", 3, 400)
    const order = await placeOrder(api, store, [
      { variant_id: tea.variantId, quantity: 4 },
      { variant_id: honey.variantId, quantity: 2 },
    ])
    const teaLine = order.items.find((i) => i.variant_id === tea.variantId)!.id
    const honeyLine = order.items.find((i) => i.variant_id === honey.variantId)!.id
    const placed = await waitForOrderLots(api, headers, order)
    expect(byLot(lineIn(placed, teaLine)!.allocated)).toEqual({ SOON: 2, LATE: 2 })

    await editOrder(api, headers, order.id, [
      { item_id: teaLine, quantity: 3 },
      { item_id: honeyLine, quantity: 0 },
    ])
    const lots = await waitForLots(order.id, "the edit's release", (l) => allocatedOf(l, teaLine) === 3 && allocatedOf(l, honeyLine) === 0)
    // LATE keeps longest: it is the one that gives its unit back.
    expect(byLot(lineIn(lots, teaLine)!.allocated)).toEqual({ SOON: 2, LATE: 1 })
    expect(await pickedPerLine(order.id)).toEqual({ [teaLine]: 3 })
    expect(await lotTable(api, headers, honey.itemId, main)).toEqual({ "HON-A": { status: "released", quantity: 3, allocated: 0 } })
    expect(await lotTable(api, headers, tea.itemId, main)).toEqual({
      SOON: { status: "released", quantity: 2, allocated: 2 },
      LATE: { status: "released", quantity: 5, allocated: 1 },
    })
  })

  it("an edit of a partly fulfilled line 4 → 3 leaves exactly its 1 unfulfilled unit allocated, whatever Medusa reserves", async () => {
    const tea = await trackedProduct("Rooibos", "TEA-6")
    await receive(tea.itemId, "ROO-A", 10, 200)
    const { order, lineId } = await placeAndAllocate(tea.variantId, 4)
    await fulfilAtMain(order.id, lineId, 2)
    expect((await lotTable(api, headers, tea.itemId, main))["ROO-A"]).toEqual({ status: "released", quantity: 8, allocated: 2 })

    await editOrder(api, headers, order.id, [{ item_id: lineId, quantity: 3 }])
    await waitForLots(order.id, "the edit's release", (l) => allocatedOf(l, lineId) === 1)
    expect((await lotTable(api, headers, tea.itemId, main))["ROO-A"]).toEqual({ status: "released", quantity: 8, allocated: 1 })
    // Medusa re-reserved the whole line (3); the surplus over its 1 open unit was trimmed.
    expect((await inventoryLevels(api, headers, tea.itemId))[main]).toEqual({ stocked: 8, reserved: 1, available: 7 })
    await fulfilAtMain(order.id, lineId, 1)
    expect((await lotTable(api, headers, tea.itemId, main))["ROO-A"]).toEqual({ status: "released", quantity: 7, allocated: 0 })
    expect((await inventoryLevels(api, headers, tea.itemId))[main]).toEqual({ stocked: 7, reserved: 0, available: 7 })
  })

  it("an edit Medusa refuses for lack of stock leaves no reservation on a fulfilled line (its rollback restores deleted ones)", async () => {
    const tea = await trackedProduct("Hibiscus", "TEA-7")
    await receive(tea.itemId, "HIB-A", 2, 200)
    const { order, lineId } = await placeAndAllocate(tea.variantId, 1)
    await fulfilAtMain(order.id, lineId, 1)
    expect((await inventoryLevels(api, headers, tea.itemId))[main]).toEqual({ stocked: 1, reserved: 0, available: 1 })

    await post(api, "/admin/order-edits", { order_id: order.id }, headers)
    await post(api, `/admin/order-edits/${order.id}/items/item/${lineId}`, { quantity: 3 }, headers)
    await post(api, `/admin/order-edits/${order.id}/request`, {}, headers)
    const refused = await attempt(api.post(`/admin/order-edits/${order.id}/confirm`, {}, { headers }))
    expect([refused.status, (refused.data as { message: string }).message]).toEqual([400, expect.stringMatching(/Not enough stock/)])

    await waitFor(() => inventoryLevels(api, headers, tea.itemId), (levels) => levels[main].reserved === 0, {
      what: "the reservation Medusa's rollback restored on the fulfilled line to be trimmed",
    })
    expect((await lotTable(api, headers, tea.itemId, main))["HIB-A"]).toEqual({ status: "released", quantity: 1, allocated: 0 })
  })

  it("an edit adding a line and increasing one allocates the added units by FEFO, and records a shortfall where no lot may ship", async () => {
    const tea = await trackedProduct("Oolong", "TEA-3")
    const jam = await trackedProduct("Jam", "JAM-1")
    await receive(tea.itemId, "SOON", 3, 20)
    await receive(tea.itemId, "LATE", 5, 300)
    // Expired but still released: Medusa sells it, no lot may ship it.
    await receiveLot(api, headers, {
      inventory_item_id: jam.itemId,
      location_id: main,
      lot_number: "JAM-OLD",
      quantity: 3,
      manufactured_at: daysFromNow(-300),
      expires_at: daysFromNow(-10),
    })
    const { order, lineId: teaLine } = await placeAndAllocate(tea.variantId, 2)

    await editOrder(api, headers, order.id, [{ item_id: teaLine, quantity: 4 }, { add: { variant_id: jam.variantId, quantity: 2 } }])
    const edited = await getOrder(api, headers, order.id)
    const jamLine = edited.items.find((i) => i.variant_id === jam.variantId)!.id
    const lots = await waitForLots(
      order.id,
      "the edit's allocation",
      (l) => allocatedOf(l, teaLine) === 4 && (lineIn(l, jamLine)?.shortfalls.length ?? 0) > 0
    )
    expect(byLot(lineIn(lots, teaLine)!.allocated)).toEqual({ SOON: 3, LATE: 1 })
    expect(lineIn(lots, teaLine)!.shortfalls).toEqual([])
    const jamLots = lineIn(lots, jamLine)!
    expect(jamLots.allocated).toEqual([])
    expect(jamLots.shortfalls).toEqual([expect.objectContaining({ quantity: 2, location_id: main, reason: expect.stringContaining("JAM-OLD") })])
    expect(await pickedPerLine(order.id)).toEqual({ [teaLine]: 4 })
  })

  it("a claim's outbound replacement line is allocated by FEFO when the claim is confirmed", async () => {
    const tea = await trackedProduct("White tea", "TEA-4")
    await receive(tea.itemId, "LATE", 5, 300)
    await receive(tea.itemId, "SOON", 3, 20)
    const { order, lineId } = await placeAndAllocate(tea.variantId, 2)
    await fulfilAtMain(order.id, lineId, 2)

    await claimWithReplacement(api, headers, order.id, [{ id: lineId, quantity: 1 }], {
      items: [{ variant_id: tea.variantId, quantity: 2 }],
      shipping_option_id: store.shippingOptions[0],
    })
    const replacement = (await getOrder(api, headers, order.id)).items.find((i) => i.id !== lineId)
    expect(replacement).toBeDefined()
    const lots = await waitForLots(order.id, "the claim's allocation", (l) => allocatedOf(l, replacement!.id) === 2)
    // SOON had 1 left after the original 2: it goes first, then LATE.
    expect(byLot(lineIn(lots, replacement!.id)!.allocated)).toEqual({ SOON: 1, LATE: 1 })
    expect(await pickedPerLine(order.id)).toEqual({ [replacement!.id]: 2 })

    await fulfilAtMain(order.id, replacement!.id, 2)
    expect(await lotTable(api, headers, tea.itemId, main)).toEqual({
      SOON: { status: "released", quantity: 0, allocated: 0 },
      LATE: { status: "released", quantity: 4, allocated: 0 },
    })
  })

  it("an exchange's outbound line is allocated by FEFO when the exchange is confirmed", async () => {
    const tea = await trackedProduct("Yellow tea", "TEA-5")
    const honey = await trackedProduct("Acacia honey", "HON-2")
    await receive(tea.itemId, "TEA-A", 2, 300)
    await receive(honey.itemId, "LATE", 4, 300)
    await receive(honey.itemId, "SOON", 1, 30)
    const { order, lineId } = await placeAndAllocate(tea.variantId, 2)
    await fulfilAtMain(order.id, lineId, 2)

    await exchangeItems(
      api,
      headers,
      order.id,
      { items: [{ id: lineId, quantity: 1 }], location_id: main },
      { items: [{ variant_id: honey.variantId, quantity: 3 }], shipping_option_id: store.shippingOptions[0] }
    )
    const outbound = (await getOrder(api, headers, order.id)).items.find((i) => i.variant_id === honey.variantId)
    expect(outbound).toBeDefined()
    const lots = await waitForLots(order.id, "the exchange's allocation", (l) => allocatedOf(l, outbound!.id) === 3)
    expect(byLot(lineIn(lots, outbound!.id)!.allocated)).toEqual({ SOON: 1, LATE: 2 })
    expect(lineIn(lots, outbound!.id)!.shortfalls).toEqual([])
    expect(await lotTable(api, headers, honey.itemId, main)).toEqual({
      LATE: { status: "released", quantity: 4, allocated: 2 },
      SOON: { status: "released", quantity: 1, allocated: 1 },
    })
  })

  it("a draft order is allocated by FEFO when it is converted to an order, not before", async () => {
    const oil = await trackedProduct("Olive oil", "OIL-1")
    await receive(oil.itemId, "OIL-LATE", 5, 300)
    await receive(oil.itemId, "OIL-SOON", 2, 40)
    const { draft_order: draft } = await post<{ draft_order: { id: string } }>(
      api,
      "/admin/draft-orders",
      {
        email: "draft@lots.test",
        region_id: store.region,
        sales_channel_id: store.salesChannel,
        items: [{ variant_id: oil.variantId, quantity: 3 }],
        shipping_address: { first_name: "Dora", last_name: "Draft", address_1: "Kade 1", city: "Utrecht", country_code: store.country, postal_code: "3511" },
      },
      headers
    )
    expect(await lotTable(api, headers, oil.itemId, main)).toEqual({
      "OIL-LATE": { status: "released", quantity: 5, allocated: 0 },
      "OIL-SOON": { status: "released", quantity: 2, allocated: 0 },
    })

    await post(api, `/admin/draft-orders/${draft.id}/convert-to-order`, {}, headers)
    const order = await getOrder(api, headers, draft.id)
    const lots = await waitForOrderLots(api, headers, order)
    expect(byLot(lineIn(lots, order.items[0].id)!.allocated)).toEqual({ "OIL-SOON": 2, "OIL-LATE": 1 })
    expect(await lotTable(api, headers, oil.itemId, main)).toEqual({
      "OIL-LATE": { status: "released", quantity: 5, allocated: 1 },
      "OIL-SOON": { status: "released", quantity: 2, allocated: 2 },
    })
  })
}
