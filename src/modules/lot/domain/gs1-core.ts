/**
 * GS1 building blocks shared by the scan parser (gs1.ts) and the label builder: the error
 * classes, the mod-10 check digit, GS1 character set 82, YYMMDD dates with GS1's century rule,
 * and the table of the application identifiers (AIs) we read. Pure functions, no I/O.
 */

export type Gs1ErrorCode =
  | "not_text" // the input is not a string
  | "input_too_long" // longer than MAX_SCAN_LENGTH
  | "empty" // nothing left to read (blank, only a symbology id or only separators)
  | "invalid_option" // a bad `fnc1` or `now` option
  | "expected_ai" // an element should start here but the characters are not an AI
  | "unknown_ai" // digits that are not an AI this parser knows
  | "truncated" // a fixed-length field is cut short (end of scan or a separator inside it)
  | "wrong_length" // a fixed-length field has too many or too few characters (brackets, links)
  | "too_long" // a variable-length field is longer than its AI allows
  | "empty_value" // an AI with no data
  | "not_numeric" // a numeric field with other characters
  | "invalid_character" // a character outside the field's character set
  | "check_digit" // a GTIN / SSCC whose check digit is wrong
  | "invalid_date" // a YYMMDD that is not a date
  | "duplicate_ai" // the same AI twice with different values
  | "conflicting_ai" // AIs that must not appear together, e.g. (01) and (02)
  | "invalid_link" // a Digital Link URI that cannot be read
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

