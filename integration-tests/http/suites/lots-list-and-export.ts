/**
 * The Lots page's API: GET /admin/lots searched by lot number, SKU, item title or product title
 * beside its filters, and GET /admin/lots/export — the same lots, CSV or XLSX, one line per lot and
 * location, read a page at a time in lot-number order.
 */
import ExcelJS from "exceljs"
import Papa from "papaparse"
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse } from "../../helpers/fixtures"
import { expectRefused, receive, send, setPolicy, type Headers } from "../../helpers/lots"

const HEADER = [
  "Lot number", "Product", "Item", "SKU", "Status", "Expiry", "Manufactured", "Received",
  "Supplier", "Supplier lot", "Location", "On hand", "Allocated", "Available",
]

export function lotsListAndExportSuite({ api, getContainer }: MedusaSuiteOptions) {
  let container: MedusaContainer
  let headers: Headers
  let w: Awaited<ReturnType<typeof createWarehouse>>
  let kefirItemId: string
  const today = new Date().toISOString().slice(0, 10)

  const numbers = async (query: string) => {
    const res = await send(api.get(`/admin/lots${query}`, { headers }))
    expect([query, res.status]).toEqual([query, 200])
    return (res.data.lots as { lot_number: string }[]).map((l) => l.lot_number).sort()
  }
  const download = async (query: string) => {
    const res = await api.get(`/admin/lots/export${query}`, { headers, responseType: "arraybuffer" })
    expect([query, res.status]).toEqual([query, 200])
    return { body: Buffer.from(res.data as ArrayBuffer), headers: res.headers as Record<string, string> }
  }
  const csvRows = async (query: string) => {
    const { body, headers: h } = await download(query)
    const text = body.toString("utf8")
    expect(text.startsWith("\uFEFF")).toBe(true)
    const parsed = Papa.parse<string[]>(text.slice(1))
    expect(parsed.errors).toEqual([])
    return { rows: parsed.data, headers: h }
  }

  beforeEach(async () => {
    container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    w = await createWarehouse(container)
    // A product made the Medusa way: its inventory item is named after the variant ("1 L").
    const { data } = await api.post(
      "/admin/products?fields=id,*variants,*variants.inventory_items",
      {
        title: "Organic kefir",
        options: [{ title: "Size", values: ["1 L"] }],
        variants: [{ title: "1 L", sku: "KEF-1L", manage_inventory: true, options: { Size: "1 L" }, prices: [{ currency_code: "eur", amount: 3 }] }],
      },
      { headers }
    )
    kefirItemId = data.product.variants[0].inventory_items[0].inventory_item_id
    for (const id of [w.yogurt.id, w.cola.id, kefirItemId]) await setPolicy(api, headers, id)
    const yogA = await receive(api, headers, {
      inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "L-100", expires_at: "2031-12-10",
      manufactured_at: "2026-01-05", supplier: "Zuivel Noord", supplier_lot_number: "ZN-7",
    })
    await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 3, lot_id: yogA.lot.id })
    await receive(api, headers, {
      inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 4, lot_number: "L-200", expires_at: "2032-01-15", status: "quarantine",
    })
    await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 24, lot_number: "C-300" })
    await receive(api, headers, { inventory_item_id: kefirItemId, location_id: w.main.id, quantity: 6, lot_number: "K-400", expires_at: "2032-02-01" })
  })

  it("searches lot numbers, SKUs, item titles and product titles, alone or with the other filters", async () => {
    expect(await numbers("?q=l-1")).toEqual(["L-100"])
    expect(await numbers("?q=yog-5")).toEqual(["L-100", "L-200"]) // SKU YOG-500
    expect(await numbers("?q=cola 330")).toEqual(["C-300"]) // item title "Cola 330 ml"
    expect(await numbers("?q=KEFIR")).toEqual(["K-400"]) // product title; the item is called "1 L"
    expect(await numbers("?q=nothing-like-this")).toEqual([])
    expect(await numbers(`?q=yogurt&location_id=${w.cold.id}&status=quarantine`)).toEqual(["L-200"])
    expect(await numbers(`?q=yogurt&expires_after=2031-12-01&expires_before=2032-01-01`)).toEqual(["L-100"])
    expect(await numbers(`?q=yogurt&inventory_item_id=${w.cola.id}`)).toEqual([])
    // A wildcard in the search text is a character, for item names too.
    expect(await numbers(`?q=${encodeURIComponent("_")}`)).toEqual([])
  })

  it("exports the listed lots as CSV: one line per lot and location with stock, in lot-number order", async () => {
    const { rows, headers: h } = await csvRows("")
    expect(h["content-type"]).toBe("text/csv; charset=utf-8")
    expect(h["content-disposition"]).toBe(`attachment; filename="lots-${today}.csv"`)
    expect(rows).toEqual([
      HEADER,
      ["C-300", "", "Cola 330 ml", "COLA-330", "released", "", "", today, "", "", "Main warehouse", "24", "0", "24"],
      ["K-400", "Organic kefir", "1 L", "KEF-1L", "released", "2032-02-01", "", today, "", "", "Main warehouse", "6", "0", "6"],
      ["L-100", "", "Greek yogurt 500 g", "YOG-500", "released", "2031-12-10", "2026-01-05", today, "Zuivel Noord", "ZN-7", "Cold store", "3", "0", "3"],
      ["L-100", "", "Greek yogurt 500 g", "YOG-500", "released", "2031-12-10", "2026-01-05", today, "Zuivel Noord", "ZN-7", "Main warehouse", "10", "0", "10"],
      // Quarantined: on hand, nothing available to orders.
      ["L-200", "", "Greek yogurt 500 g", "YOG-500", "quarantine", "2032-01-15", "", today, "", "", "Cold store", "4", "0", "0"],
    ])
  })

  it("exports with the list's filters, and the same lines as XLSX", async () => {
    const filtered = await csvRows(`?q=yogurt&location_id=${w.cold.id}`)
    expect(filtered.rows.map((row) => [row[0], row[10], row[11]])).toEqual([
      ["Lot number", "Location", "On hand"],
      ["L-100", "Cold store", "3"],
      ["L-200", "Cold store", "4"],
    ])
    expect((await csvRows("?status=quarantine&status=on_hold")).rows.map((row) => row[0])).toEqual(["Lot number", "L-200"])

    const { body, headers: h } = await download(`?q=yogurt&location_id=${w.cold.id}&format=xlsx`)
    expect(h["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    expect(h["content-disposition"]).toBe(`attachment; filename="lots-${today}.xlsx"`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer)
    const sheet = workbook.getWorksheet("Lots")!
    const cells: unknown[][] = []
    sheet.eachRow((row) => cells.push(Array.from({ length: HEADER.length }, (_, i) => row.getCell(i + 1).value ?? null)))
    expect(cells.map((row) => row.map((cell) => (cell === null ? "" : String(cell))))).toEqual(filtered.rows)
    expect(sheet.autoFilter).toBe("A1:N1")
  })

  it("reads the export page after page in lot-number order, every lot once, while lots are received in between", async () => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const first = await lots.searchLotsAfterNumber({}, { take: 2 })
    expect(first.map((l) => l.lot_number)).toEqual(["C-300", "K-400"])
    // A lot received between two pages, before the one read last: an offset would read K-400 twice.
    await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.main.id, quantity: 1, lot_number: "A-050" })
    const second = await lots.searchLotsAfterNumber({}, { after: "K-400", take: 2 })
    expect(second.map((l) => l.lot_number)).toEqual(["L-100", "L-200"])
    expect(await lots.searchLotsAfterNumber({}, { after: "L-200", take: 2 })).toEqual([])
    expect((await lots.searchLotsAfterNumber({ status: ["quarantine"] }, { take: 2 })).map((l) => l.lot_number)).toEqual(["L-200"])
  })

  it("refuses bad filters with a 400 naming the field, and strangers with a 401", async () => {
    const cases: [string, RegExp][] = [
      ["/admin/lots/export?format=pdf", /format must be csv or xlsx/],
      ["/admin/lots/export?status=sold", /status must be one of/],
      ["/admin/lots/export?expires_before=2027-13-01", /expires_before must be a date like 2027-03-31/],
      ["/admin/lots/export?expires_after=soon", /expires_after must be a date like 2027-03-31/],
      ["/admin/lots/export?limit=10", /Unrecognized fields: 'limit'/],
      [`/admin/lots/export?q=${"x".repeat(65)}`, /Value for field 'q' too big, expected at most: '64'/],
      ["/admin/lots/export?in_stock=yes", /in_stock must be true or false/],
      ["/admin/lots?expires_before=2027-13-01", /expires_before must be a date like 2027-03-31/],
      [`/admin/lots?q=${"x".repeat(65)}`, /Value for field 'q' too big, expected at most: '64'/],
    ]
    for (const [url, message] of cases) {
      await expectRefused(container, () => send(api.get(url, { headers })), 400, message)
    }
    expect((await send(api.get("/admin/lots/export"))).status).toBe(401)
  })

  it("in_stock=true leaves out lots with nothing on hand (at the named location, when there is one), as the Expiry page exports", async () => {
    const gone = await receive(api, headers, { inventory_item_id: w.cola.id, location_id: w.cold.id, quantity: 2, lot_number: "C-900", expires_at: "2031-12-20" })
    const scrapped = await send(api.post(`/admin/lots/${gone.lot.id}/adjust`, { location_id: w.cold.id, quantity_change: -2, reason: "scrap" }, { headers }))
    expect(scrapped.status).toBe(200)
    expect(await numbers("?expires_after=2031-12-01&expires_before=2032-01-01")).toEqual(["C-900", "L-100"])
    expect(await numbers("?expires_after=2031-12-01&expires_before=2032-01-01&in_stock=true")).toEqual(["L-100"])
    expect(await numbers(`?in_stock=true&location_id=${w.cold.id}`)).toEqual(["L-100", "L-200"])
    expect(await numbers("?in_stock=false&expires_after=2031-12-01&expires_before=2032-01-01")).toEqual(["C-900", "L-100"])
    const { rows } = await csvRows("?in_stock=true&expires_after=2031-12-01&expires_before=2032-01-01")
    expect(rows.slice(1).map((r) => [r[0], r[10]])).toEqual([
      ["L-100", "Cold store"],
      ["L-100", "Main warehouse"],
    ])
  })
}
