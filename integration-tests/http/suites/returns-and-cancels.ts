/**
 * Returns and fulfillment cancels against Medusa's own admin routes: a return received in two
 * sessions, one return whose lines share an inventory item, a fulfillment canceled after part of
 * it came back by a return, a return received after its fulfillment was canceled, and a cancel
 * event for a fulfillment Medusa shows as delivered. After
 * each, lot stock is what Medusa restocked (or, where Medusa restocks a unit twice, the drift is
 * reported with its cause) and the lots' history says why.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"
import { cancelFulfillmentLotsWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import {
  daysFromNow,
  lotEvents,
  lotStockRows,
  receiveLot,
  reconciliation,
  rows,
  setLotPolicy,
  sleep,
  stateSnapshot,
  waitFor,
  waitForOrderLots,
} from "../../helpers/allocation"
import { markDelivered, receiveReturn, requestReturn } from "../../helpers/returns"
import type { Suite } from "../../helpers/run-suites"
import {
  attempt,
  cancelFulfillment,
  createShipment,
  createStockedProduct,
  fulfillOrder,
  inventoryLevels,
  placeOrder,
  post,
  setupStore,
  storeHeaders,
  type AdminProduct,
  type Headers,
  type StoreSetup,
} from "../../helpers/store"

type DriftWithCause = { inventory_item_id: string; location_id: string; untracked_quantity: number; cause?: string | null }

export const returnsAndCancelsSuite: Suite = ({ api, getContainer }) => {
  let container: MedusaContainer
  let headers: Headers
  let store: StoreSetup
  let main: string

  beforeAll(() => {
    container = getContainer()
  })

  beforeEach(async () => {
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main] = store.locations
  })

  /** Lot stock of an item at the main location, summed over its lots. */
  const lotTotal = async (itemId: string) =>
    (await lotStockRows(container, itemId)).filter((s) => s.location_id === main).reduce((t, s) => t + s.quantity, 0)
  const stocked = async (itemId: string) => (await inventoryLevels(api, headers, itemId))[main].stocked
  const returnedUnits = async (lotId: string) =>
    (await lotEvents(api, headers, lotId)).filter((e) => e.type === "returned").map((e) => Number(e.quantity))

  /** One lot-tracked item with one lot of `quantity` at the main location. */
  const trackedItem = async (sku: string, quantity: number) => {
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title: sku, sku, stock: { [main]: 0 } })
    await setLotPolicy(api, headers, inventoryItemId)
    const lot = await receiveLot(api, headers, { inventory_item_id: inventoryItemId, location_id: main, lot_number: `${sku}-1`, quantity, expires_at: daysFromNow(200) })
    return { variant, itemId: inventoryItemId, lot }
  }

  it("case 3: a return received in two sessions books both receipts", async () => {
    const { variant, itemId, lot } = await trackedItem("RC-TWO", 10)
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 6 }])
    const line = order.items[0]
    await waitForOrderLots(api, headers, order)
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 6 }], location_id: main })
    await createShipment(api, headers, order.id, fulfillment.id)
    expect(await stocked(itemId)).toBe(4)

    const returnId = await requestReturn(api, headers, order.id, main, [{ id: line.id, quantity: 4 }])
    await receiveReturn(api, headers, returnId, [{ id: line.id, quantity: 2 }])
    await waitFor(() => lotTotal(itemId), (total) => total === 6, { what: "first receipt booked" })
    await receiveReturn(api, headers, returnId, [{ id: line.id, quantity: 2 }])

    expect(await stocked(itemId)).toBe(8)
    expect(await waitFor(() => lotTotal(itemId), (total) => total === 8, { what: "second receipt booked" })).toBe(8)
    expect(await returnedUnits(lot.id)).toEqual([2, 2])
    expect((await reconciliation(api, headers)).in_balance).toBe(true)
  })

  it("a return the customer opens in the store is booked when received; one the store asks to mark received at once changes nothing", async () => {
    const { variant, itemId, lot } = await trackedItem("RC-STORE", 10)
    const { shipping_option: returnOption } = await post<{ shipping_option: { id: string } }>(
      api,
      "/admin/shipping-options",
      {
        name: "Returns to the main location",
        service_zone_id: store.serviceZones[0],
        shipping_profile_id: store.shippingProfile,
        provider_id: "manual_manual",
        price_type: "flat",
        type: { label: "Return", description: "Back to the main location", code: "return-main" },
        prices: [{ currency_code: store.currency, amount: 0 }],
        rules: [
          { attribute: "enabled_in_store", operator: "eq", value: "true" },
          { attribute: "is_return", operator: "eq", value: "true" },
        ],
      },
      headers
    )
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 4 }])
    const line = order.items[0]
    await waitForOrderLots(api, headers, order)
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 4 }], location_id: main })
    await markDelivered(api, headers, order.id, fulfillment.id)
    const storeReturn = (body: Record<string, unknown>) =>
      attempt(
        api.post(
          "/store/returns",
          { order_id: order.id, items: [{ id: line.id, quantity: 1 }], return_shipping: { option_id: returnOption.id }, location_id: main, ...body },
          { headers: storeHeaders(store) }
        )
      )

    // Opened by the customer, received by the merchant: Medusa restocks 1, the lot gets it back.
    const opened = await storeReturn({})
    expect(opened.status).toBe(200)
    await receiveReturn(api, headers, (opened.data as { return: { id: string } }).return.id, [{ id: line.id, quantity: 1 }])
    expect(await stocked(itemId)).toBe(7)
    await waitFor(() => lotTotal(itemId), (total) => total === 7, { what: "the store return booked" })
    expect(await returnedUnits(lot.id)).toEqual([1])

    // `receive_now` from the storefront: Medusa 2.21 refuses it and rolls the return back.
    expect(await storeReturn({ receive_now: true })).toMatchObject({ status: 400, data: { message: expect.stringContaining("Cannot receive more items") } })
    await sleep(1_000)
    expect(await stocked(itemId)).toBe(7)
    expect(await lotTotal(itemId)).toBe(7)
    expect((await reconciliation(api, headers)).in_balance).toBe(true)
  })

  it("case 4: a return whose lines share an inventory item books what Medusa restocked for that item", async () => {
    const { inventory_item: item } = await post<{ inventory_item: { id: string } }>(
      api,
      "/admin/inventory-items",
      { sku: "RC-SHARED", title: "Shared tea leaves" },
      headers
    )
    await post(api, `/admin/inventory-items/${item.id}/location-levels/batch`, { create: [{ location_id: main, stocked_quantity: 0 }] }, headers)
    const { product } = await post<{ product: AdminProduct }>(
      api,
      "/admin/products?fields=*variants,*variants.inventory_items",
      {
        title: "Tea in two tins",
        status: "published",
        shipping_profile_id: store.shippingProfile,
        sales_channels: [{ id: store.salesChannel }],
        options: [{ title: "Tin", values: ["Red", "Blue"] }],
        variants: ["Red", "Blue"].map((tin) => ({
          title: `${tin} tin`,
          sku: `RC-SHARED-${tin}`,
          manage_inventory: true,
          options: { Tin: tin },
          prices: [{ currency_code: store.currency, amount: 10 }],
          inventory_items: [{ inventory_item_id: item.id, required_quantity: 1 }],
        })),
      },
      headers
    )
    expect(product.variants.map((v) => v.inventory_items.map((i) => i.inventory_item_id))).toEqual([[item.id], [item.id]])
    await setLotPolicy(api, headers, item.id)
    const lot = await receiveLot(api, headers, { inventory_item_id: item.id, location_id: main, lot_number: "RC-SHARED-1", quantity: 10, expires_at: daysFromNow(200) })

    const order = await placeOrder(api, store, product.variants.map((v) => ({ variant_id: v.id, quantity: 2 })))
    await waitForOrderLots(api, headers, order)
    const { fulfillment } = await fulfillOrder(api, headers, order.id, {
      items: order.items.map((i) => ({ id: i.id, quantity: 2 })),
      location_id: main,
    })
    await createShipment(api, headers, order.id, fulfillment.id)
    expect(await stocked(item.id)).toBe(6)

    const lines = order.items.map((i) => ({ id: i.id, quantity: 1 }))
    const returnId = await requestReturn(api, headers, order.id, main, lines)
    await receiveReturn(api, headers, returnId, lines)
    const restocked = (await stocked(item.id)) - 6
    expect(restocked).toBeGreaterThan(0)

    await waitFor(() => returnedUnits(lot.id), (units) => units.length > 0, { what: "return booked" })
    await sleep(300)
    expect(await lotTotal(item.id)).toBe(6 + restocked)
    expect((await returnedUnits(lot.id)).reduce((t, q) => t + q, 0)).toBe(restocked)
    expect((await reconciliation(api, headers)).in_balance).toBe(true)
  })

  it("case 5: a fulfillment canceled after a return puts back only the units that did not come back", async () => {
    const { variant, itemId, lot } = await trackedItem("RC-PHANTOM", 5)
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 2 }])
    const line = order.items[0]
    await waitForOrderLots(api, headers, order)
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 2 }], location_id: main })

    const returnId = await requestReturn(api, headers, order.id, main, [{ id: line.id, quantity: 1 }])
    await receiveReturn(api, headers, returnId, [{ id: line.id, quantity: 1 }])
    await waitFor(() => lotTotal(itemId), (total) => total === 4, { what: "return booked" })

    await cancelFulfillment(api, headers, order.id, fulfillment.id)
    // Medusa restocks both units of the fulfillment, although one already came back by the return.
    expect(await stocked(itemId)).toBe(6)
    const canceled = await waitFor(
      async () => (await lotEvents(api, headers, lot.id)).filter((e) => e.type === "fulfillment_canceled"),
      (events) => events.length === 1,
      { what: "fulfillment cancel booked" }
    )
    expect(canceled[0]).toMatchObject({ quantity: 1, reference_type: "fulfillment", reference_id: fulfillment.id })
    expect(canceled[0].data).toMatchObject({ already_returned: 1 })
    // Never more on hand than was received (5) plus what truly came back and was not sent again.
    expect(await lotTotal(itemId)).toBe(5)

    const report = await reconciliation(api, headers)
    expect(report.in_balance).toBe(false)
    expect(report.drift as DriftWithCause[]).toEqual([
      expect.objectContaining({
        inventory_item_id: itemId,
        location_id: main,
        untracked_quantity: 1,
        cause: expect.stringMatching(new RegExp(`restocked 1 unit.*fulfillment ${fulfillment.id}.*already came back`)),
      }),
    ])
  })

  it("a return received after its fulfillment was canceled books nothing into lots and names Medusa's extra unit", async () => {
    const { variant, itemId, lot } = await trackedItem("RC-UNSHIPPED", 5)
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 2 }])
    const line = order.items[0]
    await waitForOrderLots(api, headers, order)
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 2 }], location_id: main })
    const returnId = await requestReturn(api, headers, order.id, main, [{ id: line.id, quantity: 1 }])
    await cancelFulfillment(api, headers, order.id, fulfillment.id)
    await waitFor(() => lotTotal(itemId), (total) => total === 5, { what: "canceled fulfillment put back" })

    // Medusa takes the return of a unit that, after the cancel, never left: it restocks it again.
    await receiveReturn(api, headers, returnId, [{ id: line.id, quantity: 1 }])
    expect(await stocked(itemId)).toBe(6)
    const surplus = async () =>
      (await rows(container, `SELECT quantity FROM lot_return_surplus WHERE return_id = ? AND deleted_at IS NULL`, [returnId])).map((r) => Number(r.quantity))
    await waitFor(surplus, (q) => q.length > 0, { what: "the unshipped returned unit recorded" })
    // A replayed event records it once.
    await container.resolve(Modules.EVENT_BUS).emit({ name: "order.return_received", data: { order_id: order.id, return_id: returnId } })
    await sleep(1_000)
    expect(await surplus()).toEqual([1])
    expect(await lotTotal(itemId)).toBe(5)
    expect(await returnedUnits(lot.id)).toEqual([])

    const report = await reconciliation(api, headers)
    expect(report.drift as DriftWithCause[]).toEqual([
      expect.objectContaining({
        inventory_item_id: itemId,
        location_id: main,
        untracked_quantity: 1,
        cause: expect.stringMatching(/restocked 1 returned unit\(s\) that no lot shipped/),
      }),
    ])
  })

  it("a cancel event for a fulfillment Medusa shows as delivered puts nothing back and keeps its trace", async () => {
    const { variant, itemId } = await trackedItem("RC-DELIVERED", 5)
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 2 }])
    const line = order.items[0]
    await waitForOrderLots(api, headers, order)
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 2 }], location_id: main })
    await createShipment(api, headers, order.id, fulfillment.id)
    await markDelivered(api, headers, order.id, fulfillment.id)
    const shipmentStatus = async () =>
      (await container.resolve<LotModuleService>(LOT_MODULE).listLotShipments({ fulfillment_id: fulfillment.id })).map((s) => s.status)
    await waitFor(shipmentStatus, (statuses) => statuses.length === 1 && statuses[0] === "delivered", { what: "delivered link" })
    const before = await stateSnapshot(container)

    await container.resolve(Modules.EVENT_BUS).emit({ name: "order.fulfillment_canceled", data: { order_id: order.id, fulfillment_id: fulfillment.id } })
    await cancelFulfillmentLotsWorkflow(container).run({ input: { order_id: order.id, fulfillment_id: fulfillment.id } })
    await sleep(500)

    expect(await stateSnapshot(container)).toEqual(before)
    expect(await shipmentStatus()).toEqual(["delivered"])
    expect(await lotTotal(itemId)).toBe(3)
    expect((await reconciliation(api, headers)).in_balance).toBe(true)
  })
}
