import type { IntegrityCheck } from "../../modules/lot/domain/integrity"
import type { RecallNoticeMethod } from "../../modules/lot/types"
import type { AdjustmentReason, AllocationStrategy, EditableLotField, LotEditEventData, LotEventType, LotShipmentStatus, LotStatus } from "../types"
import { counted } from "../../modules/lot/domain/words"
import { DAY_MS } from "../../modules/lot/domain/time-units"

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const LOT_STATUS_LABELS: Record<LotStatus, string> = {
  quarantine: "Quarantine",
  released: "Released",
  on_hold: "On hold",
  rejected: "Rejected",
  recalled: "Recalled",
  expired: "Expired",
}

export const LOT_STATUS_COLORS: Record<LotStatus, BadgeColor> = {
  quarantine: "orange",
  released: "green",
  on_hold: "purple",
  rejected: "red",
  recalled: "red",
  expired: "grey",
}

export const STRATEGY_LABELS: Record<AllocationStrategy, string> = {
  fefo: "FEFO — first expired, first out",
  fifo: "FIFO — first received, first out",
  lifo: "LIFO — last received, first out",
}

export const ADJUSTMENT_REASON_LABELS: Record<AdjustmentReason, string> = {
  count: "Stock count",
  scrap: "Scrap",
  damage: "Damage",
  sample: "Sample taken",
  other: "Other",
}

/** A fulfillment's state in Medusa's own words (its order page says "Awaiting shipping" until shipped). */
export const SHIPMENT_STATUS_LABELS: Record<LotShipmentStatus, string> = {
  fulfilled: "Awaiting shipping",
  shipped: "Shipped",
  delivered: "Delivered",
  canceled: "Canceled",
}

/** Who made a change: the admin user's name, else e-mail, else the id the record kept. */
export function actorName(actor: { id: string; name: string | null; email: string | null } | null): string | null {
  return actor ? (actor.name ?? actor.email ?? actor.id) : null
}

/** How a recall's customer was told. */
export const RECALL_NOTICE_METHOD_LABELS: Record<RecallNoticeMethod, string> = {
  email: "E-mail",
  phone: "Phone",
  letter: "Letter",
}

export const LOT_EVENT_LABELS: Record<LotEventType, string> = {
  received: "Received",
  adjusted: "Adjusted",
  scrapped: "Scrapped",
  transferred_out: "Transferred out",
  transferred_in: "Transferred in",
  released: "Released",
  held: "Put on hold",
  rejected: "Rejected",
  allocated: "Allocated to an order",
  deallocated: "Allocation released",
  shipped: "Shipped",
  fulfillment_canceled: "Fulfillment canceled",
  returned: "Returned",
  return_restocked: "Returned units restocked",
  recalled: "Recalled",
  expired: "Expired",
  expiry_warning: "Expiry warning",
  consumed: "Consumed in production",
  produced: "Produced",
  reverted: "Reverted",
  block_restored: "Deleted hold-back reservation re-created",
  corrected: "Corrected by the integrity repair",
  edited: "Edited",
}

/** The integrity checks in a merchant's words (what each compares is in domain/integrity.ts). */
export const INTEGRITY_CHECK_LABELS: Record<IntegrityCheck, string> = {
  stock: "Stock",
  reserved: "Reserved",
  blocked: "Held back",
  allocated: "Allocated counter",
  allocation: "Order allocation",
  over_reserved: "Reserved for order",
  fulfillment: "Fulfillment",
  ledger: "History",
}

/** A check's label; a check this admin does not know (a correction records it as text) shows as named. */
export function integrityCheckLabel(check: string): string {
  return Object.prototype.hasOwnProperty.call(INTEGRITY_CHECK_LABELS, check) ? INTEGRITY_CHECK_LABELS[check as IntegrityCheck] : check
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
})

export { counted }

