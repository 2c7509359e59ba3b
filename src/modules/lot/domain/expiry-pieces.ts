import { isoWeekStart } from "./expiry-warnings"

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/** One end of an expiry interval; a null start is open (since ever). */
export type ExpiryBound = { at: Date; inclusive: boolean }

/**
 * Where the stock of an expiry interval is read from: whole ISO weeks from the maintained summary
 * (`week_start` in [from, until), Mondays; from null = every earlier week), the ragged ends from the
 * lots themselves (`expires_at` between the bounds; from null = since ever).
 */
export type ExpiryPiece =
  | { source: "weeks"; from: Date | null; until: Date }
  | { source: "lots"; from: ExpiryBound | null; until: ExpiryBound }

const addWeek = (date: Date) => new Date(date.getTime() + WEEK_MS)

/**
 * Splits the interval of expiry moments from `from` (null: unbounded) to `until` into summary weeks
 * and ragged ends, so that each moment falls in exactly one piece.
 */
export function expiryPieces(from: ExpiryBound | null, until: ExpiryBound): ExpiryPiece[] {
  const lastWeek = isoWeekStart(until.at)
  let firstWeek: Date | null = null
  if (from) {
    const week = isoWeekStart(from.at)
    firstWeek = from.at.getTime() === week.getTime() && from.inclusive ? week : addWeek(week)
  }
  if (firstWeek && firstWeek.getTime() > lastWeek.getTime()) {
    return [{ source: "lots", from, until }]
  }
  const pieces: ExpiryPiece[] = []
  if (from && from.at.getTime() < firstWeek!.getTime()) {
    pieces.push({ source: "lots", from, until: { at: firstWeek!, inclusive: false } })
  }
  if (!firstWeek || firstWeek.getTime() < lastWeek.getTime()) {
    pieces.push({ source: "weeks", from: firstWeek, until: lastWeek })
  }
  if (until.inclusive || until.at.getTime() > lastWeek.getTime()) {
    pieces.push({ source: "lots", from: { at: lastWeek, inclusive: true }, until })
  }
  return pieces
}

/** Every piece as flat columns for one `unnest` in SQL; `bucket` says which answer it adds to. */
export type ExpiryPieceColumns = {
  bucket: number[]
  source: ExpiryPiece["source"][]
  from: (Date | null)[]
  until: Date[]
  from_inclusive: boolean[]
  until_inclusive: boolean[]
}

export function pieceColumns(buckets: ExpiryPiece[][]): ExpiryPieceColumns {
  const columns: ExpiryPieceColumns = { bucket: [], source: [], from: [], until: [], from_inclusive: [], until_inclusive: [] }
  buckets.forEach((pieces, bucket) => {
    for (const piece of pieces) {
      columns.bucket.push(bucket)
      columns.source.push(piece.source)
      if (piece.source === "weeks") {
        columns.from.push(piece.from)
        columns.until.push(piece.until)
        columns.from_inclusive.push(true)
        columns.until_inclusive.push(false)
      } else {
        columns.from.push(piece.from?.at ?? null)
        columns.until.push(piece.until.at)
        columns.from_inclusive.push(piece.from?.inclusive ?? true)
        columns.until_inclusive.push(piece.until.inclusive)
      }
    }
  })
  return columns
}
