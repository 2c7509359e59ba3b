/**
 * Telling a recall's customers: "Mark notified" records how (e-mail, phone, letter) and a note,
 * refuses a second mark, can be withdrawn with a reason, and every one of these joins the recall's
 * activity with who and when — append-only, like the lot history. A closed recall changes no more.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { loginAsAdmin } from "../../helpers/admin"
import { createStockedProduct, fulfillOrder, placeOrder, setupStore, type Headers } from "../../helpers/store"
import { daysFromNow, receiveLot, rows, setLotPolicy, waitFor, waitForOrderLots } from "../../helpers/allocation"
import { send } from "../../helpers/lots"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"

export function recallNoticesSuite({ api, getContainer }: MedusaSuiteOptions) {
  let container: MedusaContainer
  let headers: Headers
  const post = (url: string, body: unknown) => send(api.post(url, body, { headers }))
  const get = (url: string) => send(api.get(url, { headers }))

  it("records how each customer was told, refuses a second mark, withdraws a mark with a reason, and keeps it all in the activity", async () => {
    container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    const store = await setupStore(api, container, headers)
    const [main] = store.locations
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title: "Ayran", sku: "AYR", stock: { [main]: 0 } })
    await setLotPolicy(api, headers, inventoryItemId)
    const lot = await receiveLot(api, headers, {
      inventory_item_id: inventoryItemId, location_id: main, lot_number: "AYR-1", quantity: 6, expires_at: daysFromNow(30),
    })
    const orders = []
    for (const email of ["ida@lots.test", "jon@lots.test"]) {
      const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 1 }], { email })
      await waitForOrderLots(api, headers, order)
      await fulfillOrder(api, headers, order.id, { items: [{ id: order.items[0].id, quantity: 1 }], location_id: main })
      orders.push(order)
    }
    await waitFor(
      () => container.resolve<LotModuleService>(LOT_MODULE).listLotShipments({ lot_id: lot.id }),
      (shipments) => shipments.length === 2,
      { what: "both shipments recorded" }
    )
    const created = await post("/admin/recalls", { lot_ids: [lot.id], reason: "Seal failure", classification: "II" })
    expect(created.status).toBe(200)
    const recallId = created.data.recall.id
    const url = `/admin/recalls/${recallId}/customers/notified`
    const customer = (email: string, recall: any) => recall.customers.find((c: any) => c.email === email)
    const ida = customer("ida@lots.test", created.data.recall)

    // Each customer row names the order numbers Medusa shows.
    const displayId = (await get(`/admin/orders/${orders[0].id}?fields=id,display_id`)).data.order.display_id
    expect(ida.order_numbers).toEqual([`#${displayId}`])

    // How they were told is required; a bad method or key changes nothing.
    const noMethod = await post(url, { customer_keys: [ida.customer_key] })
    expect(noMethod.status).toBe(400)
    expect(noMethod.data.message).toMatch(/Field 'method' is required/)
    const pigeon = await post(url, { customer_keys: [ida.customer_key], method: "pigeon" })
    expect(pigeon.status).toBe(400)
    expect(pigeon.data.message).toMatch(/say how they were told: email, phone or letter/)
    const unknown = await post(url, { customer_keys: [ida.customer_key, "nobody"], method: "email" })
    expect(unknown.status).toBe(400)
    expect(unknown.data.message).toMatch(/Customer nobody is not among the customers/)
    expect(customer("ida@lots.test", (await get(`/admin/recalls/${recallId}`)).data.recall).notified_at).toBeNull()

    const marked = await post(url, { customer_keys: [ida.customer_key], method: "phone", note: "  Spoke to Ida; she will bring the bottle back  " })
    expect(marked.status).toBe(200)
    expect(customer("ida@lots.test", marked.data.recall)).toMatchObject({
      notified_at: expect.any(String),
      notified_by: expect.any(String),
      notification_method: "phone",
      notification_note: "Spoke to Ida; she will bring the bottle back",
    })
    expect(marked.data.recall.progress).toMatchObject({ customers: 2, customers_notified: 1 })
    expect(marked.data.recall.activity).toEqual([
      expect.objectContaining({
        type: "customer_notified", customer_key: ida.customer_key, method: "phone",
        note: "Spoke to Ida; she will bring the bottle back", actor: expect.objectContaining({ email: expect.any(String) }),
      }),
    ])

    const again = await post(url, { customer_keys: [ida.customer_key], method: "email" })
    expect(again.status).toBe(400)
    expect(again.data.message).toMatch(/already marked notified; withdraw that notice first/)

    // Withdrawing needs a reason; a customer never marked has nothing to withdraw.
    const withdrawUrl = `${url}/withdraw`
    expect((await post(withdrawUrl, { customer_keys: [ida.customer_key], reason: "  " })).data.message).toMatch(/say why the notice is withdrawn/)
    const jon = customer("jon@lots.test", created.data.recall)
    const notMarked = await post(withdrawUrl, { customer_keys: [jon.customer_key], reason: "typo" })
    expect(notMarked.status).toBe(400)
    expect(notMarked.data.message).toMatch(/is not marked notified; there is no notice to withdraw/)

    const withdrawn = await post(withdrawUrl, { customer_keys: [ida.customer_key], reason: "Called the wrong Ida" })
    expect(withdrawn.status).toBe(200)
    expect(customer("ida@lots.test", withdrawn.data.recall)).toMatchObject({ notified_at: null, notification_method: null, notification_note: null })
    expect(withdrawn.data.recall.progress).toMatchObject({ customers_notified: 0 })
    expect(withdrawn.data.recall.activity.map((a: any) => [a.type, a.method, a.note])).toEqual([
      ["notice_withdrawn", null, "Called the wrong Ida"],
      ["customer_notified", "phone", "Spoke to Ida; she will bring the bottle back"],
    ])

    // Both customers by letter at once; then the activity cannot be rewritten.
    const both = await post(url, { customer_keys: [ida.customer_key, jon.customer_key], method: "letter" })
    expect(both.data.recall.progress).toMatchObject({ customers_notified: 2 })
    expect(both.data.recall.activity).toHaveLength(4)
    await expect(rows(container, `UPDATE recall_action SET note = 'rewritten' WHERE recall_id = ?`, [recallId])).rejects.toThrow(/append-only/)
    await expect(rows(container, `DELETE FROM recall_action WHERE recall_id = ?`, [recallId])).rejects.toThrow(/append-only/)

    // A closed recall's notices no longer change.
    expect((await post(`/admin/recalls/${recallId}/close`, { reason: "Everyone reached" })).status).toBe(200)
    const afterClose = await post(withdrawUrl, { customer_keys: [jon.customer_key], reason: "late change" })
    expect(afterClose.status).toBe(400)
    expect(afterClose.data.message).toMatch(/is closed: its customers' notices can no longer change/)
  })
}
