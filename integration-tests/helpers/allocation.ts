/**
 * Helpers for the FEFO allocation / quality-hold specs: typed views of the order-lot routes and
 * of lot stock, a bounded poll for the asynchronous `order.placed` subscriber, a recorder for
 * module events, and a database snapshot that proves a refused request wrote nothing.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Headers, HttpClient } from "./store"
import { dayInWords } from "../../src/modules/lot/domain/words"

const DAY_MS = 24 * 60 * 60 * 1000

// ---------------------------------------------------------------------------------------------
// Dates

/** The UTC calendar day `days` from now, as YYYY-MM-DD (negative: in the past). */
export function daysFromNow(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10)
}

/** The day `days` from now as the plugin's messages write it: "5 Mar 2027". */
export function dayInWordsFromNow(days: number): string {
  return dayInWords(new Date(daysFromNow(days)))
}

/** A full ISO timestamp `days` from now (for received_at, which orders lots to the millisecond). */
export function instantFromNow(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString()
}

/** The YYYY-MM-DD day of an ISO timestamp (what the plugin prints in its reasons). */
export function isoDay(value: string | Date): string {
  return new Date(value).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------------------------------------
// Polling

export interface WaitOptions {
  /**
   * Give up after this many milliseconds (default 30 000: what is awaited is a subscriber's work,
   * which a loaded machine may take well over ten seconds to finish; a met condition returns at once).
   */
  timeout?: number
  /** Pause between attempts in milliseconds (default 150). */
  interval?: number
  /** Named in the timeout error. */
  what?: string
}

/**
 * Calls `read` until `done` accepts its value, and returns that value. Throws after `timeout` ms
 * with the last value seen, so a failing test shows what it was waiting for.
 */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, opts: WaitOptions = {}): Promise<T> {
  const timeout = opts.timeout ?? 30_000
  const interval = opts.interval ?? 150
  const deadline = Date.now() + timeout
  let last: T = await read()
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${opts.what ?? "a condition"}; last value: ${JSON.stringify(last)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, interval))
    last = await read()
  }
  return last
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------------------------
// GET /admin/orders/:id/lots and /pick-list

export interface OrderLotRow {
  allocation_id: string
  lot_id: string
  lot_number: string
  lot_status: string
  expires_at: string | null
  location_id: string
  location_name: string | null
  quantity: number
  fulfillment_id: string | null
  shipment_status: "fulfilled" | "shipped" | "delivered" | "canceled" | null
}

export interface OrderLotShortfall {
  quantity: number
  location_id: string
  reason: string | null
  recorded_at: string
}

export interface OrderLotLine {
  line_item_id: string
  title: string
  sku: string | null
  quantity: number
  allocated: OrderLotRow[]
  shipped: OrderLotRow[]
  shortfalls: OrderLotShortfall[]
}

export interface OrderLots {
  order_id: string
  display_id: number
  lines: OrderLotLine[]
}

export interface PickListPick {
  line_item_id: string
  title: string | null
  sku: string | null
  lot_id: string
  lot_number: string
  expires_at: string | null
  quantity: number
}

export interface PickList {
  order_id: string
  display_id: number
  locations: { location_id: string; location_name: string | null; picks: PickListPick[] }[]
  shortfalls: { line_item_id: string; title: string | null; quantity: number; location_id: string; reason: string | null }[]
}

export async function getOrderLots(api: HttpClient, headers: Headers, orderId: string): Promise<OrderLots> {
  const { data } = await api.get<OrderLots>(`/admin/orders/${orderId}/lots`, { headers })
  return data
}

export async function getPickList(api: HttpClient, headers: Headers, orderId: string): Promise<PickList> {
  const { data } = await api.get<PickList>(`/admin/orders/${orderId}/pick-list`, { headers })
  return data
}

const sum = (rows: { quantity: number }[]) => rows.reduce((total, row) => total + Number(row.quantity), 0)

/** Units of a line that are allocated, shipped, and short. */
export function lineTotals(line: OrderLotLine) {
  return { allocated: sum(line.allocated), shipped: sum(line.shipped), short: sum(line.shortfalls) }
}

