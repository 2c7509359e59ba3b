import {
  FSMA_204_COLUMNS,
  FSMA_MAX_DAYS,
  describeLocation,
  describeRecipient,
  formatAddress,
  fsma204Values,
  fsmaFileName,
  fsmaPeriod,
  splitTimestamp,
  toFsma204Row,
  type FsmaLookups,
} from "../domain/fsma-204"
import type { FsmaEventRow } from "../domain/fsma-event"

const lookups: FsmaLookups = {
  items: new Map([
    ["iitem_yog", { title: "Greek yogurt", sku: "YOG-1" }],
    ["iitem_milk", { title: null, sku: null, product_title: "Whole milk" }],
  ]),
  locations: new Map([
    ["sloc_main", { name: "Main warehouse", address: { address_1: "Hafenstraße 1", postal_code: "20457", city: "Hamburg", country_code: "de" } }],
    ["sloc_plant", { name: "Plant", address: null }],
  ]),
  orders: new Map([["order_1", 42]]),
}

const base: FsmaEventRow = {
  cte: "receiving",
  id: "lotevt_1",
  occurred_at: "2026-03-05T07:08:09.123456Z",
  lot_id: "lot_1",
  lot_number: "YOG-0305",
  inventory_item_id: "iitem_yog",
  quantity: 12,
  location_id: "sloc_main",
  supplier: "Alpine Dairy",
  supplier_lot_number: "AD-77",
  made_at_location_id: null,
  first_received_location_id: "sloc_main",
  reference_type: null,
  reference_id: null,
  order_id: null,
  customer_name: null,
  ship_to: null,
  inputs: null,
}

describe("FSMA 204 rows", () => {
  it("keeps the FDA columns in a fixed order with unique keys", () => {
    expect(FSMA_204_COLUMNS.map((c) => c.header)).toEqual([
      "Critical Tracking Event",
      "Event Date",
      "Event Time (UTC)",
      "Traceability Lot Code",
      "Product Description",
      "Quantity",
      "Unit of Measure",
      "Traceability Lot Code Source (Location Description)",
      "Immediate Previous Source",
      "Previous Source Lot Code",
      "Receiving Location",
      "Ship-From Location",
      "Ship-To Location (Immediate Subsequent Recipient)",
      "Transformation Location",
      "Input Traceability Lot Codes",
      "Input Quantities",
      "Input Product Descriptions",
      "Reference Document Type",
      "Reference Document Number",
      "Order Number",
    ])
    expect(new Set(FSMA_204_COLUMNS.map((c) => c.key)).size).toBe(FSMA_204_COLUMNS.length)
  })

  it("shapes a receipt: supplier as previous source and lot code source, the receipt entry as reference", () => {
    const row = toFsma204Row(base, lookups)
    expect(fsma204Values(row)).toEqual([
      "Receiving",
      "2026-03-05",
      "07:08:09",
      "YOG-0305",
      "Greek yogurt (SKU YOG-1)",
      12,
      "each",
      "Alpine Dairy",
      "Alpine Dairy",
      "AD-77",
      "Main warehouse, Hafenstraße 1, 20457 Hamburg, DE",
      null,
      null,
      null,
      null,
      null,
      null,
      "Lot receipt",
      "lotevt_1",
      null,
    ])
  })

  it("uses the receiving location as lot code source when no supplier is named, and a document reference when there is one", () => {
    const row = toFsma204Row({ ...base, supplier: null, reference_type: "untracked_assignment", reference_id: "x_1" }, lookups)
    expect(row).toMatchObject({
      lot_code_source: "Main warehouse, Hafenstraße 1, 20457 Hamburg, DE",
      immediate_previous_source: null,
      reference_document_type: "Untracked stock assignment",
      reference_document_number: "x_1",
    })
    expect(toFsma204Row({ ...base, reference_type: "purchase_order", reference_id: "PO-9" }, lookups)).toMatchObject({
      reference_document_type: "Purchase order",
      reference_document_number: "PO-9",
    })
  })

  it("lists a transformation's inputs in aligned lists, with the transformation location as lot code source", () => {
    const row = toFsma204Row(
      {
        ...base,
        cte: "transformation",
        location_id: "sloc_plant",
        supplier: null,
        reference_type: "production",
        reference_id: "lottrf_1",
        inputs: [
          { lot_number: "MILK-1", inventory_item_id: "iitem_milk", quantity: 8 },
          { lot_number: "MILK-2", inventory_item_id: "iitem_gone", quantity: 2 },
        ],
      },
      lookups
    )
    expect(row).toMatchObject({
      event_type: "Transformation",
      lot_code_source: "Plant",
      transformation_location: "Plant",
      receiving_location: null,
      input_lot_codes: "MILK-1; MILK-2",
      input_quantities: "8; 2",
      input_product_descriptions: "Whole milk; iitem_gone",
      reference_document_type: "Production record",
      reference_document_number: "lottrf_1",
    })
  })

  it("shapes a shipment: ship-from, recipient, order number, and where the lot was made as its source", () => {
    const row = toFsma204Row(
      {
        ...base,
        cte: "shipping",
        id: "lotshp_1",
        made_at_location_id: "sloc_plant",
        reference_type: "fulfillment",
        reference_id: "ful_1",
        order_id: "order_1",
        customer_name: "Ada Buyer",
        ship_to: { first_name: "Erika", last_name: "Mustermann", company: "Café Kuchen", address_1: "Hauptstraße 1", postal_code: "10115", city: "Berlin", country_code: "de", phone: "+49 30 1" },
      },
      lookups
    )
    expect(row).toMatchObject({
      event_type: "Shipping",
      lot_code_source: "Plant",
      ship_from_location: "Main warehouse, Hafenstraße 1, 20457 Hamburg, DE",
      ship_to_location: "Erika Mustermann, Café Kuchen, Hauptstraße 1, 10115 Berlin, DE, phone +49 30 1",
      immediate_previous_source: null,
      reference_document_type: "Fulfillment",
      reference_document_number: "ful_1",
      order_number: 42,
    })
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
