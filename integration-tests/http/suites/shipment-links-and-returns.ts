/**
 * Issue "Shipment-to-lot links, returns ...": the fulfillment, shipment and delivery subscribers record
 * which lots went to which customer and address (idempotent under replayed and out-of-order events),
 * a canceled fulfillment's links leave the trace, and a received return books its units back into
 * the lots they shipped from — the merchant's named lot first, else the most recently shipped — at
 * the return's location, in quarantine, until inspection restocks or scraps them.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"
import { recordLotShipmentsWorkflow, receiveReturnLotsWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import {
  availableQuantity,
  cancelFulfillment,
  createShipment,
  createStockedProduct,
  fulfillOrder,
  inventoryLevels,
  placeOrder,
  setupStore,
  type Headers,
  type StoreSetup,
} from "../../helpers/store"
import {
  daysFromNow,
  getOrderLots,
  lotEvents,
  lotStockRows,
  receiveLot,
  reconciliation,
  setLotPolicy,
  stateSnapshot,
  waitFor,
  waitForOrderLots,
} from "../../helpers/allocation"
import { markDelivered, receiveReturn, requestReturn, returnLots } from "../../helpers/returns"
import { send } from "../../helpers/lots"

type ShipmentRow = Awaited<ReturnType<LotModuleService["listLotShipments"]>>[number]

export function shipmentLinksAndReturnsSuite({ api, getContainer }: MedusaSuiteOptions) {
  let container: MedusaContainer
  let headers: Headers
  let store: StoreSetup
  let main: string

  const lotsModule = () => container.resolve<LotModuleService>(LOT_MODULE)
  const shipmentsOf = async (fulfillmentId: string): Promise<ShipmentRow[]> =>
    lotsModule().listLotShipments({ fulfillment_id: fulfillmentId }, { order: { lot_id: "ASC" } })
  const waitForShipments = (fulfillmentId: string, done: (rows: ShipmentRow[]) => boolean, what: string) =>
    waitFor(() => shipmentsOf(fulfillmentId), done, { what })
  const replay = async (name: string, data: Record<string, unknown>) => {
    await container.resolve(Modules.EVENT_BUS).emit({ name, data })
  }

  beforeAll(async () => {
    container = getContainer()
  })

  it("records shipment links once per lot and line, follows shipping, delivery and cancel, and books returns into quarantine", async () => {
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main] = store.locations
    const { variant, inventoryItemId: itemId } = await createStockedProduct(api, headers, store, {
      title: "Greek yogurt",
      sku: "YOG-RET",
      stock: { [main]: 0 },
    })
    await setLotPolicy(api, headers, itemId)
    const soon = await receiveLot(api, headers, { inventory_item_id: itemId, location_id: main, lot_number: "RET-SOON", quantity: 5, expires_at: daysFromNow(100) })
    const late = await receiveLot(api, headers, { inventory_item_id: itemId, location_id: main, lot_number: "RET-LATE", quantity: 5, expires_at: daysFromNow(200) })
    const other = await receiveLot(api, headers, { inventory_item_id: itemId, location_id: main, lot_number: "RET-OTHER", quantity: 2, expires_at: daysFromNow(300) })

    // Ada orders 6: FEFO allocates SOON 5 + LATE 1. Two fulfillments, so LATE is the most recent shipment.
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 6 }], { email: "ada@lots.test" })
    const line = order.items[0]
    await waitForOrderLots(api, headers, order)
    const first = (await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 5 }], location_id: main })).fulfillment
    const second = (await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 1 }], location_id: main })).fulfillment

    const [firstLink] = await waitForShipments(first.id, (rows) => rows.length === 1, "links of the first fulfillment")
    expect(firstLink).toMatchObject({
      lot_id: soon.id,
      order_id: order.id,
      line_item_id: line.id,
      location_id: main,
      quantity: 5,
      returned_quantity: 0,
      status: "fulfilled",
      customer_email: "ada@lots.test",
      shipped_at: null,
    })
    expect(firstLink.ship_to).toMatchObject({ country_code: store.country })
    const [secondLink] = await waitForShipments(second.id, (rows) => rows.length === 1, "links of the second fulfillment")
    expect(secondLink).toMatchObject({ lot_id: late.id, quantity: 1 })

    // Replayed events (and a direct re-run) add nothing and change nothing.
    await replay("order.fulfillment_created", { order_id: order.id, fulfillment_id: first.id })
    await replay("order.fulfillment_created", { order_id: order.id, fulfillment_id: first.id })
    await recordLotShipmentsWorkflow(container).run({ input: { fulfillment_id: first.id } })
    expect(await shipmentsOf(first.id)).toEqual([firstLink])

    // Shipped, then delivered; a late replay of the shipment event does not move it back.
    await createShipment(api, headers, order.id, first.id)
    const [shipped] = await waitForShipments(first.id, (rows) => rows[0]?.status === "shipped", "shipped link")
    expect(shipped.shipped_at).not.toBeNull()
    await markDelivered(api, headers, order.id, first.id)
    const [delivered] = await waitForShipments(first.id, (rows) => rows[0]?.status === "delivered", "delivered link")
    await replay("shipment.created", { id: first.id })
    await recordLotShipmentsWorkflow(container).run({ input: { fulfillment_id: first.id } })
    expect(await shipmentsOf(first.id)).toEqual([delivered])
    expect(new Date(delivered.shipped_at!).getTime()).toBe(new Date(shipped.shipped_at!).getTime())
    // The order's Lots section says where each fulfillment's units are, in Medusa's terms.
    const lotsOfAda = await getOrderLots(api, headers, order.id)
    expect(lotsOfAda.lines[0].shipped.map((s) => [s.lot_number, s.fulfillment_id, s.shipment_status]).sort()).toEqual([
      ["RET-LATE", second.id, "fulfilled"],
      ["RET-SOON", first.id, "delivered"],
    ])

    // Bob's fulfillment is canceled before shipment: its link stays in the history, marked canceled.
    const bob = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 1 }], { email: "bob@lots.test" })
    await waitForOrderLots(api, headers, bob)
    const bobs = (await fulfillOrder(api, headers, bob.id, { items: [{ id: bob.items[0].id, quantity: 1 }], location_id: main })).fulfillment
    await waitForShipments(bobs.id, (rows) => rows.length === 1, "bob's link")
    await cancelFulfillment(api, headers, bob.id, bobs.id)
    const [canceled] = await waitForShipments(bobs.id, (rows) => rows[0]?.status === "canceled", "canceled link")
    expect(canceled.canceled_at).not.toBeNull()
    await replay("order.fulfillment_created", { order_id: bob.id, fulfillment_id: bobs.id })
    await recordLotShipmentsWorkflow(container).run({ input: { fulfillment_id: bobs.id } })
    expect(await shipmentsOf(bobs.id)).toEqual([canceled])

    // Ada returns 2. Bad designations are refused and change nothing.
    const returnId = await requestReturn(api, headers, order.id, main, [{ id: line.id, quantity: 2 }])
    const before = await stateSnapshot(container)
    const refusals = [
      [{ line_item_id: line.id, lot_id: other.id, quantity: 1 }, 400, /RET-OTHER did not ship on line/],
      [{ line_item_id: line.id, lot_id: soon.id, quantity: 3 }, 400, /takes back 2 unit\(s\).*but 3 were named/],
      [{ line_item_id: "ordli_nope", lot_id: soon.id, quantity: 1 }, 400, /not part of return/],
      [{ line_item_id: line.id, lot_id: soon.id, quantity: 1.5 }, 400, /quantity must be a whole number of units/],
    ] as const
    for (const [item, status, message] of refusals) {
      const res = await send(api.post(`/admin/returns/${returnId}/lots`, { items: [item] }, { headers }))
      expect({ status: res.status, message: res.data.message }).toEqual({ status, message: expect.stringMatching(message) })
    }
    const unknown = await send(api.post(`/admin/returns/return_nope/lots`, { items: [{ line_item_id: line.id, lot_id: soon.id, quantity: 1 }] }, { headers }))
    expect(unknown.status).toBe(404)
    expect(await stateSnapshot(container)).toEqual(before)

    // The merchant names SOON for one unit; the other goes to the most recently shipped lot (LATE).
    const designated = await send(api.post(`/admin/returns/${returnId}/lots`, { items: [{ line_item_id: line.id, lot_id: soon.id, quantity: 1 }] }, { headers }))
    expect(designated.status).toBe(200)
    expect(designated.data.return_lots).toEqual([expect.objectContaining({ lot_id: soon.id, designated_quantity: 1, quantity: 0, status: "designated" })])

    const availableBefore = await availableQuantity(api, store, variant.id)
    await receiveReturn(api, headers, returnId, [{ id: line.id, quantity: 2 }])
    await waitFor(() => returnLots(api, headers, returnId), (rows) => rows.reduce((t, r) => t + r.quantity, 0) === 2, { what: "return booked" })
    const booked = await returnLots(api, headers, returnId)
    expect(booked.map((r) => [r.lot_id, r.quantity, r.chosen_by, r.quarantined]).sort()).toEqual(
      [
        [late.id, 1, "plugin", true],
        [soon.id, 1, "merchant", true],
      ].sort()
    )
    // Units are back on the shelf in quarantine: counted, not sellable; Medusa's stock matches.
    const stock = Object.fromEntries((await lotStockRows(container, itemId)).map((s) => [s.lot_number, s]))
    expect(stock["RET-SOON"]).toMatchObject({ quantity: 1, quarantined_quantity: 1 })
    expect(stock["RET-LATE"]).toMatchObject({ quantity: 5, quarantined_quantity: 1 })
    expect(await availableQuantity(api, store, variant.id)).toBe(availableBefore)
    expect((await shipmentsOf(first.id))[0].returned_quantity).toBe(1)
    expect((await shipmentsOf(second.id))[0].returned_quantity).toBe(1)
    const returnedEvent = (await lotEvents(api, headers, late.id)).find((e) => e.type === "returned")
    expect(returnedEvent).toMatchObject({ quantity: 1, reference_type: "return", reference_id: returnId })
    expect((await reconciliation(api, headers)).in_balance).toBe(true)

    // The event arriving again books nothing more.
    const afterReturn = await stateSnapshot(container)
    await replay("order.return_received", { order_id: order.id, return_id: returnId })
    await receiveReturnLotsWorkflow(container).run({ input: { return_id: returnId } })
    expect(await stateSnapshot(container)).toEqual(afterReturn)

    // Inspection: SOON's unit is fine (sellable again), LATE's is scrapped (leaves Medusa too).
    const tooMany = await send(api.post(`/admin/lots/${soon.id}/returned-stock`, { location_id: main, quantity: 2, outcome: "restock" }, { headers }))
    expect(tooMany.status).toBe(400)
    expect(tooMany.data.message).toMatch(/1 returned unit\(s\) awaiting inspection/)
    expect(await stateSnapshot(container)).toEqual(afterReturn)

    const restocked = await send(api.post(`/admin/lots/${soon.id}/returned-stock`, { location_id: main, quantity: 1, outcome: "restock" }, { headers }))
    expect(restocked.status).toBe(200)
    expect(await availableQuantity(api, store, variant.id)).toBe(availableBefore + 1)
    const scrapped = await send(api.post(`/admin/lots/${late.id}/returned-stock`, { location_id: main, quantity: 1, outcome: "scrap", note: "seal broken" }, { headers }))
    expect(scrapped.status).toBe(200)
    const finalStock = Object.fromEntries((await lotStockRows(container, itemId)).map((s) => [s.lot_number, s]))
    expect(finalStock["RET-SOON"]).toMatchObject({ quantity: 1, quarantined_quantity: 0 })
    expect(finalStock["RET-LATE"]).toMatchObject({ quantity: 4, quarantined_quantity: 0 })
    expect((await inventoryLevels(api, headers, itemId))[main].stocked).toBe(7)
    expect((await lotEvents(api, headers, late.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(["received", "allocated", "shipped", "returned", "scrapped"])
    )
    expect((await reconciliation(api, headers)).in_balance).toBe(true)
  })
}
