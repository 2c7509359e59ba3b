/**
 * GET /admin/traceability/epcis: a GS1 EPCIS 2.0 JSON-LD EPCISDocument of a story told through
 * Medusa's own routes — a supplier's receipt and one of ours, a production, a hold and its release,
 * a real order fulfilled and shipped, its return received, a scrap, a split and a recall — valid against GS1's published
 * EPCIS 2.0 JSON schema, with the same event ids on every export, streamed a page at a time, and
 * narrowed by lot or item; bad queries refused in merchant words.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { EpcisDocument } from "../../../src/modules/lot/domain/epcis-document"
import type { EpcisEvent, EpcisObjectEvent } from "../../../src/modules/lot/domain/epcis-events"
import { epcisSchemaErrors } from "../../../src/modules/lot/__tests__/epcis-schema"
import { loginAsAdmin } from "../../helpers/admin"
import { daysFromNow, setLotPolicy, waitFor, waitForOrderLots } from "../../helpers/allocation"
import { receive, send } from "../../helpers/lots"
import { receiveReturn, requestReturn } from "../../helpers/returns"
import { createShipment, createStockedProduct, fulfillOrder, placeOrder, post, setupStore, type Headers } from "../../helpers/store"

const GTIN = "09506000134352"
const MAIN_GLN = "0614141000005"
const SUPPLIER_GLN = "4000001000005"

const sqlRows = async (container: MedusaContainer, query: string, params: string[]) =>
  (await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(query, params)).rows

/** What identifies an event in an assertion: its kind, bizStep and the lots it names. */
const summary = (event: EpcisEvent) => {
  const classes =
    event.type === "ObjectEvent"
      ? (event.quantityList ?? []).map((q) => q.epcClass)
      : [...(event.inputQuantityList ?? []), ...(event.outputQuantityList ?? [])].map((q) => q.epcClass)
  return `${event.type === "ObjectEvent" ? event.action : "TRANSFORM"} ${event.bizStep ?? "-"} ${classes.map((c) => c.split("/").pop()).join("+")}`
}

