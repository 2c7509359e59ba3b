/**
 * One element's data checked against its AI as GS1's Barcode Syntax Dictionary describes it —
 * character set and length of each component, then GS1's content checks — and read into a value.
 * Shared by the three readers (gs1-readers.ts, gs1-digital-link.ts). Pure functions, no I/O.
 */
import { AiComponent, AiEntry, aiWords, decimalPlaces } from "./gs1-ai"
import { Gs1ErrorCode, Gs1ParseError, decodeGs1Date, describeChar, firstOutsideCset, printable } from "./gs1-core"
import { lint } from "./gs1-linters"

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

const CSET_NAMES = { X: "82", Y: "39", Z: "64" } as const
const DATE_LINTERS = ["yymmd0", "yymmdd", "yyyymmd0", "yyyymmdd"]

/** Checks `data` against its AI and returns the element; throws Gs1ParseError. */
export function readElement(entry: AiEntry, data: string, raw: string, context: ElementContext): Gs1Element {
  const words = aiWords(entry)
  const fail = (code: Gs1ErrorCode, what: string): never => {
    throw new Gs1ParseError(`AI (${entry.ai}) ${context.where}: ${what}`, { code, position: context.position, ai: entry.ai })
  }
  const separatorHint = context.unterminated ? " — is a separator (FNC1) missing?" : ""
  const { min, max, fixed } = lengths(entry.components)
  const unit = entry.components.every((component) => component.cset === "N") ? "digits" : "characters"
  if (data === "") {
    fail("empty_value", `${words} is empty`)
  }
  if (fixed && data.length !== max) {
    fail("wrong_length", `expected ${max} ${unit} for the ${words}, got ${data.length} ("${printable(data)}")`)
  }
  // Character sets before lengths: a field of the right characters that runs on (its FNC1 is
  // missing) is "too long", one holding characters its AI cannot hold says that instead — which
  // also tells a GS1 string from a lot number (see refuseMisreadGs1 in gs1.ts).
  const parts = split(entry.components, data)
  for (const { component, text, start } of parts) {
    const part = parts.length > 1 ? ` (characters ${start + 1}–${start + text.length})` : ""
    if (component.cset === "N") {
      if (!/^\d*$/.test(text)) {
        fail("not_numeric", `${words} must be digits${part}, got "${printable(text)}"${separatorHint}`)
      }
      continue
    }
    const outside = firstOutsideCset(component.cset, text)
    if (outside) {
      fail(
        "invalid_character",
        `character ${describeChar(outside.char)} (character ${start + outside.index + 1} of the ${words}) is not allowed (GS1 character set ${CSET_NAMES[component.cset]})`
      )
    }
  }
  if (data.length > max) {
    fail(
      "too_long",
      context.unterminated
        ? `${words} longer than ${max} characters${separatorHint}`
        : `${words} is ${data.length} characters long, at most ${max} allowed`
    )
  }
  if (data.length < min || parts.some(({ component, text }) => text.length < component.min)) {
    fail("wrong_length", `expected ${lengthsText(entry.components)} ${unit} for the ${words}, got ${data.length} ("${printable(data)}")`)
  }
  for (const { component, text } of parts) {
    for (const name of component.linters ?? []) {
      const failure = lint(name, text, context.now)
      if (failure) {
        fail(failure.code, failure.problem)
      }
    }
  }
  return { ai: entry.ai, value: interpret(entry, parts, context.now) ?? data, raw }
}

type Part = { component: AiComponent; text: string; start: number }

/** The data cut into its components: fixed widths in turn, the variable one takes the rest. */
function split(components: readonly AiComponent[], data: string): Part[] {
  const parts: Part[] = []
  let start = 0
  components.forEach((component, index) => {
    if (start >= data.length) {
      return // optional components left out (a missing mandatory one is a length problem)
    }
    const last = index === components.length - 1
    const end = last ? data.length : Math.min(data.length, start + component.max)
    parts.push({ component, text: data.slice(start, end), start })
    start = end
  })
  return parts
}

function lengths(components: readonly AiComponent[]): { min: number; max: number; fixed: boolean } {
  const min = components.reduce((sum, component) => sum + (component.optional ? 0 : component.min), 0)
  const max = components.reduce((sum, component) => sum + component.max, 0)
  return { min, max, fixed: min === max }
}

/** "6 or 12", "3, 6, 9, 12 or 15", "13 to 30": the lengths an AI's data may have. */
function lengthsText(components: readonly AiComponent[]): string {
  const { min, max } = lengths(components)
  if (components.some((component) => component.min !== component.max)) {
    return `${min} to ${max}`
  }
  const totals = [min]
  components.forEach((component) => {
    if (component.optional) {
      totals.push(totals[totals.length - 1] + component.max)
    }
  })
  return totals.length === 1 ? String(min) : `${totals.slice(0, -1).join(", ")} or ${totals[totals.length - 1]}`
}

/** The value GS1 gives a single-part date or a measure with a decimal point, else undefined. */
function interpret(entry: AiEntry, parts: Part[], now: Date): string | undefined {
  if (parts.length !== 1) {
    return undefined
  }
  const [{ component, text }] = parts
  if (component.linters?.some((name) => DATE_LINTERS.includes(name))) {
    const decoded = decodeGs1Date(text, now, true)
    return "iso" in decoded ? decoded.iso : undefined
  }
  const places = decimalPlaces(entry.ai)
  return places === undefined ? undefined : decimal(text, places)
}

/** "001250" with 3 places is "1.25": exact for any number of digits. */
function decimal(digits: string, places: number): string {
  const whole = digits.slice(0, digits.length - places).replace(/^0+/, "") || "0"
  const fraction = digits.slice(digits.length - places).replace(/0+$/, "")
  return fraction ? `${whole}.${fraction}` : whole
}
