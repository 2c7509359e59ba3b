import type { FsmaLookups } from "../domain/fsma-204"
import type { FsmaEventRow } from "../domain/fsma-event"

// One event of each CTE and the lookups they need, shared by the FSMA 204 row and KDE tests.

export const lookups: FsmaLookups = {
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

export const MAIN = "Main warehouse, Hafenstraße 1, 20457 Hamburg, DE"
const ALPINE = { name: "Alpine Dairy", address_1: "Bergweg 2", postal_code: "6020", city: "Innsbruck", country_code: "at", phone: "+43 512 1", gln: "0614141000005", ffrn: "12345678901" }

export const receipt: FsmaEventRow = {
  cte: "receiving",
  id: "lotevt_1",
  occurred_at: "2026-03-05T07:08:09.123456Z",
  lot_id: "lot_1",
  lot_number: "YOG-0305",
  inventory_item_id: "iitem_yog",
  quantity: 12,
  unit_of_measure: "case of 6",
  location_id: "sloc_main",
  supplier: "Alpine Dairy",
  supplier_lot_number: "AD-77",
  supplier_details: ALPINE,
  exempt_source: false,
  tlc_assigned_by: "supplier",
  document_type: "Bill of lading",
  document_number: "BOL-4471",
  made_at_location_id: null,
  first_received_location_id: "sloc_main",
  reference_type: null,
  reference_id: null,
  order_id: null,
  customer_name: null,
  ship_to: null,
  inputs: null,
}

export const production: FsmaEventRow = {
  ...receipt,
  cte: "transformation",
  lot_number: "YOG-P1",
  unit_of_measure: "each",
  location_id: "sloc_plant",
  supplier: null,
  supplier_lot_number: null,
  supplier_details: null,
  tlc_assigned_by: null,
  document_type: null,
  document_number: null,
  made_at_location_id: "sloc_plant",
  first_received_location_id: null,
  reference_type: "production",
  reference_id: "lottrf_1",
  inputs: [
    { lot_number: "MILK-1", inventory_item_id: "iitem_milk", quantity: 8, unit_of_measure: "l" },
    { lot_number: "MILK-2", inventory_item_id: "iitem_gone", quantity: 2, unit_of_measure: "each" },
  ],
}

export const shipment: FsmaEventRow = {
  ...receipt,
  cte: "shipping",
  id: "lotshp_1",
  document_type: null,
  document_number: null,
  reference_type: "fulfillment",
  reference_id: "ful_1",
  order_id: "order_1",
  customer_name: "Ada Buyer",
  ship_to: { first_name: "Erika", last_name: "Mustermann", company: "Café Kuchen", address_1: "Hauptstraße 1", postal_code: "10115", city: "Berlin", country_code: "de", phone: "+49 30 1" },
}
