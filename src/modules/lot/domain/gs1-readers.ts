/**
 * Two of the shapes a GS1 scan comes in, each read into a list of checked elements: an element
 * string as a scanner sends it (FNC1 as GS or a stand-in) and the bracketed human-readable form
 * "(01)…(17)…". The third, the Digital Link URI, is gs1-digital-link.ts. Used by parseGs1Scan.
 */
import { AiEntry, aiEntry, aiWords, matchAi, unknownAiDigits } from "./gs1-ai"
import { GS, Gs1ParseError, capitalise, printable } from "./gs1-core"
import { Gs1Element, readElement } from "./gs1-element"

/** An element and where it was, for the errors about it that only the whole scan can tell. */
export type LocatedElement = { element: Gs1Element; position: number; where: string }

/** The data length of an AI that needs no FNC1 after it (GS1's predefined lengths), else undefined. */
function predefinedLength(entry: AiEntry): number | undefined {
  return entry.predefined ? entry.components.reduce((sum, component) => sum + component.max, 0) : undefined
}

/**
 * An element string as a scanner sends it: fields of a predefined length run on, any other field
 * ends at FNC1 (GS, or the `fnc1` stand-in) or at the end. Positions are indexes into `text`.
 * With `firstOnly`, stops after the first element (to judge whether text looks like GS1 data).
 */
export function readElementString(text: string, fnc1: string | undefined, now: Date, firstOnly = false): LocatedElement[] {
  // One character per slot, the stand-in turned into GS, remembering where each slot came from.
  let norm = ""
  const origin: number[] = []
  for (let i = 0; i < text.length; ) {
    if (fnc1 && text.startsWith(fnc1, i)) {
      norm += GS
      origin.push(i)
      i += fnc1.length
    } else {
      norm += text[i]
      origin.push(i)
      i++
    }
  }
  origin.push(text.length)

  const elements: LocatedElement[] = []
  let i = 0
  while (i < norm.length && !(firstOnly && elements.length > 0)) {
    if (norm[i] === GS) {
      i++ // a leading FNC1, one after a fixed-length field, or a trailing one: allowed
      continue
    }
    const position = origin[i]
    const where = `at position ${position}`
    const entry = matchAi(norm, i)
    if (!entry) {
      throw notAnAi(norm, i, position, where)
    }
    const dataStart = i + entry.ai.length
    const length = predefinedLength(entry)
    let end: number
    let unterminated = false
    if (length !== undefined) {
      end = dataStart + length
      const window = norm.slice(dataStart, end)
      const separator = window.indexOf(GS)
      if (window.length < length || separator !== -1) {
        const got = separator === -1 ? window.length : separator
        const why = separator === -1 ? " — is the scan cut short?" : " before a separator (FNC1)"
        throw new Gs1ParseError(`AI (${entry.ai}) ${where}: expected ${length} digits for the ${aiWords(entry)}, got ${got}${why}`, {
          code: "truncated",
          position,
          ai: entry.ai,
        })
      }
    } else {
      end = norm.indexOf(GS, dataStart)
      if (end === -1) {
        end = norm.length
        unterminated = true
      }
    }
    const data = norm.slice(dataStart, end)
    const raw = text.slice(origin[dataStart], origin[end])
    elements.push({ element: readElement(entry, data, raw, { position, where, now, unterminated }), position, where })
    i = end
  }
  return elements
}

function notAnAi(text: string, index: number, position: number, where: string): Gs1ParseError {
  if (/^\d\d/.test(text.slice(index, index + 2))) {
    const ai = unknownAiDigits(text, index)
    return new Gs1ParseError(`AI (${ai}) ${where} is not a known application identifier`, { code: "unknown_ai", position, ai })
  }
  return new Gs1ParseError(`${capitalise(where)}: expected a GS1 application identifier, got "${printable(text.slice(index, index + 8))}"`, {
    code: "expected_ai",
    position,
  })
}

/** An AI in brackets at the start of `text` (any number of digits, to name a wrong one). */
const BRACKETED_AI = /^\((\d+)\)/
/** Where a bracketed field ends: the next "(" + 2-4 digits + ")" (data may hold other brackets). */
const NEXT_AI = /\(\d{2,4}\)/g

/**
 * True when `text` starts like the bracketed form: "(" then a digit or ")". So "(1)15210526" or
 * "()123" is refused as a broken AI rather than read as a lot number.
 */
export function isBracketed(text: string): boolean {
  return /^\((\d|\))/.test(text)
}

/**
 * The human-readable form "(01)09506000134352(17)261231(10)ABC123": every field runs to the next
 * "(" + 2-4 digits + ")" (so data that itself contains such a group cannot be read this way),
 * spaces around the data are ignored, no FNC1 needed.
 */
export function readBracketed(text: string, now: Date): LocatedElement[] {
  const elements: LocatedElement[] = []
  let i = 0
  while (i < text.length) {
    if (text[i] === " ") {
      i++
      continue
    }
    const where = `at position ${i}`
    const match = BRACKETED_AI.exec(text.slice(i))
    if (!match) {
      throw new Gs1ParseError(`${capitalise(where)}: expected "(" + an application identifier + ")", got "${printable(text.slice(i, i + 8))}"`, {
        code: "expected_ai",
        position: i,
      })
    }
    const entry = aiEntry(match[1])
    if (!entry) {
      const why = match[1].length < 2 || match[1].length > 4 ? " (they have 2 to 4 digits)" : ""
      throw new Gs1ParseError(`AI (${match[1]}) ${where} is not a known application identifier${why}`, {
        code: "unknown_ai",
        position: i,
        ai: match[1],
      })
    }
    const dataStart = i + match[0].length
    NEXT_AI.lastIndex = dataStart
    const end = NEXT_AI.exec(text)?.index ?? text.length
    const data = text.slice(dataStart, end).replace(/^ +| +$/g, "")
    elements.push({ element: readElement(entry, data, data, { position: i, where, now }), position: i, where })
    i = end
  }
  return elements
}
