import { dayInWords } from "./words"
import { DAY_MS } from "./time-units"

/** Workflow inputs may carry dates as ISO strings once they have been checkpointed. */
export type DateLike = Date | string | null | undefined

export type LotDates = {
  manufactured_at?: DateLike
  expires_at?: DateLike
  best_before_at?: DateLike
}

export function toDate(value: DateLike): Date | null {
  return value ? new Date(value) : null
}

/** Where a derived expiry counts from: the manufacture date when known, else the day the lot was received. */
export type ExpiryStart = { from: "manufactured_at" | "received_at"; at: Date }

export function expiryStart(dates: LotDates, receivedAt: DateLike): ExpiryStart | null {
  const made = toDate(dates.manufactured_at)
  if (made) {
    return { from: "manufactured_at", at: made }
  }
  const received = toDate(receivedAt)
  return received ? { from: "received_at", at: received } : null
}

/**
 * Expiry as given, else the item's shelf life counted from the manufacture date or, without one,
 * from the day the lot was received; null without a shelf life (a lot may not expire).
 */
export function deriveExpiry(dates: LotDates, shelfLifeDays: number | null | undefined, receivedAt: DateLike): Date | null {
  if (dates.expires_at) {
    return toDate(dates.expires_at)
  }
  const start = expiryStart(dates, receivedAt)
  if (start && shelfLifeDays) {
    return new Date(start.at.getTime() + shelfLifeDays * DAY_MS)
  }
  return null
}

/** The problems a merchant must fix in a lot's dates, in words; empty when the dates make sense. */
export function lotDateProblems(dates: LotDates): string[] {
  const problems: string[] = []
  const made = toDate(dates.manufactured_at)
  const expires = toDate(dates.expires_at)
  const bestBefore = toDate(dates.best_before_at)
  if (made && expires && expires.getTime() <= made.getTime()) {
    problems.push(
      `The expiry date (${dayInWords(expires)}) must be after the manufacture date (${dayInWords(made)}).`
    )
  }
  if (made && bestBefore && bestBefore.getTime() <= made.getTime()) {
    problems.push(
      `The best-before date (${dayInWords(bestBefore)}) must be after the manufacture date (${dayInWords(made)}).`
    )
  }
  if (bestBefore && expires && bestBefore.getTime() > expires.getTime()) {
    problems.push(`The best-before date (${dayInWords(bestBefore)}) cannot be later than the expiry date (${dayInWords(expires)}).`)
  }
  return problems
}

/** Days from `now` until the lot expires (negative once expired); null for lots without expiry. */
export function daysUntilExpiry(expiresAt: DateLike, now: Date): number | null {
  const expires = toDate(expiresAt)
  if (!expires) {
    return null
  }
  return Math.floor((expires.getTime() - now.getTime()) / DAY_MS)
}

