/**
 * Issue "Recalls, mock recalls and expiry management", the recall part, over real orders: a raw
 * lot feeds two finished lots; a mock recall reports the scope and changes nothing; the recall
 * recalls the raw lot and everything made from it, re-allocates an open order to a clean lot,
 * lists exactly the customers who received any of it, notifies the admin, exports CSV and XLSX
 * that parse back to the same rows, and the store lookup tells a shopper no more than it must.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import ExcelJS from "exceljs"
import Papa from "papaparse"
import { loginAsAdmin } from "../../helpers/admin"
import {
  createStockedProduct,
  fulfillOrder,
  placeOrder,
  setupStore,
  storeHeaders,
  type Headers,
  type StoreSetup,
} from "../../helpers/store"
import {
  daysFromNow,
  getOrderLots,
  receiveLot,
  reconciliation,
  recordEvents,
  setLotPolicy,
  stateSnapshot,
  waitFor,
  waitForOrderLots,
  type LotView,
  type RecordedEvent,
} from "../../helpers/allocation"
import { send } from "../../helpers/lots"
import { receiveReturn, requestReturn } from "../../helpers/returns"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"

export function recallsSuite({ api, getContainer }: MedusaSuiteOptions) {
  let container: MedusaContainer
  let headers: Headers
  let store: StoreSetup
  let main: string
  let events: RecordedEvent[]

  beforeAll(() => {
    container = getContainer()
    events = recordEvents(container, ["lot.recall_created", "lot.recall_closed"])
  })

  const post = (url: string, body: unknown) => send(api.post(url, body, { headers }))
  const get = (url: string, h: Headers = headers) => send(api.get(url, { headers: h }))
  const lotByNumber = async (lotNumber: string): Promise<LotView> =>
    (await get(`/admin/lots?q=${lotNumber}`)).data.lots.find((l: LotView) => l.lot_number === lotNumber)

  it("recalls a raw lot and everything made from it, with its customers, exports and store notice", async () => {
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main] = store.locations
    const product = async (title: string, sku: string) => {
      const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title, sku, stock: { [main]: 0 } })
      await setLotPolicy(api, headers, inventoryItemId)
      return { variantId: variant.id, itemId: inventoryItemId }
    }
    const milk = await product("Raw milk", "MILK")
    const yogurt = await product("Yogurt", "YOG")
    const cheese = await product("Cheese", "CHZ")

    const raw = await receiveLot(api, headers, {
      inventory_item_id: milk.itemId, location_id: main, lot_number: "RAW-1", quantity: 20, expires_at: daysFromNow(30),
      supplier: "Alpine Dairy Farm", supplier_lot_number: "FARM-77",
    })
    const cleanMilk = await receiveLot(api, headers, {
      inventory_item_id: milk.itemId, location_id: main, lot_number: "RAW-2", quantity: 5, expires_at: daysFromNow(30),
    })
    const produce = async (lot_number: string, itemId: string, inputQuantity: number, quantity: number, expiresIn: number) => {
      const res = await post("/admin/lots/productions", {
        location_id: main,
        inputs: [{ lot_id: raw.id, quantity: inputQuantity }],
        output: { inventory_item_id: itemId, quantity, lot_number, expires_at: daysFromNow(expiresIn) },
      })
      expect(res.status).toBe(200)
      return res.data.lot as LotView
    }
    const yogA = await produce("YOG-A", yogurt.itemId, 8, 8, 20)
    const chzA = await produce("CHZ-A", cheese.itemId, 6, 3, 60)
    const yogB = await receiveLot(api, headers, {
      inventory_item_id: yogurt.itemId, location_id: main, lot_number: "YOG-B", quantity: 10, expires_at: daysFromNow(40),
    })

    // Ada, Bob and Cara receive units of the raw lot's products; Dan's order is still open on YOG-A.
    const shipTo = async (email: string, variantId: string, quantity: number) => {
      const order = await placeOrder(api, store, [{ variant_id: variantId, quantity }], { email })
      await waitForOrderLots(api, headers, order)
      const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: order.items[0].id, quantity }], location_id: main })
      await waitFor(
        () => container.resolve<LotModuleService>(LOT_MODULE).listLotShipments({ fulfillment_id: fulfillment.id }),
        (rows: unknown[]) => rows.length > 0,
        { what: `shipment links of ${email}` }
      )
      return order
    }
    const ada = await shipTo("ada@lots.test", yogurt.variantId, 2)
    await shipTo("bob@lots.test", cheese.variantId, 1)
    await shipTo("cara@lots.test", yogurt.variantId, 3)
    const dan = await placeOrder(api, store, [{ variant_id: yogurt.variantId, quantity: 2 }], { email: "dan@lots.test" })
    const danLots = await waitForOrderLots(api, headers, dan)
    expect(danLots.lines[0].allocated.map((a) => a.lot_number)).toEqual(["YOG-A"])

    // The trace over these real orders: forward from the raw lot to exactly the three customers,
    // backward from Ada's order to the raw lot and its supplier.
    const forward = await get(`/admin/lots/${raw.id}/trace?direction=forward`)
    expect(forward.status).toBe(200)
    expect(forward.data.trace.tables.customers.rows.map((c: any) => [c.email, c.quantity]).sort()).toEqual([
      ["ada@lots.test", 2],
      ["bob@lots.test", 1],
      ["cara@lots.test", 3],
    ])
    expect(forward.data.trace.tables.lots.rows.map((l: any) => [l.lot_number, l.depth]).sort()).toEqual([["CHZ-A", 1], ["RAW-1", 0], ["YOG-A", 1]])
    expect(forward.data.trace.totals).toMatchObject({ lots: 3, shipments: 3, customers: 3, orders: 3, shipped_quantity: 6, outstanding_quantity: 6, mass_balance_percent: 100 })
    const backward = await get(`/admin/orders/${ada.id}/trace`)
    expect(backward.data.trace.lots.map((l: any) => l.lot_number).sort()).toEqual(["RAW-1", "YOG-A"])
    expect(backward.data.trace.suppliers).toEqual([
      expect.objectContaining({ supplier: "Alpine Dairy Farm", supplier_lot_number: "FARM-77", lot_number: "RAW-1" }),
    ])

    // A mock recall reports the scope and how long it took, and changes nothing.
    const before = await stateSnapshot(container)
    const mock = await post("/admin/recalls/mock", { lot_ids: [raw.id] })
    expect(mock.status).toBe(200)
    expect(mock.data.mock_recall).toMatchObject({
      lot_numbers: ["RAW-1"],
      lot_count: 3,
      customer_count: 3,
      shipment_count: 3,
      received_quantity: 31,
      mass_balance_percent: 100,
    })
    expect(mock.data.mock_recall.duration_ms).toBeGreaterThanOrEqual(0)
    expect(await stateSnapshot(container)).toEqual(before)
    expect((await get("/admin/recalls/mock")).data).toMatchObject({ count: 1, mock_recalls: [{ id: mock.data.mock_recall.id }] })
    // It answers the first page of each table, customers with their order numbers, most units first.
    const adaNumber = (await get(`/admin/orders/${ada.id}?fields=id,display_id`)).data.order.display_id
    const { customers, shipments, lots } = mock.data.tables
    expect([customers.count, customers.offset, customers.limit, shipments.count, lots.count]).toEqual([3, 0, 25, 3, 3])
    expect(customers.rows.map((c: any) => [c.email, c.outstanding_quantity])).toEqual([["cara@lots.test", 3], ["ada@lots.test", 2], ["bob@lots.test", 1]])
    expect(lots.rows.map((l: any) => [l.lot_number, l.depth])).toEqual([["RAW-1", 0], ["CHZ-A", 1], ["YOG-A", 1]])
    const adaRow = customers.rows.find((c: any) => c.email === "ada@lots.test")
    expect(adaRow.order_ids.map((id: string) => mock.data.order_numbers[id])).toEqual([`#${adaNumber}`])
    expect(mock.data.scope).toBeUndefined()
    // The rest page by page; bad paging is refused in words and changes nothing.
    const scopePath = `/admin/recalls/mock/${mock.data.mock_recall.id}/scope`
    const second = await get(`${scopePath}?table=customers&offset=1&limit=1`)
    expect(second.status).toBe(200)
    expect([second.data.table, second.data.count, second.data.offset, second.data.limit]).toEqual(["customers", 3, 1, 1])
    expect(second.data.rows.map((c: any) => c.email)).toEqual(["ada@lots.test"])
    expect(second.data.order_numbers).toEqual({ [ada.id]: `#${adaNumber}` })
    const shipmentPage = await get(`${scopePath}?table=shipments&offset=2`)
    expect([shipmentPage.data.count, shipmentPage.data.rows.length, shipmentPage.data.limit]).toEqual([3, 1, 25])
    for (const [query, status, message] of [
      ["offset=-1", 400, "offset must be a whole number of rows to skip, 0 or more"],
      ["limit=0", 400, "limit must be a whole number of rows from 1 to 200"],
      ["table=orders", 400, "table must be customers, shipments or lots"],
      ["sort=email", 400, "Unrecognized fields: 'sort'"],
    ] as const) {
      const bad = await get(`${scopePath}?${query}`)
      expect([query, bad.status]).toEqual([query, status])
      expect(bad.data.message).toContain(message)
    }
    const unknownMock = await get(`/admin/recalls/mock/mockrcl_missing/scope`)
    expect([unknownMock.status, unknownMock.data.message]).toEqual([404, "Mock recall with id: mockrcl_missing was not found"])
    expect(await stateSnapshot(container)).toEqual(before)
    expect((await get("/admin/recalls/mock")).data.count).toBe(1)
    // It exports like a recall (no notice columns).
    const mockCsv = await send(api.get(`/admin/recalls/mock/${mock.data.mock_recall.id}/export?format=csv&table=customers`, { headers }))
    expect(mockCsv.status).toBe(200)
    const mockRows = Papa.parse<Record<string, string>>(String(mockCsv.data).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
    expect(mockRows.meta.fields).not.toContain("Notified on")
    expect(mockRows.data.map((r) => [r["E-mail"], r["Order numbers"], Number(r["Units outstanding"])]).sort()).toEqual([
      ["ada@lots.test", `#${adaNumber}`, 2],
      ["bob@lots.test", expect.stringMatching(/^#\d+$/), 1],
      ["cara@lots.test", expect.stringMatching(/^#\d+$/), 3],
    ])
    const mockXlsx = await api.get(`/admin/recalls/mock/${mock.data.mock_recall.id}/export?format=xlsx`, { headers, responseType: "arraybuffer" } as any)
    const mockBook = new ExcelJS.Workbook()
    await mockBook.xlsx.load(mockXlsx.data as ArrayBuffer)
    expect(mockBook.worksheets.map((w) => w.name)).toEqual(["Customers", "Shipments", "Lots"])
    const lotSheet: unknown[][] = []
    mockBook.getWorksheet("Lots")!.eachRow((row, n) => n > 1 && lotSheet.push((row.values as unknown[]).slice(1)))
    expect(lotSheet.map((r) => [r[0], r[3], r[5], r[6]])).toEqual([["RAW-1", 0, 20, 0], ["CHZ-A", 1, expect.any(Number), 1], ["YOG-A", 1, expect.any(Number), 5]])
    expect((await send(api.get(`/admin/recalls/mock/mockrcl_missing/export`, { headers }))).status).toBe(404)
    expect((await send(api.get(`/admin/recalls/mock/${mock.data.mock_recall.id}/export?table=orders`, { headers }))).status).toBe(400)
    expect(await stateSnapshot(container)).toEqual(before)
    const preview = await post("/admin/recalls/preview", { lot_ids: [raw.id] })
    expect(preview.data.summary).toMatchObject({ lots: 3, customers: 3, outstanding_quantity: 6 })
    expect(await stateSnapshot(container)).toEqual(before)

    // Bad requests are refused in words and change nothing.
    const refusals: [unknown, number, RegExp][] = [
      [{ lot_ids: ["lot_missing"], reason: "x", classification: "I" }, 404, /lot_missing/],
      [{ lot_ids: [raw.id], reason: "x", classification: "IV" }, 400, /classification/],
      [{ lot_ids: [raw.id], reason: "  ", classification: "I" }, 400, /reason/],
      [{ lot_ids: [], reason: "x", classification: "I" }, 400, /lot_ids|at least one lot/],
      [{ lot_ids: [raw.id], reason: "r".repeat(2001), classification: "I" }, 400, /reason/],
    ]
    for (const [body, status, message] of refusals) {
      const res = await post("/admin/recalls", body)
      expect({ status: res.status, message: res.data.message }).toEqual({ status, message: expect.stringMatching(message) })
    }
    expect(await stateSnapshot(container)).toEqual(before)

    // The recall.
    const created = await post("/admin/recalls", {
      lot_ids: [raw.id],
      reason: "Listeria monocytogenes found in a retained sample",
      classification: "I",
      public_notice: "Do not eat products with the lot numbers listed. Return them for a refund.",
    })
    expect(created.status).toBe(200)
    const recall = created.data.recall
    expect(recall).toMatchObject({ recall_number: expect.stringMatching(/^RCL-\d{4}-0001$/), status: "open", classification: "I" })
    expect(recall.lots.map((l: any) => [l.lot_number, l.depth, l.status_before]).sort()).toEqual([
      ["CHZ-A", 1, "released"],
      ["RAW-1", 0, "released"],
      ["YOG-A", 1, "released"],
    ])
    expect(recall.customers.map((c: any) => [c.email, c.outstanding_quantity]).sort()).toEqual([
      ["ada@lots.test", 2],
      ["bob@lots.test", 1],
      ["cara@lots.test", 3],
    ])
    expect(recall.customers[0].ship_to).toMatchObject({ country_code: store.country })
    for (const lot of [raw, yogA, chzA]) expect((await lotByNumber(lot.lot_number)).status).toBe("recalled")
    expect((await lotByNumber(cleanMilk.lot_number)).status).toBe("released")

    // Dan's open order moved to the clean yogurt lot.
    const danAfter = await waitFor(
      () => getOrderLots(api, headers, dan.id),
      (lots) => lots.lines[0].allocated.every((a) => a.lot_number === "YOG-B") && lots.lines[0].allocated.length > 0,
      { what: "dan re-allocated" }
    )
    expect(danAfter.lines[0].allocated.reduce((t, a) => t + a.quantity, 0)).toBe(2)
    expect(yogB.id).toBeDefined()

    // Admin feed notification and the module event.
    const notifications = await container.resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
    expect(notifications.map((n: any) => n.data?.title)).toContain(`Recall ${recall.recall_number} (class I) opened`)
    await waitFor(async () => events.find((e) => e.name === "lot.recall_created"), Boolean, { what: "lot.recall_created" })
    expect(events.find((e) => e.name === "lot.recall_created")!.data).toMatchObject({ id: recall.id, customers: 3 })

    // A recalled lot cannot be released.
    const release = await post(`/admin/lots/${yogA.id}/release`, {})
    expect(release.status).toBe(400)
    expect(release.data.message).toMatch(/recalled/)

    // Exports parse back to the same rows.
    const csv = await send(api.get(`/admin/recalls/${recall.id}/export?format=csv&table=customers`, { headers }))
    expect(csv.status).toBe(200)
    const parsed = Papa.parse<Record<string, string>>(String(csv.data).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
    expect(parsed.data.map((r) => [r["E-mail"], Number(r["Units outstanding"])]).sort()).toEqual(
      recall.customers.map((c: any) => [c.email, c.outstanding_quantity]).sort()
    )
    const xlsx = await api.get(`/admin/recalls/${recall.id}/export?format=xlsx`, { headers, responseType: "arraybuffer" } as any)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.data as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Customers", "Shipments", "Lots"])
    const sheetRows = (name: string) => {
      const rows: unknown[][] = []
      workbook.getWorksheet(name)!.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)))
      return rows
    }
    expect(sheetRows("Customers").map((r) => [r[1], r[9]]).sort()).toEqual(
      recall.customers.map((c: any) => [c.email, c.outstanding_quantity]).sort()
    )
    expect(sheetRows("Shipments").map((r) => [r[0], r[12]]).sort()).toEqual([["CHZ-A", 1], ["YOG-A", 2], ["YOG-A", 3]])
    expect(sheetRows("Lots").map((r) => r[0]).sort()).toEqual(["CHZ-A", "RAW-1", "YOG-A"])
    expect((await send(api.get(`/admin/recalls/${recall.id}/export?format=pdf`, { headers }))).status).toBe(400)

    // The store lookup: a recalled lot shows the public notice and nothing else; unknown lots look like clean ones.
    const shopper = storeHeaders(store)
    const recalled = await get(`/store/lots/yog-a/recall-status`, shopper)
    expect(recalled.data).toEqual({
      lot_number: "YOG-A",
      recalled: true,
      recall: {
        recall_number: recall.recall_number,
        classification: "I",
        public_notice: "Do not eat products with the lot numbers listed. Return them for a refund.",
        recalled_at: expect.any(String),
        status: "open",
      },
    })
    const clean = await get(`/store/lots/RAW-2/recall-status`, shopper)
    const unknown = await get(`/store/lots/NOPE-404/recall-status`, shopper)
    expect(clean.data).toEqual({ lot_number: "RAW-2", recalled: false, recall: null })
    expect(unknown.data).toEqual({ lot_number: "NOPE-404", recalled: false, recall: null })
    expect((await get(`/store/lots/${"X".repeat(65)}/recall-status`, shopper)).status).toBe(400)
    expect((await send(api.get(`/store/lots/YOG-A/recall-status`))).status).toBe(400)

    // Progress: customers told; on hand RAW-1 6 + YOG-A 3 + CHZ-A 2; close with a reason; the lots stay recalled.
    const notified = await post(`/admin/recalls/${recall.id}/customers/notified`, {
      customer_keys: [recall.customers.find((c: any) => c.email === "ada@lots.test").customer_key],
      method: "email",
    })
    expect(notified.data.recall.progress).toMatchObject({ customers: 3, customers_notified: 1, outstanding_quantity: 6, on_hand_quantity: 11 })
    expect((await post(`/admin/recalls/${recall.id}/customers/notified`, { customer_keys: ["nobody"], method: "email" })).status).toBe(400)
    const closed = await post(`/admin/recalls/${recall.id}/close`, { reason: "All customers reached; stock destroyed" })
    expect(closed.data.recall).toMatchObject({ status: "closed", close_reason: "All customers reached; stock destroyed" })
    expect((await post(`/admin/recalls/${recall.id}/close`, { reason: "again" })).status).toBe(400)
    expect((await lotByNumber("YOG-A")).status).toBe("recalled")
    expect((await get("/admin/recalls?status=closed")).data.count).toBe(1)
    expect((await get(`/admin/recalls/rcl_missing`)).status).toBe(404)
    expect((await reconciliation(api, headers)).in_balance).toBe(true)
  })

  it("keeps shipped, returned and outstanding apart after a partial return, with order numbers, location names and SKUs in the exports", async () => {
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    ;[main] = store.locations
    const { variant, inventoryItemId } = await createStockedProduct(api, headers, store, { title: "Kefir", sku: "KEF", stock: { [main]: 0 } })
    await setLotPolicy(api, headers, inventoryItemId)
    const lot = await receiveLot(api, headers, {
      inventory_item_id: inventoryItemId, location_id: main, lot_number: "KEF-1", quantity: 5, expires_at: daysFromNow(30),
    })
    const order = await placeOrder(api, store, [{ variant_id: variant.id, quantity: 2 }], { email: "eve@lots.test" })
    const line = order.items[0]
    await waitForOrderLots(api, headers, order)
    await fulfillOrder(api, headers, order.id, { items: [{ id: line.id, quantity: 2 }], location_id: main })
    const returnId = await requestReturn(api, headers, order.id, main, [{ id: line.id, quantity: 1 }])
    await receiveReturn(api, headers, returnId, [{ id: line.id, quantity: 1 }])
    await waitFor(
      () => container.resolve<LotModuleService>(LOT_MODULE).listLotShipments({ lot_id: lot.id }),
      (rows) => rows.length === 1 && Number(rows[0].returned_quantity) === 1,
      { what: "the return booked against the shipment" }
    )
    const units = { shipped_quantity: 2, returned_quantity: 1, outstanding_quantity: 1 }

    const preview = await post("/admin/recalls/preview", { lot_ids: [lot.id] })
    expect(preview.data.summary).toMatchObject(units)
    expect(preview.data.scope.customers).toEqual([
      expect.objectContaining({ email: "eve@lots.test", orders: 1, order_ids: [order.id], quantity: 2, returned_quantity: 1, outstanding_quantity: 1 }),
    ])
    const created = await post("/admin/recalls", { lot_ids: [lot.id], reason: "Foreign body found", classification: "II" })
    expect(created.status).toBe(200)
    const recallId = created.data.recall.id
    const recall = (await get(`/admin/recalls/${recallId}`)).data.recall
    expect(recall.customers).toEqual([expect.objectContaining({ email: "eve@lots.test", ...units })])
    expect(recall.lots).toEqual([expect.objectContaining({ lot_number: "KEF-1", ...units })])
    expect(recall.summary).toMatchObject(units)

    const displayNumber = `#${(await get(`/admin/orders/${order.id}?fields=id,display_id`)).data.order.display_id}`
    expect(preview.data.order_numbers).toEqual({ [order.id]: displayNumber })
    const locationName = (await get(`/admin/stock-locations/${main}`)).data.stock_location.name
    expect(locationName).toEqual(expect.any(String))
    const csv = async (table: string) => {
      const res = await send(api.get(`/admin/recalls/${recallId}/export?format=csv&table=${table}`, { headers }))
      expect(res.status).toBe(200)
      return Papa.parse<Record<string, string>>(String(res.data).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data
    }
    const unitCells = { "Units shipped": "2", "Units returned": "1", "Units outstanding": "1" }
    expect(await csv("customers")).toEqual([
      expect.objectContaining({ "E-mail": "eve@lots.test", "Order numbers": displayNumber, "Order IDs": order.id, ...unitCells }),
    ])
    expect(await csv("shipments")).toEqual([
      expect.objectContaining({
        Lot: "KEF-1", SKU: "KEF", "Order number": displayNumber, "Order ID": order.id,
        "Ship-from location": locationName, "Ship-from location ID": main, ...unitCells,
      }),
    ])
    expect(await csv("lots")).toEqual([
      expect.objectContaining({ Lot: "KEF-1", SKU: "KEF", "Inventory item ID": inventoryItemId, ...unitCells }),
    ])

    const xlsx = await api.get(`/admin/recalls/${recallId}/export?format=xlsx`, { headers, responseType: "arraybuffer" } as any)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.data as ArrayBuffer)
    // Each sheet as header → value objects, so the test reads columns by their label.
    const sheet = (name: string) => {
      const rows: unknown[][] = []
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
      const [header, ...body] = rows
      return body.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? null])))
    }
    const unitNumbers = { "Units shipped": 2, "Units returned": 1, "Units outstanding": 1 }
    expect(sheet("Customers")).toEqual([expect.objectContaining({ "Order numbers": displayNumber, ...unitNumbers })])
    expect(sheet("Shipments")).toEqual([
      expect.objectContaining({ SKU: "KEF", "Order number": displayNumber, "Ship-from location": locationName, ...unitNumbers }),
    ])
    expect(sheet("Lots")).toEqual([expect.objectContaining({ Lot: "KEF-1", SKU: "KEF", ...unitNumbers })])
  })
}
