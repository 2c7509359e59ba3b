import type { FsmaCte, FsmaEventRow } from "./fsma-event"

/**
 * FDA FSMA 204 (21 CFR 1 subpart S) "electronic sortable spreadsheet": one row per Critical
 * Tracking Event with its Key Data Elements, in a fixed column order shared by the CSV and the
 * XLSX export. Pure: the caller supplies the item, location and order details it looked up.
 */

const DAY_MS = 24 * 60 * 60 * 1000

/** Period exported when the request names none: the last 30 days, today included. */
export const FSMA_DEFAULT_DAYS = 30
/** Longest period one export may cover (two years, a leap day included). */
export const FSMA_MAX_DAYS = 731
/** Units are whole pieces throughout the plugin. */
export const FSMA_UNIT_OF_MEASURE = "each"

export const FSMA_204_COLUMNS = [
  { key: "event_type", header: "Critical Tracking Event", width: 16 },
  { key: "event_date", header: "Event Date", width: 12 },
  { key: "event_time", header: "Event Time (UTC)", width: 10 },
  { key: "traceability_lot_code", header: "Traceability Lot Code", width: 24 },
  { key: "product_description", header: "Product Description", width: 36 },
  { key: "quantity", header: "Quantity", width: 10 },
  { key: "unit_of_measure", header: "Unit of Measure", width: 10 },
  { key: "lot_code_source", header: "Traceability Lot Code Source (Location Description)", width: 40 },
  { key: "immediate_previous_source", header: "Immediate Previous Source", width: 28 },
  { key: "previous_source_lot_code", header: "Previous Source Lot Code", width: 20 },
  { key: "receiving_location", header: "Receiving Location", width: 40 },
  { key: "ship_from_location", header: "Ship-From Location", width: 40 },
  { key: "ship_to_location", header: "Ship-To Location (Immediate Subsequent Recipient)", width: 44 },
  { key: "transformation_location", header: "Transformation Location", width: 40 },
  { key: "input_lot_codes", header: "Input Traceability Lot Codes", width: 28 },
  { key: "input_quantities", header: "Input Quantities", width: 14 },
  { key: "input_product_descriptions", header: "Input Product Descriptions", width: 40 },
  { key: "reference_document_type", header: "Reference Document Type", width: 24 },
  { key: "reference_document_number", header: "Reference Document Number", width: 32 },
  { key: "order_number", header: "Order Number", width: 12 },
] as const

export type Fsma204Key = (typeof FSMA_204_COLUMNS)[number]["key"]
/** One spreadsheet row: text, a number (quantity, order number) or empty. */
export type Fsma204Row = Record<Fsma204Key, string | number | null>

export type FsmaItem = { title: string | null; sku: string | null; product_title?: string | null }
export type FsmaAddress = {
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  province?: string | null
  country_code?: string | null
}
export type FsmaLocation = { name: string | null; address: FsmaAddress | null }

/** What the caller looked up for one page of events. */
export type FsmaLookups = {
  items: Map<string, FsmaItem>
  locations: Map<string, FsmaLocation>
  /** Medusa's display id of each order. */
  orders: Map<string, number>
}

const CTE_LABELS: Record<FsmaCte, string> = {
  receiving: "Receiving",
  transformation: "Transformation",
  shipping: "Shipping",
}

// Reference types the plugin writes, in a merchant's words; others are shown humanized.
const REFERENCE_LABELS: Record<string, string> = {
  fulfillment: "Fulfillment",
  production: "Production record",
  split: "Split (repack / relabel)",
  untracked_assignment: "Untracked stock assignment",
}

const joinParts = (parts: (string | null | undefined)[], separator = ", ") =>
  parts.map((p) => p?.trim()).filter(Boolean).join(separator)

/** "Hauptstraße 1, 10115 Berlin, BE, DE": street lines, postal code and city, region, country. */
export function formatAddress(address: FsmaAddress | null | undefined): string {
  if (!address) {
    return ""
  }
  return joinParts([
    address.address_1,
    address.address_2,
    joinParts([address.postal_code, address.city], " "),
    address.province,
    address.country_code?.toUpperCase(),
  ])
}

/** FSMA's "location description": the business location's name, then its address. */
export function describeLocation(id: string | null, locations: Map<string, FsmaLocation>): string {
  if (!id) {
    return ""
  }
  const location = locations.get(id)
  // A location deleted since keeps its id in the record, which is still a reference.
  return location ? joinParts([location.name, formatAddress(location.address)]) || id : id
}

/** The ship-to snapshot: who (name, company), where, and a phone number when one was given. */
export function describeRecipient(customerName: string | null, shipTo: Record<string, unknown> | null): string {
  const text = (key: string) => (typeof shipTo?.[key] === "string" ? (shipTo[key] as string) : null)
  const addressee = joinParts([text("first_name"), text("last_name")], " ") || customerName
  const phone = text("phone")
  return joinParts([addressee, text("company"), formatAddress(shipTo as FsmaAddress | null), phone ? `phone ${phone}` : null])
}

