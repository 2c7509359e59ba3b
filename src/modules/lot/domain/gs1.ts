/**
 * GS1 scans and labels. parseGs1Scan reads what a barcode scanner or a camera sends — a GS1
 * element string (optionally after a symbology identifier such as "]d2", FNC1 as ASCII 29 or a
 * configured stand-in, or in the bracketed "(01)…" form), a GS1 Digital Link URI, or a plain lot
 * number — and buildElementString writes the element string for a label. Pure functions, no I/O.
 *
 * We wrote this rather than depend on a package: the npm candidates checked (gs1-barcode-parser-mod,
 * bark-js, gs1js, digital-link.js) accept wrong check digits or impossible dates, or do not read
 * Digital Links / bracketed strings, or throw plain strings (see the README).
 */
import { matchAi } from "./gs1-ai"
import { AssociationPolicy, Gs1Warning, checkExclusions, missingPartners } from "./gs1-associations"
import { Gs1BuildError, Gs1ErrorCode, Gs1ParseError, GS, gtinCheckDigit, isValidGtin, printable } from "./gs1-core"
import { readDigitalLink } from "./gs1-digital-link"
import type { Gs1Element } from "./gs1-element"
import { LocatedElement, isBracketed, readBracketed, readElementString } from "./gs1-readers"

export { Gs1BuildError, Gs1ParseError, gtinCheckDigit, isValidGtin }
export type { AssociationPolicy, Gs1Element, Gs1ErrorCode, Gs1Warning }
export { buildElementString } from "./gs1-label"
export type { BuildOptions, Gs1LabelFields } from "./gs1-label"

/** Longer scans are refused outright: no GS1 symbol we read carries more. */
export const MAX_SCAN_LENGTH = 512

export type Gs1Symbology = "gs1-128" | "datamatrix" | "qr" | "databar" | "dotcode" | "code128" | "ean-upc"

export type Gs1ScanResult = {
  kind: "gs1"
  gtin?: string
  sscc?: string
  lot?: string
  serial?: string
  /** Dates as "YYYY-MM-DD". */
  expiry?: string
  best_before?: string
  production_date?: string
  packaging_date?: string
  /** From (30), else (37). */
  count?: number
  net_weight_kg?: number
  elements: Gs1Element[]
  symbology?: Gs1Symbology
  /** AIs without the AIs GS1 requires with them (associations "lenient"); absent when none. */
  warnings?: Gs1Warning[]
}

export type LotNumberScanResult = { kind: "lot_number"; lot_number: string; symbology?: Gs1Symbology }

export type ScanResult = Gs1ScanResult | LotNumberScanResult

export type Gs1ParseOptions = {
  /** What the scanner sends for FNC1 besides ASCII 29, e.g. "|" or "<GS>" (no digits). */
  fnc1?: string
  /** The date the GS1 century rule counts from (default: now). */
  now?: Date
  /**
   * AIs that GS1 says need others with them, e.g. (10) a GTIN, (37) an SSCC. "lenient" (the
   * default) reads the scan and lists them in `warnings`: GS1 judges these rules over all the
   * barcodes on an item, and a scanner reads one at a time — a lot barcode next to the GTIN's
   * EAN-13, or a logistic label's SSCC in a barcode of its own, must still be read. "strict"
   * refuses the scan (missing_ai). AIs that must not appear together are always refused.
   */
  associations?: AssociationPolicy
}

// Symbology identifiers (ISO/IEC 15424): the GS1 ones always carry an element string.
const GS1_SYMBOLOGIES: Record<string, Gs1Symbology> = { C1: "gs1-128", d2: "datamatrix", Q3: "qr", e0: "databar", J1: "dotcode" }
const OTHER_SYMBOLOGIES: Record<string, Gs1Symbology> = { C0: "code128", d1: "datamatrix", Q1: "qr", E0: "ean-upc", E4: "ean-upc" }

/**
 * Reads one scan. Throws only Gs1ParseError, whose `position` is the 0-based index in the input
 * once surrounding whitespace and the symbology identifier are removed — or, for a Digital Link,
 * the path segment number (see readDigitalLink).
 *
 * Which shape the input is: a GS1 symbology identifier or an FNC1 (GS or the stand-in) make it an
 * element string; a leading "(" + digits + ")" the bracketed form; "http(s)://" a Digital Link;
 * without any of those, an input starting with (00) + 18 digits or (01)/(02) + 14 digits is an
 * element string too (so a corrupted GTIN is an error, never a lot number), and anything else is a
 * plain lot number (printable ASCII) — unless it reads as GS1 data GS1 forbids (see
 * refuseMisreadGs1).
 */
