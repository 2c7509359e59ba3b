/**
 * The model of the order model-based test: what the test knows of the app (orders, their lines,
 * fulfillments and returns as Medusa last showed them, lots and their status), the real side
 * (HTTP client, container, the books last read), and the base every command extends: do the
 * command through Medusa's HTTP routes, wait until every subscriber it set off has finished, then
 * check every invariant from the database — and, when Medusa refused the command (4xx), that it
 * changed nothing.
 */
import { isDeepStrictEqual } from "node:util"
import type { MedusaContainer } from "@medusajs/framework/types"
import type fc from "fast-check"
import { pendingFollowUps } from "../../../src/workflows/runners/reservation-moves"
import { rows, sleep } from "../allocation"
import { describeViolations, invariantViolations, readBooks, type Books } from "../invariants"
import { get, HttpError, type Headers, type HttpClient, type StoreSetup } from "../store"
import type { AppQuiescence } from "./settle"

export type AdminClient = HttpClient & { delete<T = unknown>(url: string, config?: { headers?: Headers }): Promise<{ status: number; data: T }> }

export interface VariantRef {
  id: string
  itemId: string
  label: string
}
export interface LotRef {
  id: string
  lotNumber: string
  itemId: string
  locationId: string
  status: string
  pastExpiry: boolean
}
export interface LineRef {
  id: string
  variantId: string | null
  quantity: number
  fulfilled: number
  returnable: number
}
export interface FulfillmentRef {
  id: string
  label: string
  locationId: string
  shipped: boolean
  delivered: boolean
  canceled: boolean
}
export interface ReturnRef {
  id: string
  label: string
  status: string
  items: { lineId: string; quantity: number; received: number }[]
}
export interface OrderRef {
  id: string
  label: string
  status: string
  lines: LineRef[]
  fulfillments: FulfillmentRef[]
  returns: ReturnRef[]
}
export interface OrderModel {
  run: number
  variants: VariantRef[]
  lots: LotRef[]
  orders: OrderRef[]
}

export interface CommandStats {
  ran: number
  refused: number
  ms: number
  /** Refusal messages (ids left out) and how often each came. */
  reasons: Map<string, number>
}

/** What every run shares: the app, the admin, the store, the counters. */
export interface ModelContext {
  api: AdminClient
  headers: Headers
  store: StoreSetup
  container: MedusaContainer
  quiescence: AppQuiescence
  stats: Map<string, CommandStats>
  runs: number
}

export interface OrderReal extends ModelContext {
  itemIds: string[]
  /** Readable names of ids (items, variants, locations, orders, lines) for traces and messages. */
  labels: Map<string, string>
  books: Books
  /** What this run did so far, one line per command. */
  trace: string[]
  /** What the running command is doing, in words (set before its requests). */
  doing: string
}

/** Medusa's answer to a request it would not do (a 4xx, or a checkout that ended as a cart). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = "Refusal"
  }
}

function asRefusal(e: unknown): Refusal | null {
  if (e instanceof Refusal) return e
  if (e instanceof HttpError && e.status >= 400 && e.status < 500) {
    const data = e.data as { message?: string } | undefined
    return new Refusal(e.status, data?.message ?? e.message)
  }
  return null
}

/** The element `n` points at, counting round the list (commands draw plain numbers). */
export function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length ? list[n % list.length] : undefined
}

/** Bit i of the mask picks open line i (of the first four, round); an empty pick takes the first line. */
export function linesByMask<T>(open: T[], mask: number): T[] {
  const chosen = open.filter((_, i) => mask & (1 << i % 4))
  return chosen.length ? chosen : open.slice(0, 1)
}

export const liveOrders = (m: Readonly<OrderModel>) => m.orders.filter((o) => o.status !== "canceled")

/** The readable name of an id: `prefix` and the next free number (O1, O1.L2, O1.F1, ...). */
export function labelFor(r: OrderReal, id: string, prefix: string): string {
  let label = r.labels.get(id)
  if (!label) {
    const taken = [...r.labels.values()].filter((l) => l.startsWith(prefix) && /^\d+$/.test(l.slice(prefix.length))).length
    label = `${prefix}${taken + 1}`
    r.labels.set(id, label)
  }
  return label
}

export function relabel(r: OrderReal, text: string): string {
  let out = text
  for (const [id, label] of r.labels) out = out.split(id).join(label)
  return out
}

