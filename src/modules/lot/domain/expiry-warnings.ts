import { LotStatus } from "../types"
import { counted } from "./words"
import { DAY_MS } from "./time-units"

/**
 * Lots whose stock can still expire on the shelf: the statuses the expiry sweep moves to expired.
 * Rejected and recalled stock is already out of circulation, so warning about it is noise.
 */
export const EXPIRING_STATUSES: LotStatus[] = [LotStatus.QUARANTINE, LotStatus.RELEASED, LotStatus.ON_HOLD]

/** Default warning windows: a lot is announced 90, 60 and 30 days before it expires. */
export const DEFAULT_EXPIRY_WARNING_DAYS = [90, 60, 30]

/** Distinct positive whole days, largest first; refuses a configuration that could never warn. */
export function normalizeWarningDays(days: number[]): number[] {
  const windows = [...new Set(days)].sort((a, b) => b - a)
  if (!windows.length || windows.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new Error(`expiry_warning_days must be positive whole numbers of days, got ${JSON.stringify(days)}`)
  }
  return windows
}

/**
 * Days left until expiry, rounded up: a lot is inside the N-day window exactly when
 * `daysLeft <= N`, i.e. when it expires at or before `asOf + N days`. A lot dated midnight
 * 30 days ahead therefore has 30 days left all day long, as a merchant counts them.
 */
export function daysLeft(expiresAt: Date | string, asOf: Date): number {
  return Math.ceil((new Date(expiresAt).getTime() - asOf.getTime()) / DAY_MS)
}

/** The smallest window a lot with `days` left is inside, or null when it is outside all of them (or expired). */
export function windowFor(days: number, windows: number[]): number | null {
  if (days <= 0) {
    return null
  }
  const inside = windows.filter((w) => days <= w)
  return inside.length ? Math.min(...inside) : null
}

/**
 * The window to announce now, or null: each window warns once, so a lot is announced only when
 * it entered a smaller window than the last one announced. A lot first seen 20 days before
 * expiry is announced once, for 30, not for 90, 60 and 30.
 */
export function windowToAnnounce(days: number, announced: number | null, windows: number[]): number | null {
  const window = windowFor(days, windows)
  return window !== null && (announced === null || window < announced) ? window : null
}

export type WarningBoundary = { window_days: number; until: Date }

/**
 * Each window with the last expiry moment inside it, smallest first: what the set-based warning
 * statement compares `expires_at` with, so the date arithmetic stays here and not in SQL.
 */
export function warningBoundaries(windows: number[], asOf: Date): WarningBoundary[] {
  return [...windows]
    .sort((a, b) => a - b)
    .map((window_days) => ({ window_days, until: new Date(asOf.getTime() + window_days * DAY_MS) }))
}

/** Where the admin's Expiry page lives, for the feed notification. */
export const EXPIRY_PAGE_PATH = "/app/expiry"

/**
 * The one admin feed notification of a warning run: how many lots entered which window, e.g.
 * "3 lots expire within 30 days". Null when nothing was announced.
 */
export function warningNotification(warned: { window_days: number }[]): { title: string; description: string } | null {
  if (!warned.length) {
    return null
  }
  const perWindow = new Map<number, number>()
  for (const lot of warned) {
    perWindow.set(lot.window_days, (perWindow.get(lot.window_days) ?? 0) + 1)
  }
  const parts = [...perWindow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([window, count]) => `${lots(count)} ${count === 1 ? "expires" : "expire"} within ${window} days`)
  const title = parts.length === 1 ? parts[0] : `${lots(warned.length)} entered an expiry warning window`
  const details = parts.length === 1 ? "" : `${parts.join(", ")}. `
  return { title, description: `${details}See them on the Expiry page: ${EXPIRY_PAGE_PATH}` }
}

const lots = (count: number) => counted(count, "lot")

/** Monday 00:00 UTC of the ISO week `date` falls in. */
export function isoWeekStart(date: Date): Date {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7
  return new Date(day - sinceMonday * DAY_MS)
}

/** The ISO weeks of the expiry chart as `YYYY-MM-DD` Mondays: this week and the `count - 1` after it. */
export function expiryWeeks(asOf: Date, count: number): string[] {
  const first = isoWeekStart(asOf).getTime()
  return Array.from({ length: count }, (_, i) => new Date(first + i * 7 * DAY_MS).toISOString().slice(0, 10))
}
