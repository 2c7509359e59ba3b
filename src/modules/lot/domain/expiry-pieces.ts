import { isoWeekStart } from "./expiry-warnings"
import { DAY_MS, WEEK_MS } from "./time-units"

/** One end of an expiry interval; a null start is open (since ever). */
export type ExpiryBound = { at: Date; inclusive: boolean }

/**
 * Where the stock of an expiry interval is read from: whole ISO weeks and whole days from the
 * maintained summary (periods starting in [from, until); from null = every earlier one), the
 * ragged ends from the lots themselves (`expires_at` between the bounds; from null = since ever),
 * added or, with `subtract`, taken away.
 */
export type ExpiryPiece =
  | { source: "weeks" | "days"; from: Date | null; until: Date }
  | { source: "lots"; from: ExpiryBound | null; until: ExpiryBound; subtract?: true }

const addWeek = (date: Date) => new Date(date.getTime() + WEEK_MS)
const dayStart = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS)
const before = (a: Date, b: Date) => a.getTime() < b.getTime()

/**
 * Splits the interval of expiry moments from `from` (null: unbounded) to `until` into summary
 * weeks, summary days where it starts or ends inside a week, and ragged ends inside a day, so that
 * each moment is counted exactly once. An end inside a day is read as that whole day less the
 * lots after the end: most expiry dates are days, stored at midnight, so the lots after a moment
 * of the day are few and those from its midnight are all of that day's.
 */
export function expiryPieces(from: ExpiryBound | null, until: ExpiryBound): ExpiryPiece[] {
  const lastDay = dayStart(until.at)
  let firstDay: Date | null = null
  if (from) {
    const day = dayStart(from.at)
    firstDay = from.at.getTime() === day.getTime() && from.inclusive ? day : new Date(day.getTime() + DAY_MS)
  }
  if (firstDay && before(lastDay, firstDay)) {
    return [{ source: "lots", from, until }]
  }
  const pieces: ExpiryPiece[] = []
  if (from && before(from.at, firstDay!)) {
    pieces.push({ source: "lots", from, until: { at: firstDay!, inclusive: false } })
  }
  const lastWeek = isoWeekStart(lastDay)
  let firstWeek: Date | null = null
  if (firstDay) {
    const week = isoWeekStart(firstDay)
    firstWeek = week.getTime() === firstDay.getTime() ? week : addWeek(week)
  }
  if (firstWeek && before(lastWeek, firstWeek)) {
    // Whole days within one week.
    if (before(firstDay!, lastDay)) {
      pieces.push({ source: "days", from: firstDay, until: lastDay })
    }
  } else {
    if (firstDay && before(firstDay, firstWeek!)) {
      pieces.push({ source: "days", from: firstDay, until: firstWeek! })
    }
    if (!firstWeek || before(firstWeek, lastWeek)) {
      pieces.push({ source: "weeks", from: firstWeek, until: lastWeek })
    }
    if (before(lastWeek, lastDay)) {
      pieces.push({ source: "days", from: lastWeek, until: lastDay })
    }
  }
  if (before(lastDay, until.at)) {
    const nextDay = new Date(lastDay.getTime() + DAY_MS)
    pieces.push({ source: "days", from: lastDay, until: nextDay })
    pieces.push({ source: "lots", from: { at: until.at, inclusive: !until.inclusive }, until: { at: nextDay, inclusive: false }, subtract: true })
  } else if (until.inclusive) {
    pieces.push({ source: "lots", from: { at: lastDay, inclusive: true }, until })
  }
  return pieces
}

/** A bounded range of summary weeks or days as one piece per week or day. */
export function periodsOf(piece: { source: "weeks" | "days"; from: Date; until: Date }): { source: "weeks" | "days"; from: Date; until: Date }[] {
  const length = piece.source === "weeks" ? WEEK_MS : DAY_MS
  const periods = []
  for (let start = piece.from.getTime(); start < piece.until.getTime(); start += length) {
    periods.push({ source: piece.source, from: new Date(start), until: new Date(start + length) })
  }
  return periods
}

/**
 * The distinct pieces of several buckets, each read once, and which buckets each adds to: a range
 * of weeks or days becomes one unit per week or day (a chart week and a window share it), an open
 * range of weeks and each ragged end one unit. Lots add up across units: a lot expires in exactly one of them.
 */
export function expiryUnits(buckets: ExpiryPiece[][]): { units: ExpiryPiece[]; members: { unit: number; bucket: number }[] } {
  const units: ExpiryPiece[] = []
  const index = new Map<string, number>()
  const members: { unit: number; bucket: number }[] = []
  const add = (piece: ExpiryPiece, bucket: number) => {
    const key = JSON.stringify(piece)
    if (!index.has(key)) {
      index.set(key, units.push(piece) - 1)
    }
    members.push({ unit: index.get(key)!, bucket })
  }
  buckets.forEach((pieces, bucket) => {
    for (const piece of pieces) {
      if (piece.source !== "lots" && piece.from) {
        for (const period of periodsOf({ ...piece, from: piece.from })) {
          add(period, bucket)
        }
      } else {
        add(piece, bucket)
      }
    }
  })
  return { units, members }
}