const CHANGE_CANCEL: Record<string, (c: Record<string, unknown>) => string> = {
  edit: (c) => `/admin/order-edits/${c.order_id}`,
  claim: (c) => `/admin/claims/${c.claim_id}/request`,
  exchange: (c) => `/admin/exchanges/${c.exchange_id}/request`,
  return_request: (c) => `/admin/returns/${c.return_id}/request`,
  return_receive: (c) => `/admin/returns/${c.return_id}/receive`,
}

/** A command refused half-way leaves its order change open: cancel it as the admin would. */
async function cancelOpenChanges(m: OrderModel, r: OrderReal) {
  if (!m.orders.length) return
  const open = await rows(
    r.container,
    `SELECT order_id, change_type, claim_id, exchange_id, return_id FROM order_change
      WHERE order_id = ANY(?) AND status IN ('pending', 'requested') AND deleted_at IS NULL`,
    [m.orders.map((o) => o.id)]
  )
  for (const change of open) {
    const url = CHANGE_CANCEL[String(change.change_type)]?.(change)
    if (!url) throw new Error(`open order change of unknown type ${JSON.stringify(change)}`)
    await r.api.delete(url, { headers: r.headers })
  }
}

/** What changed between two reads of the books: per section, the entries gone (-) and added (+). */
function booksDiff(before: Books, after: Books): string {
  const out: string[] = []
  for (const section of Object.keys(before) as (keyof Books)[]) {
    const b = before[section].map((x) => JSON.stringify(x))
    const a = after[section].map((x) => JSON.stringify(x))
    const gone = b.filter((x) => !a.includes(x))
    const added = a.filter((x) => !b.includes(x))
    if (gone.length || added.length) out.push(`  ${section}: -${gone.join(" -")}\n  ${section}: +${added.join(" +")}`)
  }
  return out.join("\n")
}

// How long the books may take to come right once no subscriber runs (a slow write still landing).
const GRACE_MS = 2_000

/**
 * The books without Medusa's own levels and reservations: a command Medusa refuses must leave the
 * lots as they were, but Medusa itself may not (an order edit refused at confirmation for want of
 * stock was seen keeping the reservation it had just made); the invariants still hold Medusa's
 * numbers to the lots'.
 */
const lotSide = (books: Books): Books => ({ ...books, levels: [], reservations: [] })

/** Waits for the app to be idle, then checks the invariants (and that a refused command left the lots as they were). */
export async function verify(r: OrderReal, refusedFrom: Books | null): Promise<void> {
  await followUpsDone()
  const deadline = Date.now() + GRACE_MS
  for (;;) {
    await r.quiescence.settled()
    const crashed = r.quiescence.takeFailures()
    if (crashed.length) throw new ModelFailure(r, `a subscriber failed:\n${crashed.join("\n")}`)
    const books = await readBooks(r.container, r.itemIds)
    const problems: string[] = []
    // Where Medusa's refusal still moved reservations (a rollback that failed half-way), the lots
    // follow Medusa, and only the invariants say whether they did it right.
    const medusaMoved = refusedFrom && !isDeepStrictEqual(books.reservations, refusedFrom.reservations)
    if (refusedFrom && !medusaMoved && !isDeepStrictEqual(lotSide(books), lotSide(refusedFrom))) {
      problems.push(`refused, yet it changed the lots:\n${booksDiff(lotSide(refusedFrom), lotSide(books))}`)
    }
    const violations = invariantViolations(books)
    if (violations.length) problems.push(`invariants broken:\n${describeViolations(violations)}`)
    if (!problems.length) {
      r.books = books
      return
    }
    if (Date.now() > deadline) throw new ModelFailure(r, problems.join("\n"))
    await sleep(200)
  }
}

/**
 * Waits out the follow-ups of a refused fulfillment (see reservation-moves.ts): they move the lots
 * seconds after the refusal, so until none is left the app is not idle, and a command run meanwhile
 * would be blamed for their changes.
 */
async function followUpsDone(timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (pendingFollowUps()) {
    if (Date.now() > until) throw new Error(`${pendingFollowUps()} follow-up(s) of a refused fulfillment still running after ${timeoutMs} ms`)
    await sleep(100)
  }
}

