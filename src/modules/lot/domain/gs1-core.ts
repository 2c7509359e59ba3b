/**
 * GS1 building blocks shared by the scan parser (gs1.ts) and the label builder: the error
 * classes, GS1's character sets, the mod-10 check digit and dates with GS1's century rule.
 * Pure functions, no I/O.
 */

export type Gs1ErrorCode =
  | "not_text" // the input is not a string
  | "input_too_long" // longer than MAX_SCAN_LENGTH
  | "empty" // nothing left to read (blank, only a symbology id or only separators)
  | "invalid_option" // a bad `fnc1`, `now` or `associations` option
  | "expected_ai" // an element should start here but the characters are not an AI
  | "unknown_ai" // digits that are not an AI of GS1's Barcode Syntax Dictionary
  | "truncated" // a fixed-length field is cut short (end of scan or a separator inside it)
  | "wrong_length" // a field has more or fewer characters than its AI's format allows
  | "too_long" // a variable-length field is longer than its AI allows
  | "empty_value" // an AI with no data
  | "not_numeric" // a numeric field with other characters
  | "invalid_character" // a character outside the field's character set
  | "check_digit" // a check digit (or alphanumeric check pair) that is wrong
  | "invalid_date" // a date or time that does not exist (month 13, 30 February, hour 24)
  | "invalid_value" // data GS1 rules out for its AI otherwise (a flag of 2, piece 3 of 2, …)
  | "duplicate_ai" // the same AI twice with different values (in a Digital Link: twice at all)
  | "conflicting_ai" // AIs that must not appear together, e.g. (01) and (02)
  | "missing_ai" // an AI without the AIs it requires, with associations: "strict"
  | "invalid_link" // a Digital Link URI that cannot be read (scheme, characters, encoding, host)
  | "invalid_qualifier" // a Digital Link key qualifier out of order, not its key's, or in the query
  | "not_data_attribute" // a Digital Link query parameter AI that GS1 does not allow there
  | "internal" // a bug in this parser: reported, never thrown as something else

/** Everything the scan parser throws. `position` is 0-based (see parseGs1Scan). */
export class Gs1ParseError extends Error {
  readonly code: Gs1ErrorCode
  readonly position: number
  readonly ai?: string

  constructor(message: string, details: { code: Gs1ErrorCode; position: number; ai?: string }) {
    super(message)
    this.name = "Gs1ParseError"
    this.code = details.code
    this.position = details.position
    if (details.ai !== undefined) {
      this.ai = details.ai
    }
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** Thrown by buildElementString for fields that cannot go on a label. */
export class Gs1BuildError extends Error {
  readonly field: string

  constructor(field: string, message: string) {
    super(message)
    this.name = "Gs1BuildError"
    this.field = field
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export const GS = "\u001d"

// ---------------------------------------------------------------------------------------------
// Character sets (GS1 General Specifications, section 7.11)

/** GS1 character set 82: what AIs like (10) and (21) may hold. */
const CSET82 = /^[!"%-?A-Z_a-z]*$/
/** GS1 character set 39: upper-case letters, digits, "#", "-" and "/". */
const CSET39 = /^[#\-/0-9A-Z]*$/
/** GS1 character set 64: base64url, "=" only as padding at the end. */
const CSET64 = /^[-_0-9A-Za-z]*$/

function firstOutside(set: RegExp, text: string): { char: string; index: number } | null {
  for (let index = 0; index < text.length; index++) {
    if (!set.test(text[index])) {
      return { char: text[index], index }
    }
  }
  return null
}

/** The first character of `text` outside GS1 character set 82, 39 or 64, with its index, or null. */
export function firstOutsideCset(cset: "X" | "Y" | "Z", text: string): { char: string; index: number } | null {
  if (cset !== "Z") {
    return firstOutside(cset === "X" ? CSET82 : CSET39, text)
  }
  // Up to two "=" pad the end, and only a whole number of 3-character groups (GS1's rule).
  const padding = /={1,2}$/.exec(text)?.[0].length ?? 0
  const outside = firstOutside(CSET64, text.slice(0, text.length - padding))
  if (outside || padding === 0 || text.length % 3 === 0) {
    return outside
  }
  return { char: "=", index: text.length - padding }
}

// ---------------------------------------------------------------------------------------------
// Check digits

/** GS1's mod-10 check digit for the digits before it (any length). */
export function mod10CheckDigit(body: string): number {
  let sum = 0
  for (let k = 0; k < body.length; k++) {
    const digit = body.charCodeAt(body.length - 1 - k) - 48
    sum += digit * (k % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

/**
 * The GS1 mod-10 check digit for the digits before it: 13 for a GTIN-14, 17 for an SSCC (also 7,
 * 11 and 12 for GTIN-8/12/13). Throws a RangeError for anything else.
 */
export function gtinCheckDigit(digits: string): number {
  if (typeof digits !== "string" || !/^\d+$/.test(digits) || ![7, 11, 12, 13, 17].includes(digits.length)) {
    throw new RangeError(`gtinCheckDigit expects 7, 11, 12, 13 or 17 digits, got ${JSON.stringify(digits)}`)
  }
  return mod10CheckDigit(digits)
}

/** True for a GTIN-8, -12, -13 or -14 (digits only) whose check digit is right. */
export function isValidGtin(gtin: string): boolean {
  return typeof gtin === "string" && /^(\d{8}|\d{12,14})$/.test(gtin) && hasValidCheckDigit(gtin)
}

export function hasValidCheckDigit(digits: string): boolean {
  return mod10CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * The four-digit year of a two-digit one by GS1's rule (General Specifications 7.12): the year
 * lies within -49..+50 years of the current (UTC) year of `now`.
 */
export function gs1Year(yy: number, now: Date): number {
  const current = now.getUTCFullYear()
  const century = current - (current % 100)
  const difference = yy - (current % 100)
  if (difference >= 51) {
    return century - 100 + yy
  }
  if (difference <= -50) {
    return century + 100 + yy
  }
  return century + yy
}

/**
 * "YYYY-MM-DD" for a GS1 date of six (YYMMDD) or eight (YYYYMMDD) digits, or what is wrong with
 * it. With `dayZero`, day 00 (GS1: no day given) is read as the last day of the month.
 */
export function decodeGs1Date(digits: string, now: Date, dayZero: boolean): { iso: string } | { problem: string } {
  if (!/^(\d{6}|\d{8})$/.test(digits)) {
    return { problem: "expected six digits YYMMDD or eight YYYYMMDD" }
  }
  const yearDigits = digits.length - 4
  const month = Number(digits.slice(yearDigits, yearDigits + 2))
  const dd = digits.slice(yearDigits + 2)
  if (month < 1 || month > 12) {
    return { problem: `month ${digits.slice(yearDigits, yearDigits + 2)}` }
  }
  const year = yearDigits === 2 ? gs1Year(Number(digits.slice(0, 2)), now) : Number(digits.slice(0, 4))
  const last = daysInMonth(year, month)
  const day = Number(dd)
  if (day > last) {
    return { problem: `day ${dd} — ${MONTHS[month - 1]} ${year} has ${last} days` }
  }
  if (day === 0 && !dayZero) {
    return { problem: "day 00" }
  }
  return { iso: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day || last).padStart(2, "0")}` }
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Text safe to echo in a message: control characters shown as U+XXXX, long text cut. */
export function printable(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
  return shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === GS ? "<GS>" : `<${describeChar(c)}>`))
}

export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0
  if (code === 29) {
    return "GS (FNC1)"
  }
  if (code >= 0x21 && code <= 0x7e) {
    return `"${char}"`
  }
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
