/**
 * Issue #15, FSMA 204: suppliers as master data (GET/POST /admin/lot-suppliers, GET/POST/DELETE
 * /admin/lot-suppliers/:id) with GLN and FDA registration checks; receipts that pick a supplier,
 * mark an exempt source, say who assigned the lot code and name their delivery document; the unit
 * of measure per item; and how the export's sheets, key and CSV key carry them.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import ExcelJS from "exceljs"
import Papa from "papaparse"
import { FSMA_204_COLUMNS, FSMA_SHEETS, type Fsma204Key } from "../../../src/modules/lot/domain/fsma-204-columns"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse } from "../../helpers/fixtures"
import { expectRefused, getLot, receive, send, setPolicy, snapshot, yymmdd } from "../../helpers/lots"

const ALPINE = {
  name: "Alpine Dairy",
  address_1: "Bergweg 2",
  postal_code: "6020",
  city: "Innsbruck",
  province: "Tirol",
  country_code: "AT",
  phone: "+43 512 1",
  gln: "0614 1410 00005",
  ffrn: "123-456-789-01",
  url: "https://alpine-dairy.example",
}
const ALPINE_DESCRIPTION = "Alpine Dairy, Bergweg 2, 6020 Innsbruck, Tirol, AT, phone +43 512 1"
const ALPINE_REFERENCE = "GLN 0614141000005; FDA FFRN 12345678901; URL https://alpine-dairy.example"

export function lotSuppliersSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let w: Awaited<ReturnType<typeof createWarehouse>>

  beforeEach(async () => {
    headers = (await loginAsAdmin(api, getContainer())).headers
    w = await createWarehouse(getContainer())
  })

  const post = (url: string, body: unknown) => send(api.post(url, body, { headers }))
  const get = (url: string) => send(api.get(url, { headers }))
  const createSupplier = async (body: Record<string, unknown>) => {
    const res = await post("/admin/lot-suppliers", body)
    expect(res.status).toBe(200)
    return res.data.lot_supplier
  }

  it("keeps suppliers: create, search, page, read, edit, delete; bad identifiers refused in merchant words, nothing written", async () => {
    const container = getContainer()
    const alpine = await createSupplier(ALPINE)
    expect(alpine).toMatchObject({
      id: expect.stringMatching(/^lotsup_/),
      name: "Alpine Dairy",
      country_code: "at",
      gln: "0614141000005",
      ffrn: "12345678901",
      address_2: null,
    })
    const berger = await createSupplier({ name: "Hof Berger", city: "Kufstein" })

    const refusals: [Record<string, unknown>, number, RegExp][] = [
      [{ name: "Typo Farm", gln: "0614141000006" }, 400, /gln 0614141000006 has a wrong check digit: a GLN starting 061414100000 ends in 5/],
      [{ name: "Short", gln: "12345" }, 400, /gln must be a GS1 Global Location Number of exactly 13 digits/],
      [{ name: "Farm", ffrn: "1234" }, 400, /ffrn must be an FDA Food Facility Registration Number of exactly 11 digits/],
      [{ name: "Farm", url: "javascript:alert(1)" }, 400, /url must be a web address/],
      [{ name: "Farm", country_code: "Austria" }, 400, /country_code/],
      [{ name: "  " }, 400, /name is required/],
      [{ city: "Nowhere" }, 400, /name/],
      [{ name: "Farm", fax: "1" }, 400, /Unrecognized fields: 'fax'/],
      [{ name: "Copy of Alpine", gln: "0614141000005" }, 422, /Supplier Alpine Dairy \(lotsup_\w+\) already has GLN 0614141000005/],
    ]
    for (const [body, status, message] of refusals) {
      await expectRefused(container, () => post("/admin/lot-suppliers", body), status, message)
    }

    const list = async (query: string) => (await get(`/admin/lot-suppliers${query}`)).data
    expect(await list("")).toMatchObject({ count: 2, offset: 0, limit: 50, lot_suppliers: [{ id: alpine.id }, { id: berger.id }] })
    expect((await list("?q=alpine")).lot_suppliers.map((s: { id: string }) => s.id)).toEqual([alpine.id])
    expect((await list("?q=0614141000005")).lot_suppliers.map((s: { id: string }) => s.id)).toEqual([alpine.id])
    expect((await list("?q=kufstein")).lot_suppliers.map((s: { id: string }) => s.id)).toEqual([berger.id])
    expect(await list("?limit=1&offset=1")).toMatchObject({ count: 2, lot_suppliers: [{ id: berger.id }] })
    expect((await get("/admin/lot-suppliers?limit=0")).status).toBe(400)

    expect((await get(`/admin/lot-suppliers/${alpine.id}`)).data.lot_supplier).toEqual(alpine)
    const unknown = await get("/admin/lot-suppliers/lotsup_nope")
    expect(unknown).toMatchObject({ status: 404, data: { message: expect.stringMatching(/^Supplier with id: lotsup_nope was not found/) } })

    const edited = await post(`/admin/lot-suppliers/${alpine.id}`, { phone: "+43 512 2", url: null })
    expect(edited.data.lot_supplier).toMatchObject({ phone: "+43 512 2", url: null, gln: "0614141000005", name: "Alpine Dairy" })
    await expectRefused(container, () => post(`/admin/lot-suppliers/${berger.id}`, { gln: "0614141000005" }), 422, /already has GLN/)
    await expectRefused(container, () => post(`/admin/lot-suppliers/${berger.id}`, { gln: "4012345000008" }), 400, /ends in 9/)
    await expectRefused(container, () => post("/admin/lot-suppliers/lotsup_nope", { phone: "+1 555 0100" }), 404, /Supplier with id: lotsup_nope/)

    const deleted = await send(api.delete(`/admin/lot-suppliers/${berger.id}`, { headers }))
    expect(deleted.data).toEqual({ id: berger.id, object: "lot_supplier", deleted: true })
    expect((await get(`/admin/lot-suppliers/${berger.id}`)).status).toBe(404)
    expect((await send(api.delete(`/admin/lot-suppliers/${berger.id}`, { headers }))).status).toBe(404)
    expect((await list("")).count).toBe(1)
    // A deleted supplier's GLN may be given to a new record.
    await createSupplier({ name: "Hof Berger GmbH", gln: "4012345000009" })
  })

  it("receives from a supplier record or an exempt source with a delivery document; refused receipts change nothing and consume no lot number", async () => {
    const container = getContainer()
    const policy = await setPolicy(api, headers, w.yogurt.id, { unit_of_measure: "case of 6" })
    expect(policy.unit_of_measure).toBe("case of 6")
    await setPolicy(api, headers, w.cola.id, {})
    await expectRefused(container, () => post(`/admin/inventory-items/${w.yogurt.id}/lot-policy`, { unit_of_measure: "<b>" }), 400, /unit_of_measure may contain/)
    const alpine = await createSupplier(ALPINE)
    const berger = await createSupplier({ name: "Hof Berger", city: "Kufstein", country_code: "at" })
    const base = { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 4 }

    const refusals: [Record<string, unknown>, number, RegExp][] = [
      [{ supplier_id: "lotsup_nope" }, 404, /Supplier with id: lotsup_nope was not found/],
      [{ supplier_id: alpine.id, supplier: "Alpine" }, 400, /Send supplier_id or supplier, not both/],
      [{ supplier_id: alpine.id, tlc_assigned_by: "supplier" }, 400, /no lot number was given and one would be generated here/],
      [{ lot_number: "X-1", tlc_assigned_by: "supplier" }, 400, /no supplier is named/],
      [{ exempt_source: true }, 400, /exempt source must name that source/],
      [{ tlc_assigned_by: "farmer" }, 400, /tlc_assigned_by must be supplier .* or receiver/],
      [{ receipt_document_type: "Bill of lading" }, 400, /receipt_document_number is required with the other/],
      [{ exempt_source: "yes" }, 400, /exempt_source must be true or false/],
    ]
    for (const [extra, status, message] of refusals) {
      await expectRefused(container, () => post("/admin/lots", { ...base, ...extra }), status, message)
    }

    const bought = await receive(api, headers, {
      ...base,
      supplier_id: alpine.id,
      lot_number: "AD-77-1",
      supplier_lot_number: "AD-77",
      receipt_document_type: "Bill of lading",
      receipt_document_number: "BOL-4471",
    })
    expect(bought.lot).toMatchObject({
      supplier: "Alpine Dairy",
      supplier_id: alpine.id,
      supplier_details: { name: "Alpine Dairy", gln: "0614141000005", ffrn: "12345678901", city: "Innsbruck", phone: "+43 512 1" },
      exempt_source: false,
      tlc_assigned_by: "supplier",
      receipt_document_type: "Bill of lading",
      receipt_document_number: "BOL-4471",
    })
    // The refused receipts above consumed no sequence value: the first generated number ends in 001.
    const exempt = await receive(api, headers, { ...base, quantity: 2, supplier_id: berger.id, exempt_source: true })
    expect(exempt.lot).toMatchObject({ lot_number: `YOG-500-${yymmdd()}-001`, exempt_source: true, tlc_assigned_by: "receiver", supplier: "Hof Berger" })
    const events = (await getLot(api, headers, bought.lot.id)).events
    expect(events.find((e: { type: string }) => e.type === "received").data).toEqual({
      supplier: "Alpine Dairy",
      supplier_id: alpine.id,
      tlc_assigned_by: "supplier",
      reference_document_type: "Bill of lading",
      reference_document_number: "BOL-4471",
    })
    // A later delivery into the lot has its own document; the lot's supplier facts are not for it to change.
    await receive(api, headers, { ...base, lot_id: bought.lot.id, quantity: 1, receipt_document_type: "Invoice", receipt_document_number: "INV-9" })
    await expectRefused(container, () => post("/admin/lots", { ...base, lot_id: bought.lot.id, supplier_id: berger.id }), 400, /supplier_id cannot be set when receiving into an existing lot/)

    // Editing or deleting the supplier later does not rewrite what the lot was received with.
    await post(`/admin/lot-suppliers/${alpine.id}`, { address_1: "Talstraße 9" })
    await send(api.delete(`/admin/lot-suppliers/${alpine.id}`, { headers }))
    expect((await getLot(api, headers, bought.lot.id)).supplier_details.address_1).toBe("Bergweg 2")
    expect((await snapshot(container)).suppliers.find((s: { id: string }) => s.id === alpine.id).deleted_at).not.toBeNull()

    const made = await post("/admin/lots/productions", {
      location_id: w.main.id,
      inputs: [{ lot_id: bought.lot.id, quantity: 2 }],
      output: { inventory_item_id: w.cola.id, quantity: 3, lot_number: "MIX-1" },
    })
    expect(made.status).toBe(200)

    const { sheets, key } = await exportXlsx()
    const column = (sheet: string, key: Fsma204Key) => FSMA_SHEETS.find((s) => s.name === sheet)!.columns.indexOf(key)
    const rowOf = (sheet: string, code: string, nth = 0) => sheets[sheet].filter((r) => r[column(sheet, "traceability_lot_code")] === code)[nth]
    const cell = (sheet: string, row: unknown[], key: Fsma204Key) => row[column(sheet, key)]
    const pick = (sheet: string, row: unknown[], keys: Fsma204Key[]) => Object.fromEntries(keys.map((k) => [k, cell(sheet, row, k)]))

    expect(pick("Receiving", rowOf("Receiving", "AD-77-1"), [
      "tlc_assigned_by", "quantity", "unit_of_measure", "immediate_previous_source", "previous_source_lot_code", "receiving_location",
      "exempt_source", "lot_code_source", "lot_code_source_reference", "reference_document_type", "reference_document_number",
    ])).toEqual({
      tlc_assigned_by: "Supplier",
      quantity: 4,
      unit_of_measure: "case of 6",
      immediate_previous_source: ALPINE_DESCRIPTION,
      previous_source_lot_code: "AD-77",
      receiving_location: "Main warehouse",
      exempt_source: "No",
      lot_code_source: ALPINE_DESCRIPTION,
      lot_code_source_reference: ALPINE_REFERENCE,
      reference_document_type: "Bill of lading",
      reference_document_number: "BOL-4471",
    })
    expect(pick("Receiving", rowOf("Receiving", "AD-77-1", 1), ["quantity", "reference_document_type", "reference_document_number"])).toEqual({
      quantity: 1, reference_document_type: "Invoice", reference_document_number: "INV-9",
    })
    expect(pick("Receiving", rowOf("Receiving", exempt.lot.lot_number), [
      "tlc_assigned_by", "immediate_previous_source", "exempt_source", "lot_code_source", "lot_code_source_reference",
      "reference_document_type", "reference_document_number",
    ])).toEqual({
      tlc_assigned_by: "Receiver",
      immediate_previous_source: "Hof Berger, Kufstein, AT",
      exempt_source: "Yes",
      lot_code_source: "Main warehouse",
      lot_code_source_reference: null,
      reference_document_type: "Lot receipt record",
      reference_document_number: exempt.lot.lot_number,
    })
    expect(pick("Transformation", rowOf("Transformation", "MIX-1"), [
      "input_lot_codes", "input_quantities", "tlc_assigned_by", "unit_of_measure", "transformation_location", "reference_document_type", "reference_document_number",
    ])).toEqual({
      input_lot_codes: "AD-77-1",
      input_quantities: "2 case of 6",
      tlc_assigned_by: "Transformer",
      unit_of_measure: "each",
      transformation_location: "Main warehouse",
      reference_document_type: "Production record",
      reference_document_number: "MIX-1",
    })
    expect(sheets.Shipping).toHaveLength(1)
    expect(key.slice(1).map((row) => row[0])).toEqual(FSMA_204_COLUMNS.map((c) => c.header))

    // The CSV's key: the same definitions as the XLSX's Key sheet.
    const csvKey = await send(api.get("/admin/traceability/fsma-204?part=key", { headers, responseType: "arraybuffer" }))
    expect(csvKey.status).toBe(200)
    const parsed = Papa.parse<string[]>(Buffer.from(csvKey.data as ArrayBuffer).toString("utf8")).data
    expect(parsed).toEqual(key.map((row) => row.map((c) => (c === null ? "" : String(c)))))
  })

  /** The XLSX export parsed back: each sheet's rows (header first) and the key. */
  async function exportXlsx() {
    const res = await api.get("/admin/traceability/fsma-204?format=xlsx", { headers, responseType: "arraybuffer" })
    const workbook = new ExcelJS.Workbook()
    // exceljs types its own Buffer interface, which the newer generic Node Buffer type does not match.
    await workbook.xlsx.load(Buffer.from(res.data as ArrayBuffer) as unknown as ExcelJS.Buffer)
    const sheets: Record<string, unknown[][]> = {}
    for (const sheet of workbook.worksheets) {
      sheets[sheet.name] = []
      sheet.eachRow({ includeEmpty: true }, (row) => {
        sheets[sheet.name].push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null))
      })
    }
    expect(Object.keys(sheets)).toEqual(["Receiving", "Transformation", "Shipping", "Key"])
    return { sheets, key: sheets.Key }
  }
}