/** A line is settled when every unit not yet shipped is either allocated or recorded as short. */
export function lineSettled(line: OrderLotLine, orderedQuantity: number): boolean {
  const t = lineTotals(line)
  return t.allocated + t.shipped + t.short === orderedQuantity
}

/** The slice of an order (as checkout returned it) the wait needs: line ids and ordered quantities. */
export interface OrderedLines {
  id: string
  items: { id: string; quantity: number }[]
}

/**
 * Polls GET /admin/orders/:id/lots until the `order.placed` subscriber (or a re-allocation) has
 * settled every line of the order — allocated + shipped + short = ordered — or until `done`
 * accepts the lots, bounded by `timeout`. (The ordered quantity comes from the checkout response,
 * not from the route.)
 */
export async function waitForOrderLots(
  api: HttpClient,
  headers: Headers,
  order: OrderedLines,
  done?: (lots: OrderLots) => boolean,
  opts: WaitOptions = {}
): Promise<OrderLots> {
  const ordered = new Map(order.items.map((i) => [i.id, Number(i.quantity)]))
  const settled = (lots: OrderLots) =>
    lots.lines.length === ordered.size && lots.lines.every((line) => lineSettled(line, ordered.get(line.line_item_id) ?? NaN))
  return await waitFor(() => getOrderLots(api, headers, order.id), done ?? settled, { what: `lots of order ${order.id}`, ...opts })
}

/** Quantity per lot number (rows of the same lot added up): order-independent, exact. */
export function byLot(rows: { lot_number: string; quantity: number }[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const row of rows) out[row.lot_number] = (out[row.lot_number] ?? 0) + Number(row.quantity)
  return out
}