export function epcisExportSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers

  const download = async (query = "", accept?: string) => {
    const res = await api.get(`/admin/traceability/epcis${query}`, {
      headers: { ...headers, ...(accept ? { accept } : {}) },
      responseType: "text",
      transformResponse: (body: string) => body,
    })
    return { headers: res.headers as Record<string, string>, document: JSON.parse(res.data as string) as EpcisDocument }
  }
  const eventsOf = async (query = "") => (await download(query)).document.epcisBody.eventList

  it("exports a real store's lot history as a schema-valid EPCIS 2.0 document with stable ids, in pages, filtered by lot", async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    // Without the epcis_base_uri option, names go under the address the export was asked at.
    const base = `${api.defaults.baseURL}/epcis`
    const store = await setupStore(api, container, headers)
    const [main] = store.locations
    // The main warehouse has a GLN (in the stock location's metadata); the yogurt variant a GTIN as its barcode.
    await post(api, `/admin/stock-locations/${main}`, { metadata: { gln: MAIN_GLN } }, headers)
    const milk = await createStockedProduct(api, headers, store, { title: "Rohmilch", sku: "EP-MILK", stock: { [main]: 0 } })
    const yogurt = await createStockedProduct(api, headers, store, { title: "Joghurt", sku: "EP-YOG", stock: { [main]: 0 } })
    await post(api, `/admin/products/${yogurt.product.id}/variants/${yogurt.variant.id}`, { barcode: GTIN }, headers)
    await setLotPolicy(api, headers, milk.inventoryItemId)
    await setLotPolicy(api, headers, yogurt.inventoryItemId)
    const supplier = (await post<{ lot_supplier: { id: string } }>(api, "/admin/lot-suppliers", { name: "Alpine Dairy", gln: SUPPLIER_GLN }, headers))
      .lot_supplier

    const { lot: milkLot } = await receive(api, headers, {
      inventory_item_id: milk.inventoryItemId, location_id: main, quantity: 10, lot_number: "EP-MILK-A",
      expires_at: daysFromNow(60), supplier_id: supplier.id, supplier_lot_number: "AD-77",
    })
    const { lot: ownLot } = await receive(api, headers, {
      inventory_item_id: yogurt.inventoryItemId, location_id: main, quantity: 5, lot_number: "EP-YOG-R1", expires_at: daysFromNow(20),
    })
    await post(api, "/admin/lots/productions", {
      location_id: main,
      inputs: [{ lot_id: milkLot.id, quantity: 4 }],
      output: { inventory_item_id: yogurt.inventoryItemId, quantity: 6, lot_number: "EP-YOG-P1", expires_at: daysFromNow(40) },
    }, headers)
    await post(api, `/admin/lots/${ownLot.id}/hold`, { reason: "label check" }, headers)
    await post(api, `/admin/lots/${ownLot.id}/release`, {}, headers)

    // 7 yogurts ship under FEFO: EP-YOG-R1's 5, then 2 of EP-YOG-P1; 1 comes back.
    const order = await placeOrder(api, store, [{ variant_id: yogurt.variant.id, quantity: 7 }], { email: "ada@epcis.test" })
    await waitForOrderLots(api, headers, order)
    const line = order.items[0]
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 7 }], location_id: main })
    await createShipment(api, headers, order.id, fulfillment.id)
    const shipments = await waitFor(
      () => sqlRows(container, `SELECT id, lot_id, customer_id FROM lot_shipment WHERE order_id = ? AND shipped_at IS NOT NULL ORDER BY id`, [order.id]),
      (rows) => rows.length === 2,
      { what: "the shipment's lot links" }
    )
    const returnId = await requestReturn(api, headers, order.id, main, [{ id: line.id, quantity: 1 }])
    await receiveReturn(api, headers, returnId, [{ id: line.id, quantity: 1 }])
    await waitFor(() => sqlRows(container, `SELECT id FROM lot_event WHERE type = 'returned' AND reference_id = ?`, [returnId]), (rows) => rows.length === 1, {
      what: "the return booked into its lot",
    })
    await post(api, `/admin/lots/${milkLot.id}/adjust`, { location_id: main, quantity_change: -1, reason: "scrap" }, headers)
    const { children } = await post<{ children: { id: string }[] }>(api, `/admin/lots/${milkLot.id}/split`, {
      location_id: main,
      children: [{ quantity: 2, lot_number: "EP-MILK-S1", inventory_item_id: milk.inventoryItemId }],
    }, headers)
    await post(api, "/admin/recalls", { lot_ids: [children[0].id], reason: "Listeria in a retained sample", classification: "II" }, headers)

    // JSON-LD unless the client names plain JSON (as axios does by default).
    const { headers: sent, document } = await download("", "*/*")
    expect(epcisSchemaErrors(document)).toEqual([])
    expect(sent["content-type"]).toBe("application/ld+json; charset=utf-8")
    expect(sent["content-disposition"]).toBe(`attachment; filename="epcis-${daysFromNow(-29)}-${daysFromNow(0)}.jsonld"`)
    const events = document.epcisBody.eventList
    const yogurtClass = (lot: string) => `https://id.gs1.org/01/${GTIN}/10/${lot}`
    const milkClass = `${base}/item/${milk.inventoryItemId}/lot/EP-MILK-A`
    const shipped = events.filter((e): e is EpcisObjectEvent => e.type === "ObjectEvent" && e.bizStep === "shipping")
    expect(events.map(summary)).toEqual([
      "OBSERVE receiving EP-MILK-A",
      "ADD commissioning EP-YOG-R1",
      "TRANSFORM commissioning EP-MILK-A+EP-YOG-P1",
      "OBSERVE holding EP-YOG-R1",
      "OBSERVE inspecting EP-YOG-R1",
      ...shipped.map(summary),
      expect.stringMatching(/^OBSERVE receiving EP-YOG-(R1|P1)$/),
      "DELETE destroying EP-MILK-A",
      "TRANSFORM repackaging EP-MILK-A+EP-MILK-S1",
      "OBSERVE holding EP-MILK-S1",
    ])
    expect(events.at(-1)).toMatchObject({ disposition: "recalled", persistentDisposition: { set: ["recalled"] } })
    expect(shipped.map(summary).sort()).toEqual(["OBSERVE shipping EP-YOG-P1", "OBSERVE shipping EP-YOG-R1"])
    const times = events.map((e) => e.eventTime)
    expect([...times].sort()).toEqual(times)

    // Lots: an item without a GTIN under the merchant's base, the yogurt's by LGTIN; places by GLN.
    const [receipt, , production] = events
    expect(receipt).toMatchObject({
      quantityList: [{ epcClass: milkClass, quantity: 10 }],
      readPoint: { id: `https://id.gs1.org/414/${MAIN_GLN}` },
      sourceList: [
        { type: "owning_party", source: `https://id.gs1.org/417/${SUPPLIER_GLN}` },
        { type: "location", source: `https://id.gs1.org/414/${SUPPLIER_GLN}` },
      ],
    })
    expect(production).toMatchObject({
      inputQuantityList: [{ epcClass: milkClass, quantity: 4 }],
      outputQuantityList: [{ epcClass: yogurtClass("EP-YOG-P1"), quantity: 6 }],
    })
    // The shipping event names the order, the lot and where it went.
    const shipmentOfOwnLot = shipments.find((s: { lot_id: string }) => s.lot_id === ownLot.id)
    const orderUri = `${base}/order/${order.id}`
    expect(shipped.find((e) => e.quantityList?.[0].epcClass === yogurtClass("EP-YOG-R1"))).toEqual({
      type: "ObjectEvent",
      eventID: expect.stringMatching(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/),
      eventTime: expect.any(String),
      eventTimeZoneOffset: "+00:00",
      quantityList: [{ epcClass: yogurtClass("EP-YOG-R1"), quantity: 5 }],
      action: "OBSERVE",
      bizStep: "shipping",
      disposition: "in_transit",
      readPoint: { id: `https://id.gs1.org/414/${MAIN_GLN}` },
      bizTransactionList: [{ type: "po", bizTransaction: orderUri }],
      sourceList: [
        { type: "owning_party", source: `${base}/party/merchant` },
        { type: "location", source: `https://id.gs1.org/414/${MAIN_GLN}` },
      ],
      destinationList: [
        {
          type: "owning_party",
          destination: shipmentOfOwnLot.customer_id ? `${base}/customer/${shipmentOfOwnLot.customer_id}` : `${orderUri}/customer`,
        },
        { type: "location", destination: `${orderUri}/ship-to` },
      ],
    })
    expect(events.find((e) => e.disposition === "returned")).toMatchObject({
      disposition: "returned",
      bizTransactionList: [
        { type: "po", bizTransaction: orderUri },
        { type: "rma", bizTransaction: `${base}/return/${returnId}` },
      ],
    })

    // The same period exports the same ids; plain JSON when asked for it.
    const again = await download("", "application/json")
    expect(again.headers["content-type"]).toBe("application/json; charset=utf-8")
    expect(again.document.epcisBody.eventList).toEqual(events)
    // Small pages stream the same events, each once, in time order.
    expect(await eventsOf("?page_size=1")).toEqual(events)
    expect(await eventsOf("?page_size=2")).toEqual(events)

    // A lot's events, with the production it went into; an item's lots.
    expect((await eventsOf("?lot_number=ep-milk-a")).map(summary)).toEqual([
      "OBSERVE receiving EP-MILK-A",
      "TRANSFORM commissioning EP-MILK-A+EP-YOG-P1",
      "DELETE destroying EP-MILK-A",
      "TRANSFORM repackaging EP-MILK-A+EP-MILK-S1",
    ])
    expect(await eventsOf(`?lot_id=${ownLot.id}&page_size=1`)).toEqual(
      events.filter((e) => e.type === "ObjectEvent" && e.quantityList?.[0].epcClass === yogurtClass("EP-YOG-R1"))
    )
    expect(await eventsOf(`?inventory_item_id=${milk.inventoryItemId}`)).toEqual(events.filter((e) => summary(e).includes("EP-MILK")))
    expect(await eventsOf(`?from=${daysFromNow(-300)}&to=${daysFromNow(-1)}`)).toEqual([])
  })

  it("refuses a bad date, a reversed period, two filters or an unknown lot in merchant words", async () => {
    ;({ headers } = await loginAsAdmin(api, getContainer()))
    const refusal = async (query: string, status = 400) => {
      const res = await send(api.get(`/admin/traceability/epcis${query}`, { headers }))
      expect(res.status).toBe(status)
      return res.data.message as string
    }
    expect(await refusal("?from=2026-02-30")).toMatch(/from must be a calendar date like 2026-03-31/)
    expect(await refusal("?from=2026-05-02&to=2026-05-01")).toMatch(/from \(2026-05-02\) is after to \(2026-05-01\)/)
    expect(await refusal("?lot_number=A-1&inventory_item_id=iitem_1")).toMatch(
      /filter by one of lot_id, lot_number or inventory_item_id, not lot_number and inventory_item_id together/
    )
    expect(await refusal("?page_size=0")).toMatch(/page_size must be a whole number of events from 1 to 1000/)
    expect(await refusal("?format=xml")).toMatch(/Unrecognized fields: 'format'/)
    expect(await refusal("?lot_number=nope-1", 404)).toBe("Lot with lot number: NOPE-1 was not found")
    expect((await send(api.get(`/admin/traceability/epcis`))).status).toBe(401)
  })
}
