/**
 * What a lot label's barcode carries: (01) GTIN + (17) expiry + (10) lot as a GS1 element string,
 * or, for an item without a GTIN, the plain lot number. Pure functions, no I/O: the API renders the
 * result with bwip-js.
 */
import { isValidGtin } from "./gs1-core"
import { buildElementString, parseGs1Scan } from "./gs1"

export type LotLabelBarcode = {
  /** False when no GTIN was found: GS1 allows (10) and (17) only together with a GTIN. */
  gs1: boolean
  /** The GTIN-14 in the barcode, or null. */
  gtin: string | null
  /** What a scanner sends for the barcode (FNC1 as GS), after its symbology identifier. */
  element_string: string
  /** The human-readable line under the barcode: "(01)…(17)…(10)…", or the lot number. */
  human_readable: string
  /** The same, one element per entry ("(01)…", "(17)…", "(10)…"): where the line may wrap. */
  human_readable_parts: string[]
  /**
   * The text for bwip-js: bracketed AIs with "(" and ")" inside data written as ^040 / ^041 (render
   * with `parse: true`, or the brackets would be taken for AIs), or the plain lot number.
   */
  symbol_text: string
}

export type LotLabelFields = {
  /** GTIN-14 (see gtin14), or null. */
  gtin: string | null
  lot_number: string
  /** The lot's expiry; its UTC day goes on the label. */
  expires_at: Date | string | null
}

/**
 * The GTIN-14 of the first code that is a GTIN-8, -12, -13 or -14 with a correct check digit,
 * once spaces and hyphens are taken out (stores type "4 006381 333931"); null when none is.
 * Codes are tried in the order given: barcode, EAN, UPC.
 */
export function gtin14(codes: ReadonlyArray<string | null | undefined>): string | null {
  for (const code of codes) {
    const digits = typeof code === "string" ? code.replace(/[\s-]/g, "") : ""
    if (isValidGtin(digits)) {
      return digits.padStart(14, "0")
    }
  }
  return null
}

export type CodedVariant = { id: string; barcode?: string | null; ean?: string | null; upc?: string | null }

/**
 * The variant that names an inventory item, and the item's GTIN-14: of its variants in id order,
 * the first whose barcode, EAN or UPC is a valid GTIN; without one, the first variant and no GTIN.
 * Labels and the EPCIS export both use it, so both name an item by the same GTIN.
 */
export function namingVariant<V extends CodedVariant>(variants: ReadonlyArray<V | null | undefined>): { variant: V | null; gtin: string | null } {
  const sorted = variants.flatMap((variant) => (variant ? [variant] : [])).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const variant of sorted) {
    const gtin = gtin14([variant.barcode, variant.ean, variant.upc])
    if (gtin) {
      return { variant, gtin }
    }
  }
  return { variant: sorted[0] ?? null, gtin: null }
}

/**
 * The barcode content of a lot label. With a GTIN: (01) + (17) when the lot has an expiry + (10),
 * checked by buildElementString (throws Gs1BuildError for a lot number outside GS1 character set
 * 82 or longer than 20, or an expiry too far off for a two-digit year) and read back by our own
 * parser, so a label never carries what a scan of it could not read.
 */
export function lotLabelBarcode(fields: LotLabelFields, now: Date = new Date()): LotLabelBarcode {
  if (!fields.gtin) {
    const lot = fields.lot_number
    return { gs1: false, gtin: null, element_string: lot, human_readable: lot, human_readable_parts: [lot], symbol_text: lot }
  }
  const label = { gtin: fields.gtin, lot: fields.lot_number, ...(fields.expires_at ? { expiry: asDate(fields.expires_at) } : {}) }
  const elementString = buildElementString(label, { now })
  const read = parseGs1Scan(elementString, { now })
  if (read.kind !== "gs1") {
    throw new Error(`Label element string ${JSON.stringify(elementString)} did not read back as GS1`)
  }
  return {
    gs1: true,
    gtin: read.gtin ?? null,
    element_string: elementString,
    human_readable: buildElementString(label, { now, parentheses: true }),
    human_readable_parts: read.elements.map(({ ai, raw }) => `(${ai})${raw}`),
    symbol_text: read.elements.map(({ ai, raw }) => `(${ai})${raw.replace(/\(/g, "^040").replace(/\)/g, "^041")}`).join(""),
  }
}

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value)
}