/** Quantity per fulfillment id and lot number of a line's shipped rows. */
export function shippedByFulfillment(line: OrderLotLine): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {}
  for (const row of line.shipped) {
    const key = row.fulfillment_id ?? "none"
    out[key] = out[key] ?? {}
    out[key][row.lot_number] = (out[key][row.lot_number] ?? 0) + Number(row.quantity)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Lots

export interface LotStockView {
  id: string
  location_id: string
  quantity: number
  allocated_quantity: number
}

export interface LotEventView {
  id: string
  type: string
  quantity: number
  location_id: string | null
  from_status: string | null
  to_status: string | null
  reason: string | null
  reference_type: string | null
  reference_id: string | null
  data: Record<string, unknown> | null
}

export interface LotView {
  id: string
  lot_number: string
  inventory_item_id: string
  status: string
  expires_at: string | null
  received_at: string
  stock: LotStockView[]
  events?: LotEventView[]
}

export type LotReceiptBody = {
  inventory_item_id: string
  location_id: string
  quantity: number
  lot_number?: string
  lot_id?: string
  status?: "released" | "quarantine"
  manufactured_at?: string
  expires_at?: string
  received_at?: string
  supplier?: string
  supplier_lot_number?: string
}

export async function receiveLot(api: HttpClient, headers: Headers, body: LotReceiptBody): Promise<LotView> {
  const { data } = await api.post<{ lot: LotView }>(`/admin/lots`, body, { headers })
  return data.lot
}

export async function setLotPolicy(
  api: HttpClient,
  headers: Headers,
  inventoryItemId: string,
  policy: { strategy?: "fefo" | "fifo" | "lifo"; min_remaining_shelf_life_days?: number; removal_lead_days?: number } = {}
): Promise<void> {
  await api.post(`/admin/inventory-items/${inventoryItemId}/lot-policy`, { tracked: true, ...policy }, { headers })
}

export async function changeLotStatus(
  api: HttpClient,
  headers: Headers,
  lotId: string,
  action: "hold" | "release" | "reject",
  body: { reason?: string; note?: string } = {}
) {
  const { data } = await api.post<{
    lot: LotView
    status_change: { released_allocations?: unknown[]; reallocated?: unknown[] } & Record<string, unknown>
  }>(`/admin/lots/${lotId}/${action}`, action === "release" ? body : { reason: "quality hold", ...body }, { headers })
  return data
}

/** What a lot holds at one location: status, on hand and allocated. */
export interface LotAt {
  status: string
  quantity: number
  allocated: number
}

/** Every lot of an item, by lot number, with its stock at `locationId` (0 where it has none). */
export async function lotTable(
  api: HttpClient,
  headers: Headers,
  inventoryItemId: string,
  locationId: string
): Promise<Record<string, LotAt>> {
  const { data } = await api.get<{ lots: LotView[] }>(`/admin/lots?inventory_item_id=${inventoryItemId}&limit=200`, { headers })
  const out: Record<string, LotAt> = {}
  for (const lot of data.lots) {
    const stock = lot.stock.filter((s) => s.location_id === locationId)
    out[lot.lot_number] = {
      status: lot.status,
      quantity: stock.reduce((t, s) => t + Number(s.quantity), 0),
      allocated: stock.reduce((t, s) => t + Number(s.allocated_quantity), 0),
    }
  }
  return out
}

/** A lot's history, oldest first (the API lists newest first). */
export async function lotEvents(api: HttpClient, headers: Headers, lotId: string): Promise<LotEventView[]> {
  const { data } = await api.get<{ lot: LotView }>(`/admin/lots/${lotId}`, { headers })
  return [...(data.lot.events ?? [])].reverse()
}

/** Events as compact tuples [type, quantity] for exact comparison. */
export function eventTypes(events: LotEventView[]): [string, number][] {
  return events.map((e) => [e.type, Number(e.quantity)])
}

export interface Reconciliation {
  checked_items: number
  in_balance: boolean
  drift: { inventory_item_id: string; location_id: string; stocked_quantity: number; lot_quantity: number; untracked_quantity: number }[]
  /** Every invariant that does not hold (the drift included), each with its message. */
  findings: { check: string; message: string; expected: number; actual: number }[]
}

export async function reconciliation(api: HttpClient, headers: Headers): Promise<Reconciliation> {
  const { data } = await api.get<Reconciliation>(`/admin/lots/reconciliation`, { headers })
  return data
}

// ---------------------------------------------------------------------------------------------
// Module events

export interface RecordedEvent {
  name: string
  data: Record<string, unknown>
}

/**
 * Subscribes to module events on the app's event bus and records them (call once per app and
 * event name, since the subscriber id is fixed, after the app booted, e.g. in a suite's beforeAll).
 * The list keeps growing across tests: filter by order id.
 */
export function recordEvents(container: MedusaContainer, names: string[]): RecordedEvent[] {
  const seen: RecordedEvent[] = []
  const bus = container.resolve(Modules.EVENT_BUS)
  for (const name of names) {
    bus.subscribe(
      name,
      async (event: { name?: string; data?: unknown }) => {
        seen.push({ name: event.name ?? name, data: (event.data ?? {}) as Record<string, unknown> })
      },
      { subscriberId: `fefo-spec-recorder-${name}` }
    )
  }
  return seen
}

// ---------------------------------------------------------------------------------------------
// Database snapshot

type Pg = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

/** Rows of a parameterised query (`?` placeholders) on the app's own connection. */
export async function rows(container: MedusaContainer, sql: string, bindings: unknown[] = []) {
  const pg = container.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION)
  return (await pg.raw(sql, bindings)).rows
}

/**
 * Everything a fulfillment or allocation could change, straight from the database, ids of rows
 * Medusa may re-create left out: lots and lot stock, lot events, allocations and shortfalls,
 * Medusa's levels (stocked and reserved), its reservations per line, and fulfillments that are
 * not canceled. Two equal snapshots mean a request changed nothing.
 */