/** GS1 character set 82 (General Specifications, figure 7.11-1): what AIs like (10) and (21) may hold. */
export const CSET82 = /^[!"%-?A-Z_a-z]*$/

/** The first character of `text` outside character set 82, with its index; null when all are in it. */
export function firstOutsideCset82(text: string): { char: string; index: number } | null {
  for (let index = 0; index < text.length; index++) {
    if (!CSET82.test(text[index])) {
      return { char: text[index], index }
    }
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Check digits

function mod10(body: string): number {
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
  return mod10(digits)
}

/** True for a GTIN-8, -12, -13 or -14 (digits only) whose check digit is right. */
export function isValidGtin(gtin: string): boolean {
  return typeof gtin === "string" && /^(\d{8}|\d{12,14})$/.test(gtin) && hasValidCheckDigit(gtin)
}

export function hasValidCheckDigit(digits: string): boolean {
  return mod10(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48
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

/** "YYYY-MM-DD" for a GS1 YYMMDD (day 00 = last day of the month), or what is wrong with it. */
export function decodeGs1Date(yymmdd: string, now: Date): { iso: string } | { problem: string } {
  if (!/^\d{6}$/.test(yymmdd)) {
    return { problem: "expected six digits YYMMDD" }
  }
  const month = Number(yymmdd.slice(2, 4))
  if (month < 1 || month > 12) {
    return { problem: `month ${yymmdd.slice(2, 4)}` }
  }
  const year = gs1Year(Number(yymmdd.slice(0, 2)), now)
  const last = daysInMonth(year, month)
  let day = Number(yymmdd.slice(4, 6))
  if (day > last) {
    return { problem: `day ${yymmdd.slice(4, 6)} — ${MONTHS[month - 1]} ${year} has ${last} days` }
  }
  if (day === 0) {
    day = last
  }
  return { iso: `${String(year).padStart(4, "0")}-${yymmdd.slice(2, 4)}-${String(day).padStart(2, "0")}` }
}

// ---------------------------------------------------------------------------------------------
// Application identifiers

export type AiSpec = {
  ai: string
  /** Words for messages: "lot", "GTIN", "expiry date". */
  title: string
  /** Fixed length of the data, or undefined for variable length (up to maxLength). */
  length?: number
  maxLength: number
  charset: "digits" | "cset82"
  checkDigit?: boolean
  date?: boolean
  /** Implied decimal places (310n). */
  decimals?: number
  /** Duplicates of these are compared as one AI: 3100..3105 are one net weight. */
  family?: string
}

const fixedDigits = (ai: string, title: string, length: number, extra: Partial<AiSpec> = {}): AiSpec => ({
  ai,
  title,
  length,
  maxLength: length,
  charset: "digits",
  ...extra,
})
const variable = (ai: string, title: string, maxLength: number, charset: AiSpec["charset"] = "cset82"): AiSpec => ({
  ai,
  title,
  maxLength,
  charset,
})

const SPECS: AiSpec[] = [
  fixedDigits("00", "SSCC", 18, { checkDigit: true }),
  fixedDigits("01", "GTIN", 14, { checkDigit: true }),
  fixedDigits("02", "GTIN of contained items", 14, { checkDigit: true }),
  variable("10", "lot", 20),
  fixedDigits("11", "production date", 6, { date: true }),
  fixedDigits("12", "due date", 6, { date: true }),
  fixedDigits("13", "packaging date", 6, { date: true }),
  fixedDigits("15", "best-before date", 6, { date: true }),
  fixedDigits("16", "sell-by date", 6, { date: true }),
  fixedDigits("17", "expiry date", 6, { date: true }),
  fixedDigits("20", "variant", 2),
  variable("21", "serial", 20),
  variable("22", "consumer product variant", 20),
  variable("240", "additional product id", 30),
  variable("241", "customer part number", 30),
  variable("30", "count", 8, "digits"),
  ...[0, 1, 2, 3, 4, 5].map((n) => fixedDigits(`310${n}`, "net weight (kg)", 6, { decimals: n, family: "310" })),
  variable("37", "count of trade items", 8, "digits"),
  variable("400", "customer order number", 30),
  variable("90", "mutually agreed information", 30),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => variable(`9${n}`, "company internal information", 90)),
]

export const AI_TABLE: ReadonlyMap<string, AiSpec> = new Map(SPECS.map((spec) => [spec.ai, spec]))

/** The AI spelled at `index` of `text` (GS1 AIs are prefix-free), or undefined. */
export function matchAi(text: string, index: number): AiSpec | undefined {
  for (let length = 2; length <= 4; length++) {
    const spec = AI_TABLE.get(text.slice(index, index + length))
    if (spec) {
      return spec
    }
  }
  return undefined
}

/** The digits to name in an "unknown AI" message: as many as it takes to leave every known AI. */
export function unknownAiDigits(text: string, index: number): string {
  const digits = /^\d{0,4}/.exec(text.slice(index))![0]
  for (let length = 2; length < digits.length; length++) {
    const prefix = digits.slice(0, length)
    if (!SPECS.some((spec) => spec.ai.startsWith(prefix))) {
      return prefix
    }
  }
  return digits
}

// ---------------------------------------------------------------------------------------------
// One element's data, checked

export type Gs1Element = {
  ai: string
  /** The data, interpreted where GS1 says how: dates "YYYY-MM-DD", 310n "1.25", GTIN 14 digits. */
  value: string
  /** The data exactly as it was in the scan (still percent-encoded in a Digital Link). */
  raw: string
}

export type ElementContext = {
  /** Where the AI starts, for the error: a character index or a Digital Link path segment. */
  position: number
  /** "at position 16", "in path segment 3", "in query parameter 17". */
  where: string
  now: Date
  /** An unbracketed variable-length field that ran to the end of the scan (no FNC1 after it). */
  unterminated?: boolean
}

/** Checks `data` against its AI and returns the element; throws Gs1ParseError. */
export function readElement(spec: AiSpec, data: string, raw: string, context: ElementContext): Gs1Element {
  const fail = (code: Gs1ErrorCode, what: string): never => {
    throw new Gs1ParseError(`AI (${spec.ai}) ${context.where}: ${what}`, { code, position: context.position, ai: spec.ai })
  }
  const separatorHint = context.unterminated ? " — is a separator (FNC1) missing?" : ""
  if (data === "") {
    fail("empty_value", `${spec.title} is empty`)
  }
  if (spec.length !== undefined && data.length !== spec.length) {
    fail("wrong_length", `expected ${spec.length} digits for the ${spec.title}, got ${data.length} ("${printable(data)}")`)
  }
  if (data.length > spec.maxLength) {
    fail(
      "too_long",
      context.unterminated
        ? `${spec.title} longer than ${spec.maxLength} characters${separatorHint}`
        : `${spec.title} is ${data.length} characters long, at most ${spec.maxLength} allowed`
    )
  }
  if (spec.charset === "digits" && !/^\d+$/.test(data)) {
    fail("not_numeric", `${spec.title} must be digits, got "${printable(data)}"${separatorHint}`)
  }
  const outside = firstOutsideCset82(data)
  if (spec.charset === "cset82" && outside) {
    fail(
      "invalid_character",
      `character ${describeChar(outside.char)} (character ${outside.index + 1} of the ${spec.title}) is not allowed (GS1 character set 82)`
    )
  }
  let value = data
  if (spec.checkDigit && !hasValidCheckDigit(data)) {
    fail("check_digit", `check digit should be ${mod10(data.slice(0, -1))}, got ${data[data.length - 1]}`)
  }
  if (spec.date) {
    const decoded = decodeGs1Date(data, context.now)
    if ("problem" in decoded) {
      fail("invalid_date", `"${data}" is not a valid date (${decoded.problem})`)
    } else {
      value = decoded.iso
    }
  }
  if (spec.decimals !== undefined) {
    const point = data.length - spec.decimals
    value = String(Number(`${data.slice(0, point)}.${data.slice(point)}`))
  }
  return { ai: spec.ai, value, raw }
}

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