export function parseGs1Scan(input: string, options: Gs1ParseOptions = {}): ScanResult {
  try {
    return parse(input, options)
  } catch (error) {
    if (error instanceof Gs1ParseError) {
      throw error
    }
    throw new Gs1ParseError(`The scan could not be read (${error instanceof Error ? error.message : String(error)})`, {
      code: "internal",
      position: 0,
    })
  }
}

function parse(input: string, options: Gs1ParseOptions): ScanResult {
  if (typeof input !== "string") {
    throw new Gs1ParseError("The scan is not text", { code: "not_text", position: 0 })
  }
  if (input.length > MAX_SCAN_LENGTH) {
    throw new Gs1ParseError(`The scan is ${input.length} characters long; at most ${MAX_SCAN_LENGTH} are accepted`, {
      code: "input_too_long",
      position: MAX_SCAN_LENGTH,
    })
  }
  const { fnc1, now, associations } = checkOptions(options)
  let text = input.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "")
  const prefix = /^\]([A-Za-z])([0-9A-Za-z])/.exec(text)
  const symbologyId = prefix ? prefix[1] + prefix[2] : ""
  const symbology = GS1_SYMBOLOGIES[symbologyId] ?? OTHER_SYMBOLOGIES[symbologyId]
  if (prefix) {
    text = text.slice(3)
  }
  if (text === "") {
    throw new Gs1ParseError(prefix ? `Nothing follows the symbology identifier ${prefix[0]}` : "The scan is empty", {
      code: "empty",
      position: 0,
    })
  }
  let elements: LocatedElement[]
  if (/^https?:\/\//i.test(text)) {
    elements = readDigitalLink(text, now)
  } else if (isBracketed(text)) {
    elements = readBracketed(text, now)
  } else if (symbologyId === "E0" || symbologyId === "E4") {
    elements = readEanUpc(text, symbologyId, now)
  } else if (
    symbologyId in GS1_SYMBOLOGIES ||
    text.includes(GS) ||
    (fnc1 !== undefined && text.includes(fnc1)) ||
    /^(00\d{18}|0[12]\d{14})/.test(text)
  ) {
    elements = readElementString(text, fnc1, now)
  } else {
    // Not after ]C0, ]d1 or ]Q1: a Code 128, DataMatrix or QR Code without FNC1 holds no GS1 data.
    if (!(symbologyId in OTHER_SYMBOLOGIES)) {
      refuseMisreadGs1(text, now)
    }
    return plainLotNumber(text, symbology)
  }
  return assemble(elements, symbology, associations)
}

function checkOptions(options: Gs1ParseOptions): Required<Pick<Gs1ParseOptions, "now" | "associations">> & { fnc1?: string } {
  const { fnc1, now = new Date(), associations = "lenient" } = options ?? {}
  if (fnc1 !== undefined && (typeof fnc1 !== "string" || fnc1 === "" || /\d/.test(fnc1) || fnc1.length > 10)) {
    throw new Gs1ParseError(`The FNC1 stand-in ${JSON.stringify(fnc1)} must be 1 to 10 characters without digits`, {
      code: "invalid_option",
      position: 0,
    })
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new Gs1ParseError("The `now` option must be a valid Date", { code: "invalid_option", position: 0 })
  }
  if (associations !== "strict" && associations !== "lenient") {
    throw new Gs1ParseError('The `associations` option must be "strict" or "lenient"', { code: "invalid_option", position: 0 })
  }
  return { fnc1, now, associations }
}

function readEanUpc(text: string, symbologyId: string, now: Date): LocatedElement[] {
  const lengths = symbologyId === "E4" ? [8] : [12, 13]
  if (!/^\d+$/.test(text) || !lengths.includes(text.length)) {
    throw new Gs1ParseError(`An EAN/UPC scan should be ${lengths.join(" or ")} digits, got "${printable(text)}"`, {
      code: "wrong_length",
      position: 0,
      ai: "01",
    })
  }
  return readElementString(`01${text.padStart(14, "0")}`, undefined, now).map((located) => ({
    ...located,
    element: { ...located.element, raw: text },
  }))
}

