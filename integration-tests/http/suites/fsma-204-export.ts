/**
 * Issue #5 "Regulatory export": GET /admin/traceability/fsma-204 gives the FDA FSMA 204 sortable
 * spreadsheet of receiving, transformation and shipping events with their key data elements, as
 * CSV or XLSX with the same rows, filtered by period, lot and product; bad parameters are refused.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import ExcelJS from "exceljs"
import Papa from "papaparse"
import { LOT_MODULE } from "../../../src/modules/lot"
import { FSMA_204_COLUMNS } from "../../../src/modules/lot/domain/fsma-204"
import type LotModuleService from "../../../src/modules/lot/service"
import { loginAsAdmin } from "../../helpers/admin"
import { cancelFulfillment, createStockedProduct, fulfillOrder, placeOrder, setupStore, type Headers } from "../../helpers/store"
import { daysFromNow, setLotPolicy, waitFor, waitForOrderLots } from "../../helpers/allocation"
import { receive, send } from "../../helpers/lots"

const HEADERS = FSMA_204_COLUMNS.map((c) => c.header)
type Cell = string | number | null

const sqlRows = async (container: MedusaContainer, query: string, params: string[]) =>
  (await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(query, params)).rows

const day = (value: Date | string) => new Date(value).toISOString().slice(0, 10)
const time = (value: Date | string) => new Date(value).toISOString().slice(11, 19)

export function fsma204ExportSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers

  const download = async (query: string) => {
    const res = await api.get(`/admin/traceability/fsma-204${query}`, { headers, responseType: "arraybuffer" })
    return { headers: res.headers as Record<string, string>, body: Buffer.from(res.data as ArrayBuffer) }
  }

  /** The CSV's rows, parsed back with papaparse; cells as text (empty cells as ""). */
  const csvRows = async (query: string) => {
    const { body, headers: h } = await download(query)
    const parsed = Papa.parse<string[]>(body.toString("utf8"))
    expect(parsed.errors).toEqual([])
    return { rows: parsed.data, headers: h, body }
  }

  /** The XLSX's only sheet, parsed back with exceljs; cells as their values (empty as null). */
  const xlsxSheet = async (query: string) => {
    const { body, headers: h } = await download(`${query}${query ? "&" : "?"}format=xlsx`)
    const workbook = new ExcelJS.Workbook()
    // exceljs types its own Buffer interface, which the newer generic Node Buffer type does not match.
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Critical Tracking Events"])
    const sheet = workbook.worksheets[0]
    const rows: Cell[][] = []
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(HEADERS.map((_, i) => (row.getCell(i + 1).value as Cell) ?? null))
    })
    return { sheet, rows, headers: h }
  }

  const csvCell = (value: Cell) => (value === null ? "" : String(value))

  it("exports receiving, transformation and shipping events with exact key data elements, the same in CSV and XLSX", async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    const store = await setupStore(api, container, headers)
    const [main] = store.locations
    const milk = await createStockedProduct(api, headers, store, { title: "Rohmilch", sku: "MILK-1L", stock: { [main]: 0 } })
    const yogurt = await createStockedProduct(api, headers, store, { title: "Joghurt Müller", sku: "YOG-500", stock: { [main]: 0 } })
    await setLotPolicy(api, headers, milk.inventoryItemId)
    await setLotPolicy(api, headers, yogurt.inventoryItemId)

    // A supplier name with a comma and quotes tests CSV quoting; one starting with "=" the formula guard.
    const { lot: milkLot } = await receive(api, headers, {
      inventory_item_id: milk.inventoryItemId,
      location_id: main,
      quantity: 10,
      lot_number: "MILK-A",
      expires_at: daysFromNow(60),
      supplier: 'Alpine "Best" Dairy, GmbH',
      supplier_lot_number: "AD-77",
    })
    const { lot: boughtYogurt } = await receive(api, headers, {
      inventory_item_id: yogurt.inventoryItemId,
      location_id: main,
      quantity: 5,
      lot_number: "YOG-R1",
      expires_at: daysFromNow(20),
      supplier: "=Farm Co",
      supplier_lot_number: "FC-1",
    })
    const { data: made } = await api.post(
      "/admin/lots/productions",
      {
        location_id: main,
        inputs: [{ lot_id: milkLot.id, quantity: 4 }],
        output: { inventory_item_id: yogurt.inventoryItemId, quantity: 6, lot_number: "YOG-P1", expires_at: daysFromNow(40) },
      },
      { headers }
    )
    const producedLot = made.lot as { id: string }
    const transformationId = made.production.transformation_id as string

    // 7 units ship: FEFO takes YOG-R1's 5 then 2 of YOG-P1.
    const order = await placeOrder(api, store, [{ variant_id: yogurt.variant.id, quantity: 7 }], { email: "ada@lots.test" })
    await waitForOrderLots(api, headers, order)
    const { fulfillment } = await fulfillOrder(api, headers, order.id, { items: [{ id: order.items[0].id, quantity: 7 }], location_id: main })
    const shipped = await waitFor(
      () => sqlRows(container, `SELECT id, lot_id, fulfilled_at FROM lot_shipment WHERE fulfillment_id = ? ORDER BY id`, [fulfillment.id]),
      (rows) => rows.length === 2,
      { what: "the fulfillment's shipment links" }
    )
    // A canceled fulfillment's link stays in the history but is no shipping event.
    const canceledOrder = await placeOrder(api, store, [{ variant_id: yogurt.variant.id, quantity: 1 }])
    await waitForOrderLots(api, headers, canceledOrder)
    const canceled = (await fulfillOrder(api, headers, canceledOrder.id, { items: [{ id: canceledOrder.items[0].id, quantity: 1 }], location_id: main })).fulfillment
    await waitFor(() => sqlRows(container, `SELECT id FROM lot_shipment WHERE fulfillment_id = ?`, [canceled.id]), (rows) => rows.length === 1)
    await cancelFulfillment(api, headers, canceledOrder.id, canceled.id)
    await waitFor(
      () => sqlRows(container, `SELECT status FROM lot_shipment WHERE fulfillment_id = ?`, [canceled.id]),
      (rows) => rows[0]?.status === "canceled",
      { what: "the canceled link" }
    )

    const [receipts, produced] = await Promise.all([
      sqlRows(container, `SELECT lot_id, id FROM lot_event WHERE type = 'received' ORDER BY created_at`, []),
      sqlRows(container, `SELECT id, created_at FROM lot_event WHERE type = 'produced' AND lot_id = ?`, [producedLot.id]),
    ])
    const receiptOf = (lotId: string) => receipts.find((r: { lot_id: string }) => r.lot_id === lotId).id
    const shipmentOf = (lotId: string) => shipped.find((s: { lot_id: string }) => s.lot_id === lotId)
    const mainDescription = "Main warehouse, Main warehouse 1, Berlin, DE"
    const recipient = "Erika Mustermann, Hauptstraße 1, 10115 Berlin, DE"
    const shipDate = shipmentOf(boughtYogurt.id).fulfilled_at

    // [type, date, time, lot code, product, qty, uom, lot code source, previous source, previous lot code,
    //  receiving location, ship-from, ship-to, transformation location, inputs, input qty, input products,
    //  reference type, reference number, order number]
    const expected: Cell[][] = [
      ["Receiving", day(milkLot.received_at), time(milkLot.received_at), "MILK-A", "Rohmilch One (SKU MILK-1L)", 10, "each",
        'Alpine "Best" Dairy, GmbH', 'Alpine "Best" Dairy, GmbH', "AD-77", mainDescription, null, null, null, null, null, null,
        "Lot receipt", receiptOf(milkLot.id), null],
      ["Receiving", day(boughtYogurt.received_at), time(boughtYogurt.received_at), "YOG-R1", "Joghurt Müller One (SKU YOG-500)", 5, "each",
        "=Farm Co", "=Farm Co", "FC-1", mainDescription, null, null, null, null, null, null,
        "Lot receipt", receiptOf(boughtYogurt.id), null],
      ["Transformation", day(produced[0].created_at), time(produced[0].created_at), "YOG-P1", "Joghurt Müller One (SKU YOG-500)", 6, "each",
        mainDescription, null, null, null, null, null, mainDescription, "MILK-A", "4", "Rohmilch One (SKU MILK-1L)",
        "Production record", transformationId, null],
      ...[boughtYogurt, { id: producedLot.id }]
        .map((lot) => shipmentOf(lot.id))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((s): Cell[] => [
          "Shipping", day(shipDate), time(shipDate), s.lot_id === producedLot.id ? "YOG-P1" : "YOG-R1", "Joghurt Müller One (SKU YOG-500)",
          s.lot_id === producedLot.id ? 2 : 5, "each", s.lot_id === producedLot.id ? mainDescription : "=Farm Co",
          null, null, null, mainDescription, recipient, null, null, null, null,
          "Fulfillment", fulfillment.id, order.display_id,
        ]),
    ]

    // XLSX: typed cells (numbers stay numbers), bold frozen header with an autofilter over every column.
    const xlsx = await xlsxSheet("")
    expect(xlsx.rows).toEqual([HEADERS, ...expected])
    HEADERS.forEach((_, i) => expect(xlsx.sheet.getRow(1).getCell(i + 1).font).toMatchObject({ bold: true }))
    expect(xlsx.sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(xlsx.sheet.autoFilter).toBe("A1:T1")
    expect(xlsx.sheet.getColumn(5).width).toBe(36)
    const today = day(new Date())
    const from = daysFromNow(-29)
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    expect(xlsx.headers["content-disposition"]).toBe(`attachment; filename="fsma-204-${from}-${today}.xlsx"`)

    // CSV: the same rows as text; only the supplier that looks like a formula is defused with a '.
    const csv = await csvRows("")
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(csv.body.toString("utf8")).toContain('"Alpine ""Best"" Dairy, GmbH"')
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8")
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="fsma-204-${from}-${today}.csv"`)
    const defused = (cell: Cell) => (cell === "=Farm Co" ? "'=Farm Co" : csvCell(cell))
    expect(csv.rows).toEqual([HEADERS, ...expected.map((row) => row.map(defused))])

    // Paging: small pages walk the same rows in the same order (ties in time broken by id), once each.
    const lotsModule = container.resolve<LotModuleService>(LOT_MODULE)
    const period = { start: new Date(Date.now() - 86_400_000), end: new Date(Date.now() + 86_400_000) }
    const all = await lotsModule.listFsmaEvents(period, { take: 100 })
    const paged: typeof all = []
    for (let page = await lotsModule.listFsmaEvents(period, { take: 2 }); page.length; ) {
      paged.push(...page)
      page = await lotsModule.listFsmaEvents(period, { after: page[page.length - 1], take: 2 })
    }
    expect(all).toHaveLength(5)
    expect(paged).toEqual(all)

    // Filters. By lot number (any case) or id: the lot's own events, and a transformation it went into.
    const codes = (rows: string[][]) => rows.slice(1).map((r) => `${r[0]} ${r[3]}`)
    expect(codes((await csvRows("?lot_number=yog-p1")).rows)).toEqual(["Transformation YOG-P1", "Shipping YOG-P1"])
    expect(codes((await csvRows(`?lot_id=${milkLot.id}`)).rows)).toEqual(["Receiving MILK-A", "Transformation YOG-P1"])
    expect(codes((await csvRows(`?lot_number=MILK-A&lot_number=YOG-R1`)).rows)).toEqual([
      "Receiving MILK-A", "Receiving YOG-R1", "Transformation YOG-P1", "Shipping YOG-R1",
    ])
    // By product: the item's lots, and transformations that consumed it.
    expect(codes((await csvRows(`?inventory_item_id=${milk.inventoryItemId}`)).rows)).toEqual(["Receiving MILK-A", "Transformation YOG-P1"])
    expect(codes((await csvRows(`?inventory_item_id=${yogurt.inventoryItemId}`)).rows)).toEqual(
      codes(csv.rows).filter((c) => c !== "Receiving MILK-A")
    )
    expect(codes((await csvRows(`?inventory_item_id=${yogurt.inventoryItemId}&lot_number=MILK-A`)).rows)).toEqual(["Transformation YOG-P1"])
    // By period: nothing happened before today; a period ending today has it all.
    const yesterday = daysFromNow(-1)
    expect((await csvRows(`?from=${daysFromNow(-700)}&to=${yesterday}`)).rows).toEqual([HEADERS])
    expect((await xlsxSheet(`?from=${yesterday}&to=${yesterday}`)).rows).toEqual([HEADERS])
    expect((await csvRows(`?from=${today}&to=${today}`)).rows).toEqual(csv.rows)

    // A lot that does not exist is refused by name rather than exported as nothing.
    const unknownNumber = await send(api.get(`/admin/traceability/fsma-204?lot_number=nope-1`, { headers }))
    expect(unknownNumber).toMatchObject({ status: 404, data: { message: "Lot with lot number: NOPE-1 was not found" } })
    const unknownId = await send(api.get(`/admin/traceability/fsma-204?lot_id=lot_nope&lot_number=MILK-A`, { headers }))
    expect(unknownId).toMatchObject({ status: 404, data: { message: "Lot with id: lot_nope was not found" } })
  })

  it("refuses bad parameters with a 400 naming the field, and anonymous callers with a 401", async () => {
    ;({ headers } = await loginAsAdmin(api, getContainer()))
    const refusal = async (query: string) => {
      const res = await send(api.get(`/admin/traceability/fsma-204${query}`, { headers }))
      expect(res.status).toBe(400)
      return res.data.message as string
    }
    expect(await refusal("?format=pdf")).toMatch(/format must be csv or xlsx/)
    expect(await refusal("?from=2026-05-02&to=2026-05-01")).toMatch(/from \(2026-05-02\) is after to \(2026-05-01\)/)
    expect(await refusal("?from=2026-02-30&to=2026-03-01")).toMatch(/from must be a calendar date like 2026-03-31/)
    expect(await refusal("?to=yesterday")).toMatch(/to must be a calendar date/)
    expect(await refusal("?from=2023-01-01&to=2025-12-31")).toMatch(
      /the period from 2023-01-01 to 2025-12-31 spans 1096 days; one export covers at most 731 days \(two years\)/
    )
    expect(await refusal(`?from=${daysFromNow(-800)}`)).toMatch(/at most 731 days/)
    expect(await refusal("?lot=MILK-A")).toMatch(/Unrecognized fields: 'lot'/)
    expect(await refusal(`?lot_id=${"x".repeat(101)}`)).toMatch(/field 'lot_id' too big, expected at most: '100'/)

    const anonymous = await send(api.get(`/admin/traceability/fsma-204`))
    expect(anonymous.status).toBe(401)
  })
}