/** A failed run: its message carries the run's trace, ids replaced by readable names. */
export class ModelFailure extends Error {
  constructor(r: OrderReal, problem: string) {
    super(relabel(r, `after step ${r.trace.length} of run ${r.runs}:\n${problem}\ntrace of the run:\n${r.trace.map((t, i) => `  ${i + 1}. ${t}`).join("\n")}`))
    this.name = "ModelFailure"
  }
}

/** A command of the model: done through Medusa's routes, then verified. */
export abstract class ModelCommand implements fc.AsyncCommand<OrderModel, OrderReal> {
  abstract readonly name: string
  abstract check(m: Readonly<OrderModel>): boolean
  /** Does the command; throws HttpError / Refusal when Medusa refuses it. Sets `r.doing` first. */
  protected abstract act(m: OrderModel, r: OrderReal): Promise<void>
  abstract toString(): string

  async run(m: OrderModel, r: OrderReal): Promise<void> {
    const before = r.books
    const stats = r.stats.get(this.name) ?? { ran: 0, refused: 0, ms: 0, reasons: new Map() }
    r.stats.set(this.name, stats)
    stats.ran++
    const started = Date.now()
    r.doing = this.toString()
    let refusal: Refusal | null = null
    try {
      await this.act(m, r)
    } catch (e) {
      refusal = asRefusal(e)
      if (!refusal) {
        r.trace.push(`${r.doing} -> FAILED`)
        throw new ModelFailure(r, `request failed: ${e instanceof Error ? e.message : String(e)}`)
      }
      stats.refused++
      const reason = `${refusal.status} ${refusal.message.replace(/\b[a-z]+_[0-9A-Z]{26}\b/g, "<id>").slice(0, 120)}`
      stats.reasons.set(reason, (stats.reasons.get(reason) ?? 0) + 1)
      await cancelOpenChanges(m, r)
    }
    r.trace.push(refusal ? `${r.doing} -> refused ${refusal.status}: ${refusal.message}` : r.doing)
    await verify(r, refusal ? before : null)
    stats.ms += Date.now() - started
  }
}

const ORDER_FIELDS = "id,status,*items,*items.detail,*fulfillments"

/** Re-reads an order, its lines, fulfillments and returns as Medusa shows them now. */
export async function refreshOrder(r: OrderReal, order: OrderRef): Promise<void> {
  type Item = { id: string; variant_id: string | null; quantity: number; detail?: Record<string, number> }
  type Fulfillment = { id: string; location_id: string; shipped_at: string | null; delivered_at: string | null; canceled_at: string | null }
  type Return = { id: string; status: string; items?: { item_id: string; quantity: number; received_quantity: number }[] }
  const [{ order: fresh }, { returns }] = await Promise.all([
    get<{ order: { status: string; items: Item[]; fulfillments?: Fulfillment[] } }>(r.api, `/admin/orders/${order.id}?fields=${encodeURIComponent(ORDER_FIELDS)}`, r.headers),
    get<{ returns: Return[] }>(r.api, `/admin/returns?order_id=${order.id}&fields=${encodeURIComponent("id,status,*items")}&limit=100`, r.headers),
  ])
  order.status = fresh.status
  order.lines = fresh.items.map((item) => {
    const d = item.detail ?? {}
    const fulfilled = Number(d.fulfilled_quantity ?? 0)
    labelFor(r, item.id, `${order.label}.L`)
    return {
      id: item.id,
      variantId: item.variant_id,
      quantity: Number(item.quantity),
      fulfilled,
      returnable: fulfilled - Number(d.return_requested_quantity ?? 0) - Number(d.return_received_quantity ?? 0),
    }
  })
  order.fulfillments = (fresh.fulfillments ?? []).map((f) => ({
    id: f.id,
    label: labelFor(r, f.id, `${order.label}.F`),
    locationId: f.location_id,
    shipped: !!f.shipped_at,
    delivered: !!f.delivered_at,
    canceled: !!f.canceled_at,
  }))
  order.returns = returns.map((ret) => ({
    id: ret.id,
    label: labelFor(r, ret.id, `${order.label}.R`),
    status: ret.status,
    items: (ret.items ?? []).map((i) => ({ lineId: i.item_id, quantity: Number(i.quantity), received: Number(i.received_quantity ?? 0) })),
  }))
}
