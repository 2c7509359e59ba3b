import { FSMA_204_COLUMNS, FSMA_CTE_LABELS, type Fsma204Key, type Fsma204Row } from "./fsma-204-columns"
import type { FsmaEventRow } from "./fsma-event"
import { formatAddress, joinParts, type PostalAddress } from "./location-description"
import { describeSupplier, supplierSourceReference } from "./lot-supplier"
import { DAY_MS } from "./time-units"

export type { Fsma204Key, Fsma204Row } from "./fsma-204-columns"

/**
 * FDA FSMA 204 (21 CFR 1 subpart S) "electronic sortable spreadsheet": one row per Critical
 * Tracking Event with its Key Data Elements (columns in fsma-204-columns.ts). Pure: the caller
 * supplies the item, location and order details it looked up.
 */

/** Period exported when the request names none: the last 30 days, today included. */
export const FSMA_DEFAULT_DAYS = 30
/** Longest period one export may cover (two years, a leap day included). */
export const FSMA_MAX_DAYS = 731

export type FsmaItem = { title: string | null; sku: string | null; product_title?: string | null }
export type FsmaLocation = { name: string | null; address: PostalAddress | null }

/** What the caller looked up for one page of events. */
export type FsmaLookups = {
  items: Map<string, FsmaItem>
  locations: Map<string, FsmaLocation>
  /** Medusa's display id of each order. */
  orders: Map<string, number>
}

// Reference types the plugin writes, in a merchant's words; others are shown humanized.
const REFERENCE_LABELS: Record<string, string> = {
  production: "Production record",
  split: "Split (repack / relabel) record",
  untracked_assignment: "Untracked stock assignment",
  lot_receipt: "Lot receipt record",
}

const ASSIGNER_LABELS = { supplier: "Supplier", receiver: "Receiver", transformer: "Transformer" } as const

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
  return joinParts([addressee, text("company"), formatAddress(shipTo as PostalAddress | null), phone ? `phone ${phone}` : null])
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

/** The supplier as recorded on receipt: its location description when it was picked, else the typed name. */
function previousSource(event: FsmaEventRow): string | null {
  return event.supplier_details ? describeSupplier(event.supplier_details) : event.supplier?.trim() || null
}

/**
 * Who assigned the lot's code and where (its TLC source) with the source's reference: a lot we made
 * was coded at its transformation location; a received lot by its supplier (whose details the
 * receipt kept) or by us at the receiving location. Lots received before the assigner was recorded
 * count as the supplier's when one was named.
 */
function lotCodeSource(event: FsmaEventRow, lookups: FsmaLookups) {
  if (event.made_at_location_id) {
    return { by: ASSIGNER_LABELS.transformer, source: describeLocation(event.made_at_location_id, lookups.locations), reference: null }
  }
  const bySupplier = event.tlc_assigned_by ? event.tlc_assigned_by === "supplier" : Boolean(event.supplier?.trim())
  if (!bySupplier) {
    return { by: ASSIGNER_LABELS.receiver, source: describeLocation(event.first_received_location_id, lookups.locations), reference: null }
  }
  const reference = event.supplier_details ? supplierSourceReference(event.supplier_details) : ""
  return { by: ASSIGNER_LABELS.supplier, source: previousSource(event), reference: reference || null }
}

/** The record a person looks the event up by: a typed delivery document, the lot's history, or the order. */
function referenceDocument(event: FsmaEventRow, lookups: FsmaLookups): { type: string; number: string | number } {
  switch (event.cte) {
    case "receiving":
      return event.document_type && event.document_number
        ? { type: event.document_type, number: event.document_number }
        : { type: referenceLabel(event.reference_type === "untracked_assignment" ? event.reference_type : "lot_receipt"), number: event.lot_number }
    case "transformation":
      return { type: referenceLabel(event.reference_type ?? "production"), number: event.lot_number }
    case "shipping":
      return { type: "Sales order", number: (event.order_id && lookups.orders.get(event.order_id)) || event.order_id || event.reference_id || event.id }
  }
}

const EMPTY_ROW = Object.fromEntries(FSMA_204_COLUMNS.map((c) => [c.key, null])) as Fsma204Row

/** One event as a spreadsheet row; columns that do not apply to its CTE stay empty. */
export function toFsma204Row(event: FsmaEventRow, lookups: FsmaLookups): Fsma204Row {
  const { date, time } = splitTimestamp(event.occurred_at)
  const here = describeLocation(event.location_id, lookups.locations)
  const code = lotCodeSource(event, lookups)
  const document = referenceDocument(event, lookups)
  const row: Fsma204Row = {
    ...EMPTY_ROW,
    event_type: FSMA_CTE_LABELS[event.cte],
    event_date: date,
    event_time: time,
    traceability_lot_code: event.lot_number,
    tlc_assigned_by: code.by,
    product_description: describeProduct(event.inventory_item_id, lookups.items),
    quantity: event.quantity,
    unit_of_measure: event.unit_of_measure,
    lot_code_source: code.source,
    lot_code_source_reference: code.reference,
    reference_document_type: document.type,
    reference_document_number: document.number,
  }
  switch (event.cte) {
    case "receiving":
      return {
        ...row,
        immediate_previous_source: previousSource(event),
        previous_source_lot_code: event.supplier_lot_number,
        receiving_location: here,
        exempt_source: event.exempt_source ? "Yes" : "No",
      }
    case "transformation": {
      const inputs = event.inputs ?? []
      return {
        ...row,
        transformation_location: here,
        input_lot_codes: inputs.map((i) => i.lot_number).join("; "),
        input_quantities: inputs.map((i) => `${i.quantity} ${i.unit_of_measure}`).join("; "),
        input_product_descriptions: inputs.map((i) => describeProduct(i.inventory_item_id, lookups.items)).join("; "),
      }
    }
    case "shipping":
      return { ...row, ship_from_location: here, ship_to_location: describeRecipient(event.customer_name, event.ship_to) }
  }
}

/** The row's values in the order of `columns` (what a CSV line or a sheet row holds). */
export function fsma204Values(row: Fsma204Row, columns: readonly Fsma204Key[] = FSMA_204_COLUMNS.map((c) => c.key)): (string | number | null)[] {
  return columns.map((key) => row[key])
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