// Faults of the first field that only GS1 data can have: the field's characters are right, but it
// runs past its AI's length or breaks its check digit, date or another content rule.
const MEANT_AS_GS1: ReadonlySet<Gs1ErrorCode> = new Set(["too_long", "check_digit", "invalid_date", "invalid_value"])

/**
 * A plain lot number may start with the digits of an AI — "10500", "2024-001", "17261231" are
 * lot numbers. But when the first field reads as GS1 data that GS1 forbids ("1022222222222222222222aaa":
 * a lot of 23 characters), the input was meant as an element string and is refused, not taken as
 * a lot number. Characters the AI cannot hold, or too few of them, mean it was not GS1 at all.
 * The price: an all-digit lot number such as "1234567890" — (12) with the impossible date
 * "345678" — is refused too, unless the scanner sends its symbology identifier (]C0 for a plain
 * Code 128), which says the barcode holds no GS1 data.
 */
function refuseMisreadGs1(text: string, now: Date): void {
  if (!matchAi(text, 0)) {
    return
  }
  try {
    readElementString(text, undefined, now, true)
  } catch (error) {
    if (error instanceof Gs1ParseError && MEANT_AS_GS1.has(error.code)) {
      throw new Gs1ParseError(`This reads as a GS1 element string but breaks GS1's rules, so it is not taken as a lot number: ${error.message}`, {
        code: error.code,
        position: error.position,
        ...(error.ai ? { ai: error.ai } : {}),
      })
    }
  }
}

function plainLotNumber(text: string, symbology: Gs1Symbology | undefined): LotNumberScanResult {
  const bad = /[^\x20-\x7e]/.exec(text)
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")
    throw new Gs1ParseError(`Character U+${code} at position ${bad.index} is not printable ASCII — this is not a lot number`, {
      code: "invalid_character",
      position: bad.index,
    })
  }
  return symbology ? { kind: "lot_number", lot_number: text, symbology } : { kind: "lot_number", lot_number: text }
}

type TextField = "sscc" | "lot" | "serial" | "production_date" | "packaging_date" | "best_before" | "expiry"
const TEXT_FIELDS: Array<[string, TextField]> = [
  ["00", "sscc"],
  ["10", "lot"],
  ["21", "serial"],
  ["11", "production_date"],
  ["13", "packaging_date"],
  ["15", "best_before"],
  ["17", "expiry"],
]

function assemble(located: LocatedElement[], symbology: Gs1Symbology | undefined, associations: AssociationPolicy): Gs1ScanResult {
  if (located.length === 0) {
    throw new Gs1ParseError("The scan holds only separators, no data", { code: "empty", position: 0 })
  }
  const seen = new Map<string, LocatedElement>()
  for (const entry of located) {
    const { element } = entry
    const earlier = seen.get(element.ai)
    if (earlier && earlier.element.value !== element.value) {
      throw new Gs1ParseError(
        `AI (${element.ai}) ${entry.where}: appears twice with different values ("${printable(earlier.element.value)}" then "${printable(element.value)}")`,
        { code: "duplicate_ai", position: entry.position, ai: element.ai }
      )
    }
    if (!earlier) {
      seen.set(element.ai, entry) // the same AI with the same value again is allowed, and kept once
    }
  }
  const kept = [...seen.values()]
  const placed = kept.map(({ element, position, where }) => ({ ai: element.ai, position, where }))
  checkExclusions(placed)
  const warnings = missingPartners(placed)
  if (associations === "strict" && warnings.length > 0) {
    const [first] = warnings
    throw new Gs1ParseError(first.message, { code: "missing_ai", position: first.position, ai: first.ai })
  }

  const result: Gs1ScanResult = { kind: "gs1", elements: kept.map(({ element }) => element) }
  const value = (ai: string) => seen.get(ai)?.element.value
  const gtin = value("01") ?? value("02")
  if (gtin !== undefined) {
    result.gtin = gtin
  }
  for (const [ai, field] of TEXT_FIELDS) {
    const found = value(ai)
    if (found !== undefined) {
      result[field] = found
    }
  }
  const count = value("30") ?? value("37")
  if (count !== undefined) {
    result.count = Number(count)
  }
  const weight = kept.find(({ element }) => /^310\d$/.test(element.ai))?.element.value
  if (weight !== undefined) {
    result.net_weight_kg = Number(weight)
  }
  if (symbology) {
    result.symbology = symbology
  }
  if (warnings.length > 0) {
    result.warnings = warnings
  }
  return result
}
