/**
 * Issue #5 "Regulatory export": GET /admin/traceability/fsma-204 gives the FDA FSMA 204 sortable
 * spreadsheet of receiving, transformation and shipping events with their key data elements: XLSX
 * with a sheet per CTE and a key, CSV with every column and its key as a second download, the same
 * values in both; filtered by period, lot and product; bad parameters are refused.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import ExcelJS from "exceljs"
import Papa from "papaparse"
import { LOT_MODULE } from "../../../src/modules/lot"
import { FSMA_204_COLUMNS, FSMA_SHEETS, type Fsma204Key, type Fsma204Row } from "../../../src/modules/lot/domain/fsma-204-columns"
import type LotModuleService from "../../../src/modules/lot/service"
import { loginAsAdmin } from "../../helpers/admin"
import { cancelFulfillment, createStockedProduct, fulfillOrder, placeOrder, setupStore, type Headers } from "../../helpers/store"
import { daysFromNow, setLotPolicy, waitFor, waitForOrderLots } from "../../helpers/allocation"
import { receive, send } from "../../helpers/lots"

const HEADERS = FSMA_204_COLUMNS.map((c) => c.header)
const headerOf = (key: Fsma204Key) => FSMA_204_COLUMNS.find((c) => c.key === key)!.header
const EMPTY = Object.fromEntries(FSMA_204_COLUMNS.map((c) => [c.key, null])) as Fsma204Row
const values = (row: Fsma204Row) => FSMA_204_COLUMNS.map((c) => row[c.key])
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

  /** The XLSX's sheets (one per CTE, then the key), parsed back with exceljs; cells as their values (empty as null). */
  const xlsxBook = async (query: string) => {
    const { body, headers: h } = await download(`${query}${query ? "&" : "?"}format=xlsx`)
    const workbook = new ExcelJS.Workbook()
    // exceljs types its own Buffer interface, which the newer generic Node Buffer type does not match.
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Receiving", "Transformation", "Shipping", "Key"])
    const rowsOf = (sheet: ExcelJS.Worksheet) => {
      const rows: Cell[][] = []
      sheet.eachRow({ includeEmpty: true }, (row) => {
        rows.push(Array.from({ length: sheet.columnCount }, (_, i) => (row.getCell(i + 1).value as Cell) ?? null))
      })
      return rows
    }
    return { workbook, sheets: Object.fromEntries(workbook.worksheets.map((s) => [s.name, rowsOf(s)])), headers: h }
  }

  /** What each sheet should hold for rows given with every column: its header, then its CTE's rows in its columns. */
  const bySheet = (rows: Fsma204Row[]) =>
    Object.fromEntries(
      FSMA_SHEETS.map((sheet) => [
        sheet.name,
        [
          sheet.columns.map(headerOf),
          ...rows.filter((r) => r.event_type === sheet.name).map((r) => sheet.columns.map((key) => r[key])),
        ],
      ])
    )

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

    const produced = await sqlRows(container, `SELECT id, created_at FROM lot_event WHERE type = 'produced' AND lot_id = ?`, [producedLot.id])
    const shipmentOf = (lotId: string) => shipped.find((s: { lot_id: string }) => s.lot_id === lotId)
    const mainDescription = "Main warehouse, Main warehouse 1, Berlin, DE"
    const recipient = "Erika Mustermann, Hauptstraße 1, 10115 Berlin, DE"
    const shipDate = shipmentOf(boughtYogurt.id).fulfilled_at

    const received = (lot: { received_at: string }, code: string, product: string, quantity: number, supplier: string, supplierLot: string): Fsma204Row => ({
      ...EMPTY, event_type: "Receiving", traceability_lot_code: code, tlc_assigned_by: "Supplier", product_description: product,
      quantity, unit_of_measure: "each", event_date: day(lot.received_at), event_time: time(lot.received_at),
      immediate_previous_source: supplier, previous_source_lot_code: supplierLot, receiving_location: mainDescription,
      exempt_source: "No", lot_code_source: supplier, reference_document_type: "Lot receipt record", reference_document_number: code,
    })
    const expected: Fsma204Row[] = [
      received(milkLot, "MILK-A", "Rohmilch One (SKU MILK-1L)", 10, 'Alpine "Best" Dairy, GmbH', "AD-77"),
      received(boughtYogurt, "YOG-R1", "Joghurt Müller One (SKU YOG-500)", 5, "=Farm Co", "FC-1"),
      {
        ...EMPTY, event_type: "Transformation", traceability_lot_code: "YOG-P1", tlc_assigned_by: "Transformer",
        product_description: "Joghurt Müller One (SKU YOG-500)", quantity: 6, unit_of_measure: "each",
        event_date: day(produced[0].created_at), event_time: time(produced[0].created_at), lot_code_source: mainDescription,
        transformation_location: mainDescription, input_lot_codes: "MILK-A", input_product_descriptions: "Rohmilch One (SKU MILK-1L)",
        input_quantities: "4 each", reference_document_type: "Production record", reference_document_number: "YOG-P1",
      },
      ...[boughtYogurt, { id: producedLot.id }]
        .map((lot) => shipmentOf(lot.id))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((s): Fsma204Row => {
          const ownLot = s.lot_id === producedLot.id
          return {
            ...EMPTY, event_type: "Shipping", traceability_lot_code: ownLot ? "YOG-P1" : "YOG-R1", tlc_assigned_by: ownLot ? "Transformer" : "Supplier",
            product_description: "Joghurt Müller One (SKU YOG-500)", quantity: ownLot ? 2 : 5, unit_of_measure: "each",
            event_date: day(shipDate), event_time: time(shipDate), lot_code_source: ownLot ? mainDescription : "=Farm Co",
            ship_from_location: mainDescription, ship_to_location: recipient,
            reference_document_type: "Sales order", reference_document_number: order.display_id,
          }
        }),
    ]

    // XLSX: a sheet per CTE with its own columns, typed cells (numbers stay numbers), bold frozen
    // header with an autofilter over every column; then the key.
    const xlsx = await xlsxBook("")
    expect(Object.fromEntries(FSMA_SHEETS.map((sheet) => [sheet.name, xlsx.sheets[sheet.name]]))).toEqual(bySheet(expected))
    const receiving = xlsx.workbook.getWorksheet("Receiving")!
    receiving.getRow(1).eachCell((cell) => expect(cell.font).toMatchObject({ bold: true }))
    expect(receiving.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(receiving.autoFilter).toBe("A1:O1")
    expect(xlsx.workbook.getWorksheet("Shipping")!.autoFilter).toBe("A1:M1")
    expect(xlsx.sheets.Key[0]).toEqual(["Column", "Sheets", "Key Data Element (21 CFR)", "Definition and codes"])
    expect(xlsx.sheets.Key.slice(1).map((row) => row[0])).toEqual(HEADERS)
    const today = day(new Date())
    const from = daysFromNow(-29)
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    expect(xlsx.headers["content-disposition"]).toBe(`attachment; filename="fsma-204-${from}-${today}.xlsx"`)

    // CSV: one table of every column, in event-time order, the same values as text; only the
    // supplier that looks like a formula is defused with a '. Its key is a download of its own.
    const csv = await csvRows("")
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(csv.body.toString("utf8")).toContain('"Alpine ""Best"" Dairy, GmbH"')
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8")
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="fsma-204-${from}-${today}.csv"`)
    expect(csv.headers["link"]).toBe(`</admin/traceability/fsma-204?part=key&format=csv>; rel="describedby"`)
    const defused = (cell: Cell) => (cell === "=Farm Co" ? "'=Farm Co" : csvCell(cell))
    expect(csv.rows).toEqual([HEADERS, ...expected.map((row) => values(row).map(defused))])
    const key = await csvRows("?part=key")
    expect(key.headers["content-disposition"]).toBe(`attachment; filename="fsma-204-key.csv"`)
    expect(key.rows).toEqual(xlsx.sheets.Key.map((row) => row.map(csvCell)))

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
    const codes = (rows: string[][]) => rows.slice(1).map((r) => `${r[0]} ${r[1]}`)
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
    expect((await xlsxBook(`?from=${yesterday}&to=${yesterday}`)).sheets).toMatchObject(bySheet([]))
    expect((await csvRows(`?from=${today}&to=${today}`)).rows).toEqual(csv.rows)

    // A lot that does not exist is refused by name rather than exported as nothing.
    const unknownNumber = await send(api.get(`/admin/traceability/fsma-204?lot_number=nope-1`, { headers }))
    expect(unknownNumber).toMatchObject({ status: 404, data: { message: "Lot with lot number: NOPE-1 was not found" } })
    const unknownId = await send(api.get(`/admin/traceability/fsma-204?lot_id=lot_nope&lot_number=MILK-A`, { headers }))
    expect(unknownId).toMatchObject({ status: 404, data: { message: "Lot with id: lot_nope was not found" } })
  })

  it("streams an export of several pages: every event once, in event-time order, ties broken alike across sources", async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    const store = await setupStore(api, container, headers)
    const [main] = store.locations
    const cheese = await createStockedProduct(api, headers, store, { title: "Bergkäse", sku: "CHEESE-1", stock: { [main]: 0 } })
    await setLotPolicy(api, headers, cheese.inventoryItemId)
    const { lot } = await receive(api, headers, {
      inventory_item_id: cheese.inventoryItemId, location_id: main, quantity: 10, lot_number: "CHEESE-A", expires_at: daysFromNow(90),
    })
    // More events than the route reads per page (5,000), two days ago: seven shipments share each
    // second, a receipt every 5.5 shipments shares it too; ids in no particular order; 1% canceled.
    const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await db.raw(
      `INSERT INTO lot_shipment (id, lot_id, inventory_item_id, order_id, line_item_id, fulfillment_id, location_id, quantity,
                                 status, fulfilled_at, shipped_at)
       SELECT 'lotshp_' || md5(n::text), ?, ?, 'order_pg_' || lpad(n::text, 5, '0'), 'ordli_pg_' || n, 'ful_pg_' || n, ?, 1,
              CASE WHEN n % 100 = 0 THEN 'canceled' ELSE 'shipped' END,
              now() - interval '2 days' + (n / 7) * interval '1 second', now() - interval '2 days' + (n / 7) * interval '1 second'
         FROM generate_series(1, 11000) AS n`,
      [lot.id, cheese.inventoryItemId, main]
    )
    await db.raw(
      `INSERT INTO lot_event (id, lot_id, type, quantity, location_id, reference_type, data, created_at, updated_at)
       SELECT 'lotevt_' || md5('r' || n), ?, 'received', 1, ?, 'lot_receipt',
              jsonb_build_object('reference_document_type', 'Bill of lading', 'reference_document_number', 'DOC-' || n),
              now() - interval '2 days' + (n * 11 / 14) * interval '1 second', now()
         FROM generate_series(1, 2000) AS n`,
      [lot.id, main]
    )
    const expected = (
      await sqlRows(
        container,
        `SELECT ref FROM (SELECT s.order_id AS ref, coalesce(s.shipped_at, s.fulfilled_at) AS at, s.id FROM lot_shipment s
                           WHERE s.lot_id = ? AND s.status <> 'canceled'
                          UNION ALL
                          SELECT e.data->>'reference_document_number', e.created_at, e.id FROM lot_event e
                           WHERE e.lot_id = ? AND e.type = 'received' AND e.to_status IS NULL) x
          ORDER BY at, id`,
        [lot.id, lot.id]
      )
    ).map((r: { ref: string }) => r.ref)
    expect(expected).toHaveLength(10890 + 2000)

    const { rows } = await csvRows("")
    const column = (key: Fsma204Key) => rows[0].indexOf(headerOf(key))
    const [number, date, time] = [column("reference_document_number"), column("event_date"), column("event_time")]
    const events = rows.slice(1)
    // The lot's own receipt (today) comes last; before it, what was inserted, each once and in order.
    expect(events).toHaveLength(expected.length + 1)
    expect(events.slice(0, -1).map((r) => r[number])).toEqual(expected)
    expect(events.at(-1)![number]).toBe("CHEESE-A")
    const moments = events.map((r) => `${r[date]}T${r[time]}`)
    expect(moments).toEqual([...moments].sort())
  })

  it("refuses bad parameters with a 400 naming the field, and anonymous callers with a 401", async () => {
    ;({ headers } = await loginAsAdmin(api, getContainer()))
    const refusal = async (query: string) => {
      const res = await send(api.get(`/admin/traceability/fsma-204${query}`, { headers }))
      expect(res.status).toBe(400)
      return res.data.message as string
    }
    expect(await refusal("?format=pdf")).toMatch(/format must be csv or xlsx/)
    expect(await refusal("?part=notes")).toMatch(/part must be events \(the spreadsheet\) or key/)
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
