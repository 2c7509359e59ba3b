import { toFsma204Row } from "../domain/fsma-204"
import { FSMA_204_COLUMNS, FSMA_204_KDES, FSMA_SHEETS, fsmaKeyRows, type FsmaKde } from "../domain/fsma-204-columns"
import type { FsmaCte, FsmaEventRow } from "../domain/fsma-event"
import { lookups, production, receipt, shipment } from "./fsma-fixtures"

/**
 * Every Key Data Element of 21 CFR 1.1340 (shipping), 1.1345(a) and (b) (receiving, from an
 * exempt source too) and 1.1350 (transformation), the column that carries it, and a check that the
 * column is on its CTE's sheet and filled for an event of that CTE.
 */
const EXPECTED: [string, string][] = [
  ["1.1340(a)(1)", "traceability_lot_code"], ["1.1340(a)(2)", "quantity"], ["1.1340(a)(2)", "unit_of_measure"],
  ["1.1340(a)(3)", "product_description"], ["1.1340(a)(4)", "ship_to_location"], ["1.1340(a)(5)", "ship_from_location"],
  ["1.1340(a)(6)", "event_date"], ["1.1340(a)(7)", "lot_code_source"], ["1.1340(a)(7)", "lot_code_source_reference"],
  ["1.1340(a)(8)", "reference_document_type"], ["1.1340(a)(8)", "reference_document_number"],
  ["1.1345(a)(1)", "traceability_lot_code"], ["1.1345(a)(2)", "quantity"], ["1.1345(a)(2)", "unit_of_measure"],
  ["1.1345(a)(3)", "product_description"], ["1.1345(a)(4)", "immediate_previous_source"], ["1.1345(a)(5)", "receiving_location"],
  ["1.1345(a)(6)", "event_date"], ["1.1345(a)(7)", "lot_code_source"], ["1.1345(a)(7)", "lot_code_source_reference"],
  ["1.1345(a)(8)", "reference_document_type"], ["1.1345(a)(8)", "reference_document_number"],
  ["1.1345(b)(1)", "traceability_lot_code"], ["1.1345(b)(2)", "quantity"], ["1.1345(b)(2)", "unit_of_measure"],
  ["1.1345(b)(3)", "product_description"], ["1.1345(b)(4)", "immediate_previous_source"], ["1.1345(b)(5)", "receiving_location"],
  ["1.1345(b)(6)", "event_date"], ["1.1345(b)", "exempt_source"], ["1.1345(b)(7)", "reference_document_type"],
  ["1.1345(b)(7)", "reference_document_number"],
  ["1.1350(a)(1)(i)", "input_lot_codes"], ["1.1350(a)(1)(ii)", "input_product_descriptions"], ["1.1350(a)(1)(iii)", "input_quantities"],
  ["1.1350(a)(2)(i)", "traceability_lot_code"], ["1.1350(a)(2)(ii)", "transformation_location"], ["1.1350(a)(2)(iii)", "event_date"],
  ["1.1350(a)(2)(iv)", "product_description"], ["1.1350(a)(2)(v)", "quantity"], ["1.1350(a)(2)(v)", "unit_of_measure"],
  ["1.1350(a)(2)(vi)", "reference_document_type"], ["1.1350(a)(2)(vi)", "reference_document_number"],
]

const exemptReceipt: FsmaEventRow = { ...receipt, exempt_source: true, tlc_assigned_by: "receiver", supplier_details: { name: "Hof Berger", city: "Kufstein", country_code: "at" } }
const sample = (kde: FsmaKde): FsmaEventRow =>
  ({ receiving: kde.exempt_only ? exemptReceipt : receipt, transformation: production, shipping: shipment })[kde.cte]

describe("FSMA 204 KDEs", () => {
  it("lists every KDE of 1.1340, 1.1345(a), 1.1345(b) and 1.1350 with the column that carries it", () => {
    expect(FSMA_204_KDES.map((k) => [k.cfr, k.column])).toEqual(EXPECTED)
  })

  it.each(FSMA_204_KDES.map((k) => [`§${k.cfr} ${k.kde}`, k] as const))("%s: on its CTE's sheet and filled", (_name, kde) => {
    const sheet = FSMA_SHEETS.find((s) => s.cte === kde.cte)!
    expect(sheet.columns).toContain(kde.column)
    const value = toFsma204Row(sample(kde), lookups)[kde.column]
    expect(value === null || value === "").toBe(false)
  })

  it("the key defines every column, names its sheets and the sections it carries", () => {
    const key = fsmaKeyRows()
    expect(key.map((row) => row[0])).toEqual(FSMA_204_COLUMNS.map((c) => c.header))
    for (const row of key) {
      expect(row[3].length).toBeGreaterThan(20)
    }
    const byHeader = new Map(key.map((row) => [row[0], row]))
    expect(byHeader.get("Critical Tracking Event")?.[1]).toBe("CSV only")
    expect(byHeader.get("Exempt Source (21 CFR 1.1345(b))")?.slice(1, 3)).toEqual(["Receiving", "§1.1345(b)"])
    expect(byHeader.get("Traceability Lot Code")?.[2]).toBe("§1.1340(a)(1), §1.1345(a)(1), §1.1345(b)(1), §1.1350(a)(2)(i)")
    const ctes = new Set<FsmaCte>(FSMA_204_KDES.map((k) => k.cte))
    expect([...ctes].sort()).toEqual(["receiving", "shipping", "transformation"])
  })
})
