/**
 * The GS1 element string for a label (GS1-128 or GS1 DataMatrix carrying 01 + dates + 10 + 21).
 * What it writes, parseGs1Scan (gs1.ts) reads back. Pure functions, no I/O.
 */
import { aiEntry } from "./gs1-ai"
import { GS, Gs1BuildError, daysInMonth, firstOutsideCset, gs1Year, isValidGtin, printable } from "./gs1-core"

export type Gs1LabelFields = {
  /** GTIN-8, -12, -13 or -14; written as 14 digits. */
  gtin: string
  /** "YYYY-MM-DD" or a Date (its UTC day). */
  expiry?: string | Date
  best_before?: string | Date
  production_date?: string | Date
  lot?: string
  serial?: string
}

export type BuildOptions = {
  /** The FNC1 to write between fields (default ASCII 29). */
  fnc1?: string
  /** The human-readable "(01)…(17)…" form, without FNC1. */
  parentheses?: boolean
  /** Dates must lie within -49..+50 years of this date's year to read back (default: now). */
  now?: Date
}

/**
 * The element string for a label: (01), then the dates (11), (15), (17) — fixed length, no
 * separator — then (10) and (21), an FNC1 between variable-length fields and none at the end.
 * Throws Gs1BuildError for a field that cannot be encoded.
 */
export function buildElementString(fields: Gs1LabelFields, options: BuildOptions = {}): string {
  const fnc1 = options.fnc1 ?? GS
  const now = options.now ?? new Date()
  if (!isValidGtin(fields?.gtin)) {
    throw new Gs1BuildError("gtin", `"${fields?.gtin}" is not a valid GTIN (8, 12, 13 or 14 digits with a correct check digit)`)
  }
  const fixed: Array<[string, string]> = [["01", fields.gtin.padStart(14, "0")]]
  const dates: Array<[string, keyof Gs1LabelFields]> = [
    ["11", "production_date"],
    ["15", "best_before"],
    ["17", "expiry"],
  ]
  for (const [ai, field] of dates) {
    const date = fields[field]
    if (date !== undefined && date !== null) {
      fixed.push([ai, encodeDate(field, date, now)])
    }
  }
  const variable: Array<[string, string]> = []
  for (const [ai, field] of [
    ["10", "lot"],
    ["21", "serial"],
  ] as const) {
    const text = fields[field]
    if (text !== undefined && text !== null) {
      checkText(field, ai, text, options.parentheses ? undefined : fnc1)
      variable.push([ai, text])
    }
  }
  if (options.parentheses) {
    return [...fixed, ...variable].map(([ai, data]) => `(${ai})${data}`).join("")
  }
  return fixed.map(([ai, data]) => ai + data).join("") + variable.map(([ai, data]) => ai + data).join(fnc1)
}

function encodeDate(field: string, date: string | Date, now: Date): string {
  const iso = date instanceof Date ? (Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10)) : String(date)
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0]
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Gs1BuildError(field, `${field} "${String(date)}" is not a date (YYYY-MM-DD)`)
  }
  if (gs1Year(year % 100, now) !== year) {
    throw new Gs1BuildError(field, `${field} ${iso} is too far from ${now.getUTCFullYear()} for a two-digit year to read back`)
  }
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10)
}

function checkText(field: string, ai: string, text: string, fnc1: string | undefined): void {
  const max = aiEntry(ai)!.components[0].max
  const outside = typeof text === "string" ? firstOutsideCset("X", text) : { char: "", index: 0 }
  if (typeof text !== "string" || text.length < 1 || text.length > max || outside) {
    throw new Gs1BuildError(field, `${field} "${printable(String(text))}" must be 1 to ${max} characters of GS1 character set 82`)
  }
  if (fnc1 !== undefined && fnc1 !== GS && text.includes(fnc1)) {
    throw new Gs1BuildError(field, `${field} "${text}" contains the FNC1 stand-in "${fnc1}"`)
  }
}
