import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { loginAsAdmin } from "../../helpers/admin"
import {
  availableQuantity,
  cancelFulfillment,
  cancelOrder,
  createShipment,
  createStockedProduct,
  fulfillOrder,
  getOrder,
  inventoryLevels,
  placeOrder,
  reservationsFor,
  setStock,
  setupStore,
  tryFulfillOrder,
  tryPlaceOrder,
} from "../../helpers/store"

export function storeFlowSuite({ api, getContainer }: MedusaSuiteOptions) {
  // One test: each test starts from a fresh database, and the setup is the slow part.
  it("store helper: checkout, storefront stock, fulfill, cancel fulfillment, cancel order, concurrent checkouts", async () => {
    const container = getContainer()
    const t0 = Date.now()
    const lap = (label: string) => console.log(`[store-flow] ${label}: ${Date.now() - t0} ms`)

    const { headers } = await loginAsAdmin(api, container)
    const store = await setupStore(api, container, headers)
    const [main, second] = store.locations
    expect(new Set([...store.locations, ...store.shippingOptions]).size).toBe(4)
    lap("setupStore")

    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, {
      title: "Greek yogurt",
      sku: "YOG-500",
      stock: { [main]: 10 },
    })
    expect(variant.manage_inventory).toBe(true)
    expect(await inventoryLevels(api, headers, inventoryItemId)).toEqual({
      [main]: { stocked: 10, reserved: 0, available: 10 },
    })
    expect(await availableQuantity(api, store, variant.id)).toBe(10)
    lap("createStockedProduct")

    // Checkout of 3: an order with one line of 3, reserved at main.
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 3 }], { email: "ada@lots.test" })
    lap("placeOrder")
    expect(order.id).toMatch(/^order_/)
    expect(order.email).toBe("ada@lots.test")
    expect(order.items).toHaveLength(1)
    const line = order.items[0]
    expect(line).toMatchObject({ variant_id: variant.id, quantity: 3 })
    expect(await reservationsFor(container, [line.id])).toEqual([
      expect.objectContaining({ line_item_id: line.id, location_id: main, inventory_item_id: inventoryItemId, quantity: 3 }),
    ])
    expect(await availableQuantity(api, store, variant.id)).toBe(7)
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 10, reserved: 3, available: 7 })

    // Fulfilling more than reserved is refused and changes nothing.
    const refused = await tryFulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 4 }], location_id: main })
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({ message: expect.stringMatching(/exceeds the reserved quantity/) })
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 10, reserved: 3, available: 7 })

    // Fulfill from main: stock 7, reservation consumed.
    const { fulfillment } = await fulfillOrder(api, headers, order.id, {
      items: [{ id: line.id, quantity: 3 }],
      location_id: main,
    })
    lap("fulfillOrder")
    expect(fulfillment).toMatchObject({ location_id: main, canceled_at: null })
    expect(fulfillment.items).toEqual([expect.objectContaining({ line_item_id: line.id, quantity: 3 })])
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 7, reserved: 0, available: 7 })
    expect(await reservationsFor(container, [line.id])).toEqual([])
    expect(await availableQuantity(api, store, variant.id)).toBe(7)

    // Cancel that fulfillment: stock back to 10 and a NEW reservation of 3 at main.
    const afterCancel = await cancelFulfillment(api, headers, order.id, fulfillment.id)
    expect(afterCancel.fulfillments?.find((f) => f.id === fulfillment.id)?.canceled_at).toBeTruthy()
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 10, reserved: 3, available: 7 })
    const restored = await reservationsFor(container, [line.id])
    expect(restored).toEqual([expect.objectContaining({ location_id: main, quantity: 3 })])
    lap("cancelFulfillment")

    // Cancel the order: reservations gone, everything orderable again.
    const canceled = await cancelOrder(api, headers, order.id)
    expect(canceled.status).toBe("canceled")
    expect(await reservationsFor(container, [line.id])).toEqual([])
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 10, reserved: 0, available: 10 })
    expect(await availableQuantity(api, store, variant.id)).toBe(10)
    lap("cancelOrder")

    // Two shoppers at once: both succeed, each reserved at main.
    const [a, b] = await Promise.all([
      placeOrder(api, store, [{ variant_id: variant.id, quantity: 3 }], { email: "a@lots.test" }),
      placeOrder(api, store, [{ variant_id: variant.id, quantity: 4 }], { email: "b@lots.test", shippingOptionLocation: second }),
    ])
    lap("two concurrent placeOrder")
    expect(a.id).not.toBe(b.id)
    const concurrent = await reservationsFor(container, [a.items[0].id, b.items[0].id])
    expect(concurrent.map((r) => [r.line_item_id, r.location_id, r.quantity]).sort()).toEqual(
      [
        [a.items[0].id, main, 3],
        [b.items[0].id, main, 4],
      ].sort()
    )
    expect(await availableQuantity(api, store, variant.id)).toBe(3)

    // Ship one of them end to end.
    const { fulfillment: fa } = await fulfillOrder(api, headers, a.id, { items: [{ id: a.items[0].id, quantity: 3 }], location_id: main })
    await createShipment(api, headers, a.id, fa.id)
    const shipped = await getOrder(api, headers, a.id)
    expect(shipped.fulfillments?.find((f) => f.id === fa.id)?.shipped_at).toBeTruthy()
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 7, reserved: 4, available: 3 })
    lap("fulfill + ship")

    // More than is left: the storefront refuses at add-to-cart and nothing is reserved.
    const refusedCheckout = await tryPlaceOrder(api, store, [{ variant_id: variant.id, quantity: 4 }])
    expect(refusedCheckout).toMatchObject({ ok: false, stage: "add-items", status: 400 })
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 7, reserved: 4, available: 3 })
    lap("refused checkout")

    // Merchant edits stock: the storefront follows.
    await setStock(api, headers, inventoryItemId, { [main]: 12 })
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual({ stocked: 12, reserved: 4, available: 8 })
    expect(await availableQuantity(api, store, variant.id)).toBe(8)
  })
}
