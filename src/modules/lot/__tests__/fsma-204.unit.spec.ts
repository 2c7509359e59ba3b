import {
  FSMA_MAX_DAYS,
  describeLocation,
  describeRecipient,
  fsma204Values,
  fsmaFileName,
  fsmaPeriod,
  splitTimestamp,
  toFsma204Row,
} from "../domain/fsma-204"
import { FSMA_204_COLUMNS, FSMA_SHEETS } from "../domain/fsma-204-columns"
import { formatAddress } from "../domain/location-description"
import { lookups, MAIN, production, receipt, shipment } from "./fsma-fixtures"

describe("FSMA 204 rows", () => {
  it("has unique column keys, every sheet column among them, and the CTE first in the CSV", () => {
    const keys = FSMA_204_COLUMNS.map((c) => c.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys[0]).toBe("event_type")
    expect(FSMA_SHEETS.map((s) => s.name)).toEqual(["Receiving", "Transformation", "Shipping"])
    for (const sheet of FSMA_SHEETS) {
      expect(sheet.columns.every((key) => keys.includes(key))).toBe(true)
      expect(new Set(sheet.columns).size).toBe(sheet.columns.length)
    }
  })

  it("shapes a receipt from a supplier record: its location description, references, code assigner and delivery document", () => {
    const receiving = FSMA_SHEETS[0].columns
    expect(fsma204Values(toFsma204Row(receipt, lookups), receiving)).toEqual([
      "YOG-0305",
      "Supplier",
      "Greek yogurt (SKU YOG-1)",
      12,
      "case of 6",
      "Alpine Dairy, Bergweg 2, 6020 Innsbruck, AT, phone +43 512 1",
      "AD-77",
      MAIN,
      "2026-03-05",
      "07:08:09",
      "No",
      "Alpine Dairy, Bergweg 2, 6020 Innsbruck, AT, phone +43 512 1",
      "GLN 0614141000005; FDA FFRN 12345678901",
      "Bill of lading",
      "BOL-4471",
    ])
  })

  it("marks an exempt source and a code the receiver assigned: our receiving location is the lot code source", () => {
    const row = toFsma204Row({ ...receipt, exempt_source: true, tlc_assigned_by: "receiver" }, lookups)
    expect(row).toMatchObject({ exempt_source: "Yes", tlc_assigned_by: "Receiver", lot_code_source: MAIN, lot_code_source_reference: null })
  })

  it("falls back to the typed supplier name, and to the lot's receipt record when no delivery document was typed", () => {
    const typed = { ...receipt, supplier_details: null, tlc_assigned_by: null, document_type: null, document_number: null }
    expect(toFsma204Row(typed, lookups)).toMatchObject({
      immediate_previous_source: "Alpine Dairy",
      lot_code_source: "Alpine Dairy",
      tlc_assigned_by: "Supplier",
      reference_document_type: "Lot receipt record",
      reference_document_number: "YOG-0305",
    })
    expect(toFsma204Row({ ...typed, supplier: null, reference_type: "untracked_assignment", reference_id: "ilev_1" }, lookups)).toMatchObject({
      immediate_previous_source: null,
      lot_code_source: MAIN,
      tlc_assigned_by: "Receiver",
      reference_document_type: "Untracked stock assignment",
      reference_document_number: "YOG-0305",
    })
  })

  it("lists a transformation's inputs with their units, the new lot's number as its record, and the plant as TLC source", () => {
    expect(toFsma204Row(production, lookups)).toMatchObject({
      event_type: "Transformation",
      tlc_assigned_by: "Transformer",
      lot_code_source: "Plant",
      transformation_location: "Plant",
      receiving_location: null,
      exempt_source: null,
      input_lot_codes: "MILK-1; MILK-2",
      input_quantities: "8 l; 2 each",
      input_product_descriptions: "Whole milk; iitem_gone",
      reference_document_type: "Production record",
      reference_document_number: "YOG-P1",
    })
    expect(toFsma204Row({ ...production, reference_type: "split" }, lookups).reference_document_type).toBe("Split (repack / relabel) record")
  })

  it("shapes a shipment: ship-from, recipient, the order number as reference, and the lot's own source", () => {
    expect(toFsma204Row(shipment, lookups)).toMatchObject({
      event_type: "Shipping",
      lot_code_source: "Alpine Dairy, Bergweg 2, 6020 Innsbruck, AT, phone +43 512 1",
      lot_code_source_reference: "GLN 0614141000005; FDA FFRN 12345678901",
      ship_from_location: MAIN,
      ship_to_location: "Erika Mustermann, Café Kuchen, Hauptstraße 1, 10115 Berlin, DE, phone +49 30 1",
      immediate_previous_source: null,
      reference_document_type: "Sales order",
      reference_document_number: 42,
    })
    expect(toFsma204Row({ ...shipment, made_at_location_id: "sloc_plant" }, lookups)).toMatchObject({ lot_code_source: "Plant", tlc_assigned_by: "Transformer" })
  })
})

describe("FSMA 204 formatting", () => {
  it("formats addresses without empty parts", () => {
    expect(formatAddress({ address_1: "A 1", address_2: "", city: "Köln", postal_code: null, province: "NRW", country_code: "de" })).toBe(
      "A 1, Köln, NRW, DE"
    )
    expect(formatAddress(null)).toBe("")
  })

  it("describes an unknown location by its id, and a recipient by the customer's name when the address has none", () => {
    expect(describeLocation("sloc_gone", lookups.locations)).toBe("sloc_gone")
    expect(describeLocation(null, lookups.locations)).toBe("")
    expect(describeRecipient("Ada Buyer", { city: "Paris", country_code: "fr" })).toBe("Ada Buyer, Paris, FR")
    expect(describeRecipient(null, null)).toBe("")
  })

  it("splits timestamps into UTC date and time", () => {
    expect(splitTimestamp("2026-12-31T23:59:59.999999Z")).toEqual({ date: "2026-12-31", time: "23:59:59" })
    expect(splitTimestamp("2026-01-01T00:30:00+01:00")).toEqual({ date: "2025-12-31", time: "23:30:00" })
  })
})

describe("fsmaPeriod", () => {
  const today = new Date("2026-04-10T15:00:00Z")

  it("defaults to the 30 days ending today", () => {
    expect(fsmaPeriod({}, today)).toEqual({
      from: "2026-03-12",
      to: "2026-04-10",
      start: new Date("2026-03-12T00:00:00Z"),
      end: new Date("2026-04-11T00:00:00Z"),
      days: 30,
    })
    expect(fsmaPeriod({ to: "2026-02-28" }, today)).toMatchObject({ from: "2026-01-30", days: 30 })
  })

  it("includes both ends", () => {
    expect(fsmaPeriod({ from: "2026-04-01", to: "2026-04-01" }, today)).toMatchObject({ days: 1 })
  })

  it("refuses from after to and periods over two years", () => {
    expect(fsmaPeriod({ from: "2026-04-02", to: "2026-04-01" }, today)).toEqual({
      field: "from",
      problem: "from (2026-04-02) is after to (2026-04-01)",
    })
    expect(fsmaPeriod({ from: "2024-01-01", to: "2025-12-31" }, today)).toMatchObject({ days: FSMA_MAX_DAYS })
    expect(fsmaPeriod({ from: "2023-12-31", to: "2025-12-31" }, today)).toMatchObject({ field: "from", problem: expect.stringContaining("732 days") })
  })

  it("names the download after the period", () => {
    expect(fsmaFileName({ from: "2026-03-12", to: "2026-04-10" }, "xlsx")).toBe("fsma-204-2026-03-12-2026-04-10.xlsx")
  })
})
