import { LOT_STATUSES, type LotListFilters, type LotStatus } from "../types"

/**
 * What the Lots page shows — search, filters, sort and page — as kept in its address, so Back and
 * a shared link bring the same list back. Expiry bounds are calendar days, both inclusive.
 */
export type LotListView = {
  q: string
  status: LotStatus[]
  location_id: string[]
  expires_from: string | null
  expires_to: string | null
  /** A sortable field, "-" in front for descending. */
  order: string
  /** 0-based, as the table counts pages; the address shows it from 1. */
  page: number
}

/** The columns the table sorts by (each one the list route can order by). */
const LOT_LIST_SORTS = ["lot_number", "status", "expires_at", "received_at"] as const
export const DEFAULT_LOT_ORDER = "expires_at"

const DAY = /^\d{4}-\d{2}-\d{2}$/
const isDay = (value: string | null): value is string => !!value && DAY.test(value) && !Number.isNaN(Date.parse(value))
const isStatus = (value: string): value is LotStatus => (LOT_STATUSES as readonly string[]).includes(value)
const isOrder = (value: string) => (LOT_LIST_SORTS as readonly string[]).includes(value.replace(/^-/, ""))

/** The view in an address's query string; values a hand-edited or old link gets wrong are left out. */
export function readLotListView(params: URLSearchParams): LotListView {
  const page = Number(params.get("page"))
  const order = params.get("order")
  return {
    q: params.get("q") ?? "",
    status: params.getAll("status").filter(isStatus),
    location_id: params.getAll("location_id").filter(Boolean),
    expires_from: isDay(params.get("expires_from")) ? params.get("expires_from") : null,
    expires_to: isDay(params.get("expires_to")) ? params.get("expires_to") : null,
    order: order && isOrder(order) ? order : DEFAULT_LOT_ORDER,
    page: Number.isSafeInteger(page) && page > 1 ? page - 1 : 0,
  }
}

/** The query string for a view; what is at its default stays out, so a plain list has a plain address. */
export function writeLotListView(view: LotListView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.q.trim()) params.set("q", view.q)
  for (const status of view.status) params.append("status", status)
  for (const id of view.location_id) params.append("location_id", id)
  if (view.expires_from) params.set("expires_from", view.expires_from)
  if (view.expires_to) params.set("expires_to", view.expires_to)
  if (view.order !== DEFAULT_LOT_ORDER) params.set("order", view.order)
  if (view.page > 0) params.set("page", String(view.page + 1))
  return params
}

/** The day after a calendar day ("2027-03-31" -> "2027-04-01"). */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/**
 * GET /admin/lots's filters for a view (its export takes the same). The route's expires_before is
 * exclusive, so the last day of the range becomes the day after it.
 */
export function lotListFilters(view: LotListView): LotListFilters {
  const filters: LotListFilters = {}
  if (view.q.trim()) filters.q = view.q.trim()
  if (view.status.length) filters.status = view.status
  if (view.location_id.length) filters.location_id = view.location_id
  if (view.expires_from) filters.expires_after = view.expires_from
  if (view.expires_to) filters.expires_before = nextDay(view.expires_to)
  return filters
}

/** A calendar day in the browser's time zone, `offset` days from `today`. */
function dayFrom(today: Date, offset: number): string {
  const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`
}

/** The calendar day a date picker's value stands for, in the browser's time zone. */
const localDay = (iso: string | undefined) => {
  const date = iso ? new Date(iso) : null
  return date && !Number.isNaN(date.getTime()) ? dayFrom(date, 0) : null
}

/** The date picker's value for a calendar day: its midnight in the browser's time zone. */
export const dayStart = (day: string) => {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(year, month - 1, date).toISOString()
}

/** A date-range filter's value, as Medusa's DataTable date filter holds it. */
export type DayRangeFilter = { $gte?: string; $lte?: string }

/** The expiry filter's ready-made ranges, from `today` (both ends inclusive). */
export function expiryPresets(today: Date): { label: string; value: DayRangeFilter }[] {
  const range = (from: number | null, to: number) => ({
    ...(from === null ? {} : { $gte: dayStart(dayFrom(today, from)) }),
    $lte: dayStart(dayFrom(today, to)),
  })
  return [
    { label: "Past expiry", value: range(null, -1) },
    { label: "Within 7 days", value: range(0, 7) },
    { label: "Within 30 days", value: range(0, 30) },
    { label: "Within 90 days", value: range(0, 90) },
  ]
}

/** The table's filter values for a view (the DataTable's filtering state). */
export function lotListFiltering(view: LotListView): Record<string, unknown> {
  const filtering: Record<string, unknown> = {}
  if (view.status.length) filtering.status = view.status
  if (view.location_id.length) filtering.location_id = view.location_id
  if (view.expires_from || view.expires_to) {
    const range: DayRangeFilter = {}
    if (view.expires_from) range.$gte = dayStart(view.expires_from)
    if (view.expires_to) range.$lte = dayStart(view.expires_to)
    filtering.expires_at = range
  }
  return filtering
}

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [])

/** The view's filters for the table's filter values (what the user picked). */
export function lotListFiltersFromTable(
  filtering: Record<string, unknown>
): Pick<LotListView, "status" | "location_id" | "expires_from" | "expires_to"> {
  const range = (filtering.expires_at ?? {}) as DayRangeFilter
  return {
    status: strings(filtering.status).filter(isStatus),
    location_id: strings(filtering.location_id),
    expires_from: localDay(range.$gte),
    expires_to: localDay(range.$lte),
  }
}

/** A filter the user has just added and not given a value yet (it has no place in the address). */
export function isUnsetFilter(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === "object" && Object.values(value).every(isUnsetFilter)
}
