/**
 * Units on a recall: recovered units that came back or were destroyed without a Medusa return are
 * recorded on the recall (never more than is still out there, nor than the named customer had),
 * and units held in stock are disposed of from the recall (a scrap Medusa's stock follows). Both
 * join the recall's progress and activity; bad input and a closed recall change nothing.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { loginAsAdmin } from "../../helpers/admin"
import { createStockedProduct, fulfillOrder, inventoryLevels, placeOrder, setupStore, type Headers } from "../../helpers/store"
import { daysFromNow, receiveLot, setLotPolicy, waitFor, waitForOrderLots } from "../../helpers/allocation"
import { send } from "../../helpers/lots"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"

export function recallUnitsSuite({ api, getContainer }: MedusaSuiteOptions) {
  let container: MedusaContainer
  let headers: Headers
  const post = (url: string, body: unknown) => send(api.post(url, body, { headers }))
  const get = (url: string) => send(api.get(url, { headers }))

  it("records recovered units within what is still out, disposes of held units as a scrap Medusa follows, and refuses both once closed", async () => {
    container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    const store = await setupStore(api, container, headers)
    const [main] = store.locations
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title: "Kefir", sku: "KEF", stock: { [main]: 0 } })
    await setLotPolicy(api, headers, inventoryItemId)
    const lot = await receiveLot(api, headers, {
      inventory_item_id: inventoryItemId, location_id: main, lot_number: "KEF-1", quantity: 10, expires_at: daysFromNow(30),
    })
    const other = await receiveLot(api, headers, {
      inventory_item_id: inventoryItemId, location_id: main, lot_number: "KEF-2", quantity: 1, expires_at: daysFromNow(60),
    })
    for (const [email, quantity] of [["ida@lots.test", 3], ["jon@lots.test", 2]] as const) {
      const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity }], { email })
      await waitForOrderLots(api, headers, order)
      await fulfillOrder(api, headers, order.id, { items: [{ id: order.items[0].id, quantity }], location_id: main })
    }
    await waitFor(
      () => container.resolve<LotModuleService>(LOT_MODULE).listLotShipments({ lot_id: lot.id }),
      (shipments) => shipments.length === 2,
      { what: "both shipments recorded" }
    )
    const created = await post("/admin/recalls", { lot_ids: [lot.id], reason: "Off taste", classification: "III" })
    expect(created.status).toBe(200)
    const recallId = created.data.recall.id
    const recallNumber = created.data.recall.recall_number
    const ida = created.data.recall.customers.find((c: any) => c.email === "ida@lots.test")
    expect(created.data.recall.progress).toMatchObject({ recovered_quantity: 0, disposed_quantity: 0, on_hand_quantity: 5, outstanding_quantity: 5 })

    const recoveries = `/admin/recalls/${recallId}/recoveries`
    const disposals = `/admin/recalls/${recallId}/disposals`
    const refused = async (url: string, body: unknown, status: number, message: RegExp) => {
      const res = await post(url, body)
      expect([res.status, res.data.message]).toEqual([status, expect.stringMatching(message)])
    }
    await refused(recoveries, { lot_id: lot.id, quantity: 0 }, 400, /quantity must be a whole number of units between 1 and/)
    await refused(recoveries, { lot_id: lot.id, quantity: 1, how: "post" }, 400, /Unrecognized fields: 'how'/)
    await refused(recoveries, { lot_id: other.id, quantity: 1 }, 400, /Lot .* is not part of recall/)
    await refused(recoveries, { lot_id: lot.id, quantity: 1, customer_key: "nobody" }, 400, /Customer nobody is not among the customers of recall/)
    await refused(recoveries, { lot_id: lot.id, quantity: 4, customer_key: ida.customer_key }, 400, /had 3 units of lot KEF-1 when the recall opened: 4 units cannot be recorded as recovered from them/)
    await refused(recoveries, { lot_id: lot.id, quantity: 6 }, 400, /Lot KEF-1 has 5 units still with customers .*: 6 units cannot be recorded as recovered/)

    const recovered = await post(recoveries, { lot_id: lot.id, quantity: 2, customer_key: ida.customer_key, note: " Destroyed at the store " })
    expect(recovered.status).toBe(200)
    expect(recovered.data.recall.progress).toMatchObject({ recovered_quantity: 2, on_hand_quantity: 5, outstanding_quantity: 3 })
    expect(recovered.data.recall.activity[0]).toMatchObject({
      type: "units_recovered", lot_id: lot.id, lot_number: "KEF-1", quantity: 2, customer_key: ida.customer_key,
      note: "Destroyed at the store", actor: expect.objectContaining({ email: expect.any(String) }),
    })
    // Ida had 3: one more from her is fine, two are not.
    await refused(recoveries, { lot_id: lot.id, quantity: 2, customer_key: ida.customer_key }, 400, /and 2 units are already recorded as recovered/)

    // Disposal takes from stock at a location: no more than is there, and nothing moves when refused.
    const levelsBefore = (await inventoryLevels(api, headers, inventoryItemId))[main]
    await refused(disposals, { lot_id: lot.id, location_id: main, quantity: 6 }, 400, /KEF-1/)
    await refused(disposals, { lot_id: other.id, location_id: main, quantity: 1 }, 400, /is not part of recall/)
    expect((await inventoryLevels(api, headers, inventoryItemId))[main]).toEqual(levelsBefore)
    expect((await get(`/admin/recalls/${recallId}`)).data.recall.activity).toHaveLength(1)

    const disposed = await post(disposals, { lot_id: lot.id, location_id: main, quantity: 4, note: "Incinerated" })
    expect(disposed.status).toBe(200)
    expect(disposed.data.recall.progress).toMatchObject({ recovered_quantity: 2, disposed_quantity: 4, on_hand_quantity: 1, outstanding_quantity: 3 })
    expect(disposed.data.recall.activity[0]).toMatchObject({
      type: "units_disposed", lot_number: "KEF-1", quantity: 4, location_id: main, location_name: expect.any(String), note: "Incinerated",
    })
    expect((await inventoryLevels(api, headers, inventoryItemId))[main].stocked).toBe(levelsBefore.stocked - 4)
    const history = (await get(`/admin/lots/${lot.id}`)).data.lot.events
    expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ type: "scrapped", quantity: -4, note: `Recall ${recallNumber}: Incinerated` })]))

    // A closed recall takes no more units.
    expect((await post(`/admin/recalls/${recallId}/close`, { reason: "Done" })).status).toBe(200)
    await refused(recoveries, { lot_id: lot.id, quantity: 1 }, 400, /is closed: no more units can be recorded on it/)
    await refused(disposals, { lot_id: lot.id, location_id: main, quantity: 1 }, 400, /is closed: no more units can be recorded on it/)
    expect((await inventoryLevels(api, headers, inventoryItemId))[main].stocked).toBe(levelsBefore.stocked - 4)
    expect((await get(`/admin/recalls/${recallId}`)).data.recall.activity).toHaveLength(2)
  })
}