/** A signed count for a history entry: "+1 unit", "−3 units". */
export const signedUnits = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${counted(Math.abs(n), "unit")}`

const compactFormat = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 })

/** A number short enough to sit on a chart bar: 950, 1.2k, 34k. */
export const compactNumber = (n: number) => compactFormat.format(n)

/** A calendar date stored as midnight UTC (expiry, manufacture), e.g. "22 Nov 2026". */
export function formatDay(value: string | null | undefined): string {
  return value ? dayFormat.format(new Date(value)) : "—"
}

/** A moment in time in the viewer's time zone, e.g. "25 Nov 2026, 09:29". */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : "—"
}

const MAX_TEXT_IN_HISTORY = 60

/** A date of the lot as the history shows a change of it, "—" when there was none. */
const dayValue = (value: unknown) => formatDay(typeof value === "string" ? value : null)

/** Text of the lot as the history shows a change of it: on one line, quoted, shortened. */
function textValue(value: unknown): string {
  if (typeof value !== "string" || !value) return "—"
  const line = value.replace(/\s+/g, " ").trim()
  return `“${line.length > MAX_TEXT_IN_HISTORY ? `${line.slice(0, MAX_TEXT_IN_HISTORY - 1)}…` : line}”`
}

// The fields a merchant reads in an edit, in this order; the supplier's record id and copied details follow its name.
const EDITED_FIELDS: [EditableLotField, string, (value: unknown) => string][] = [
  ["expires_at", "Expiry", dayValue],
  ["manufactured_at", "Manufactured", dayValue],
  ["best_before_at", "Best before", dayValue],
  ["supplier", "Supplier", textValue],
  ["supplier_lot_number", "Supplier's lot number", textValue],
  ["notes", "Notes", textValue],
]

/** Whether a history entry's data lists changed fields (an edit, or the undoing of one). */
export function isLotEditData(data: unknown): data is LotEditEventData {
  return typeof data === "object" && data !== null && typeof (data as { changes?: unknown }).changes === "object"
}

/** One line per field an edit changed: "Expiry: 1 Jan 2027 → 1 Feb 2027", saying when the expiry was derived. */
export function describeLotEdit(data: LotEditEventData): string[] {
  return EDITED_FIELDS.flatMap(([field, label, show]) => {
    const change = data.changes[field]
    if (!change) return []
    const line = `${label}: ${show(change.from)} → ${show(change.to)}`
    const derived = field === "expires_at" ? data.derived_expiry : undefined
    if (!derived) return [line]
    const start = derived.from === "manufactured_at" ? "manufactured" : "received"
    return [`${line} (${start} + ${derived.shelf_life_days} days shelf life)`]
  })
}

/** Whole calendar days from today (UTC) to the expiry day; negative once expired, null without expiry. */
export function daysLeft(expiresAt: string | null | undefined, now: Date = new Date()): number | null {
  if (!expiresAt) {
    return null
  }
  const expiry = new Date(expiresAt)
  const expiryDay = Date.UTC(expiry.getUTCFullYear(), expiry.getUTCMonth(), expiry.getUTCDate())
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return Math.round((expiryDay - today) / DAY_MS)
}

/** Colour of the expiry window: expired or within 30 days red, 60 orange, 90 blue, later green. */
export function expiryColor(days: number | null): BadgeColor {
  if (days === null) {
    return "grey"
  }
  if (days <= 30) {
    return "red"
  }
  if (days <= 60) {
    return "orange"
  }
  if (days <= 90) {
    return "blue"
  }
  return "green"
}

/** "Expired 3 days ago", "Expires today", "12 days left". */
export function describeDaysLeft(days: number | null): string {
  if (days === null) {
    return "No expiry"
  }
  if (days < 0) {
    return `Expired ${-days} ${-days === 1 ? "day" : "days"} ago`
  }
  if (days === 0) {
    return "Expires today"
  }
  return `${days} ${days === 1 ? "day" : "days"} left`
}

/** The message of an API error ({ message } body) or any thrown value, in words. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) {
    return error.message
  }
  if (typeof error === "string" && error) {
    return error
  }
  return "Something went wrong. Please try again."
}

/** Units on hand and allocated across all locations of a lot. */
export function totals(stock: { quantity: number; allocated_quantity: number }[]) {
  return stock.reduce(
    (sum, row) => ({ quantity: sum.quantity + row.quantity, allocated: sum.allocated + row.allocated_quantity }),
    { quantity: 0, allocated: 0 }
  )
}

/** The integrity check's verdict: "All 12 lot-tracked items are in balance" or "3 problems found". */
export function describeIntegrity(report: { checked_items: number; findings: readonly unknown[] }): string {
  if (report.findings.length) {
    return `${counted(report.findings.length, "problem")} found`
  }
  if (report.checked_items === 0) {
    return "No items are lot-tracked yet"
  }
  return report.checked_items === 1 ? "The lot-tracked item is in balance" : `All ${report.checked_items.toLocaleString()} lot-tracked items are in balance`
}

/** What a repair run did, in one sentence: found, corrected, and what is left for a person. */
export function describeRepair(repair: { found: readonly unknown[]; corrections: readonly unknown[]; after: { findings: readonly unknown[] } }): string {
  if (!repair.found.length) {
    return "Nothing to repair: everything is in balance."
  }
  const left = repair.after.findings.length
  return (
    `${counted(repair.found.length, "problem")} found, ${counted(repair.corrections.length, "correction")} made` +
    (left ? `; ${left.toLocaleString()} left for a person.` : "; everything is in balance now.")
  )
}