/** The item's title (or its product's), with the SKU; the id when the item is gone. */
export function describeProduct(inventoryItemId: string, items: Map<string, FsmaItem>): string {
  const item = items.get(inventoryItemId)
  const title = item?.title?.trim() || item?.product_title?.trim() || inventoryItemId
  return item?.sku ? `${title} (SKU ${item.sku})` : title
}

/** YYYY-MM-DD and HH:MM:SS (UTC) of an ISO timestamp. */
export function splitTimestamp(iso: string): { date: string; time: string } {
  const instant = new Date(iso).toISOString()
  return { date: instant.slice(0, 10), time: instant.slice(11, 19) }
}

function referenceLabel(type: string): string {
  const words = type.replace(/[_-]+/g, " ").trim()
  return REFERENCE_LABELS[type] ?? words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The traceability lot code source: where the lot was made when a production or split created it,
 * else the supplier it was received from, else the location that received it (the merchant assigned
 * the code there).
 */
function lotCodeSource(event: FsmaEventRow, lookups: FsmaLookups): string {
  if (event.made_at_location_id) {
    return describeLocation(event.made_at_location_id, lookups.locations)
  }
  return event.supplier?.trim() || describeLocation(event.first_received_location_id, lookups.locations)
}

const EMPTY_ROW = Object.fromEntries(FSMA_204_COLUMNS.map((c) => [c.key, null])) as Fsma204Row

/** One event as a spreadsheet row; columns that do not apply to its CTE stay empty. */
export function toFsma204Row(event: FsmaEventRow, lookups: FsmaLookups): Fsma204Row {
  const { date, time } = splitTimestamp(event.occurred_at)
  const here = describeLocation(event.location_id, lookups.locations)
  const row: Fsma204Row = {
    ...EMPTY_ROW,
    event_type: CTE_LABELS[event.cte],
    event_date: date,
    event_time: time,
    traceability_lot_code: event.lot_number,
    product_description: describeProduct(event.inventory_item_id, lookups.items),
    quantity: event.quantity,
    unit_of_measure: FSMA_UNIT_OF_MEASURE,
    // A receipt without a reference document is identified by its own history entry.
    reference_document_type: referenceLabel(event.reference_type ?? "lot_receipt"),
    reference_document_number: event.reference_id ?? event.id,
  }
  switch (event.cte) {
    case "receiving":
      return {
        ...row,
        lot_code_source: lotCodeSource(event, lookups),
        immediate_previous_source: event.supplier,
        previous_source_lot_code: event.supplier_lot_number,
        receiving_location: here,
      }
    case "transformation": {
      const inputs = event.inputs ?? []
      return {
        ...row,
        lot_code_source: here,
        transformation_location: here,
        input_lot_codes: inputs.map((i) => i.lot_number).join("; "),
        input_quantities: inputs.map((i) => `${i.quantity}`).join("; "),
        input_product_descriptions: inputs.map((i) => describeProduct(i.inventory_item_id, lookups.items)).join("; "),
      }
    }
    case "shipping":
      return {
        ...row,
        lot_code_source: lotCodeSource(event, lookups),
        ship_from_location: here,
        ship_to_location: describeRecipient(event.customer_name, event.ship_to),
        order_number: event.order_id ? (lookups.orders.get(event.order_id) ?? null) : null,
      }
  }
}

/** The row's values in column order (what a CSV line or a sheet row holds). */
export function fsma204Values(row: Fsma204Row): (string | number | null)[] {
  return FSMA_204_COLUMNS.map((c) => row[c.key])
}

export type FsmaPeriod = {
  from: string
  to: string
  /** First instant of `from` and first instant after `to` (UTC). */
  start: Date
  end: Date
  days: number
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/**
 * The export period from optional YYYY-MM-DD bounds, both inclusive: `to` defaults to today (UTC),
 * `from` to the 30 days ending at `to`. A problem names the field and what is wrong.
 */
export function fsmaPeriod(
  bounds: { from?: string; to?: string },
  today: Date
): FsmaPeriod | { problem: string; field: "from" | "to" } {
  const to = bounds.to ?? isoDay(today)
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS)
  const from = bounds.from ?? isoDay(new Date(end.getTime() - FSMA_DEFAULT_DAYS * DAY_MS))
  const start = new Date(`${from}T00:00:00Z`)
  if (start >= end) {
    return { field: "from", problem: `from (${from}) is after to (${to})` }
  }
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS)
  if (days > FSMA_MAX_DAYS) {
    return {
      field: "from",
      problem: `the period from ${from} to ${to} spans ${days} days; one export covers at most ${FSMA_MAX_DAYS} days (two years)`,
    }
  }
  return { from, to, start, end, days }
}

/** The download's file name for a period and format. */
export function fsmaFileName(period: Pick<FsmaPeriod, "from" | "to">, format: "csv" | "xlsx"): string {
  return `fsma-204-${period.from}-${period.to}.${format}`
}