export async function stateSnapshot(container: MedusaContainer) {
  const [lots, stock, events, allocations, shortfalls, levels, reservations, fulfillments, orderItems] = await Promise.all([
    rows(container, `SELECT id, lot_number, status, deleted_at FROM lot ORDER BY id`),
    rows(container, `SELECT id, lot_id, location_id, quantity, allocated_quantity, quarantined_quantity, blocked_reservation_id IS NOT NULL AS blocked FROM lot_stock ORDER BY id`),
    rows(container, `SELECT id, lot_id, type, quantity FROM lot_event ORDER BY id`),
    rows(
      container,
      `SELECT id, order_id, line_item_id, lot_id, location_id, quantity, status, fulfillment_id, deleted_at
         FROM lot_allocation ORDER BY id`
    ),
    rows(container, `SELECT id, line_item_id, quantity, reason, resolved_at IS NOT NULL AS resolved, deleted_at FROM lot_allocation_shortfall ORDER BY id`),
    rows(
      container,
      `SELECT inventory_item_id, location_id, stocked_quantity::text AS stocked, reserved_quantity::text AS reserved
         FROM inventory_level WHERE deleted_at IS NULL ORDER BY inventory_item_id, location_id`
    ),
    rows(
      container,
      `SELECT line_item_id, inventory_item_id, location_id, SUM(quantity)::text AS quantity
         FROM reservation_item WHERE deleted_at IS NULL
        GROUP BY line_item_id, inventory_item_id, location_id
        ORDER BY line_item_id NULLS FIRST, inventory_item_id, location_id`
    ),
    rows(container, `SELECT id FROM fulfillment WHERE canceled_at IS NULL AND deleted_at IS NULL ORDER BY id`),
    rows(
      container,
      `SELECT item_id, fulfilled_quantity::text AS fulfilled FROM order_item WHERE deleted_at IS NULL ORDER BY item_id, version`
    ),
  ])
  return { lots, stock, events, allocations, shortfalls, levels, reservations, fulfillments, orderItems }
}

/** Lot stock rows with their lot number, as stored: the per-lot truth the invariants check. */
export async function lotStockRows(container: MedusaContainer, inventoryItemId: string) {
  const result = await rows(
    container,
    `SELECT l.lot_number, l.status, s.location_id, s.quantity, s.allocated_quantity, s.quarantined_quantity
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE l.inventory_item_id = ? AND s.deleted_at IS NULL AND l.deleted_at IS NULL
      ORDER BY l.lot_number, s.location_id`,
    [inventoryItemId]
  )
  return result.map((r) => ({
    lot_number: String(r.lot_number),
    status: String(r.status),
    location_id: String(r.location_id),
    quantity: Number(r.quantity),
    allocated_quantity: Number(r.allocated_quantity),
    quarantined_quantity: Number(r.quarantined_quantity),
  }))
}

/** Allocation rows of an item by status (open / fulfilled / released / canceled), per lot number. */
export async function allocationRows(container: MedusaContainer, inventoryItemId: string) {
  const result = await rows(
    container,
    `SELECT a.order_id, a.line_item_id, l.lot_number, a.location_id, a.quantity, a.status, a.fulfillment_id
       FROM lot_allocation a JOIN lot l ON l.id = a.lot_id
      WHERE a.inventory_item_id = ? AND a.deleted_at IS NULL
      ORDER BY a.id`,
    [inventoryItemId]
  )
  return result.map((r) => ({
    order_id: String(r.order_id),
    line_item_id: String(r.line_item_id),
    lot_number: String(r.lot_number),
    location_id: String(r.location_id),
    quantity: Number(r.quantity),
    status: String(r.status),
    fulfillment_id: r.fulfillment_id === null ? null : String(r.fulfillment_id),
  }))
}

/** Units held back from sale at a location by the plugin's blocking reservations (no line item). */
export async function blockedReservationTotal(container: MedusaContainer, inventoryItemId: string, locationId: string) {
  const [row] = await rows(
    container,
    `SELECT COALESCE(SUM(quantity), 0)::int AS total FROM reservation_item
      WHERE inventory_item_id = ? AND location_id = ? AND line_item_id IS NULL AND deleted_at IS NULL`,
    [inventoryItemId, locationId]
  )
  return Number(row.total)
}
