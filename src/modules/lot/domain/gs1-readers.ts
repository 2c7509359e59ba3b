/**
 * The three shapes a GS1 scan comes in, each read into a list of checked elements: an element
 * string as a scanner sends it (FNC1 as GS or a stand-in), the bracketed human-readable form
 * "(01)…(17)…", and a GS1 Digital Link URI. Used by parseGs1Scan (gs1.ts).
 */
import { AI_TABLE, AiSpec, GS, Gs1Element, Gs1ParseError, matchAi, printable, readElement, unknownAiDigits } from "./gs1-core"

/** An element and where it was, for the errors about it that only the whole scan can tell. */
export type LocatedElement = { element: Gs1Element; position: number; where: string }

/**
 * An element string as a scanner sends it: fixed-length fields run on, a variable-length field
 * ends at FNC1 (GS, or the `fnc1` stand-in) or at the end. Positions are indexes into `text`.
 */
export function readElementString(text: string, fnc1: string | undefined, now: Date): LocatedElement[] {
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
  while (i < norm.length) {
    if (norm[i] === GS) {
      i++ // a leading FNC1, one after a fixed-length field, or a trailing one: allowed
      continue
    }
    const position = origin[i]
    const where = `at position ${position}`
    const spec = matchAi(norm, i)
    if (!spec) {
      throw notAnAi(norm, i, position, where)
    }
    const dataStart = i + spec.ai.length
    let end: number
    let unterminated = false
    if (spec.length !== undefined) {
      end = dataStart + spec.length
      const window = norm.slice(dataStart, end)
      const separator = window.indexOf(GS)
      if (window.length < spec.length || separator !== -1) {
        const got = separator === -1 ? window.length : separator
        const why = separator === -1 ? " — is the scan cut short?" : " before a separator (FNC1)"
        throw new Gs1ParseError(`AI (${spec.ai}) ${where}: expected ${spec.length} digits for the ${spec.title}, got ${got}${why}`, {
          code: "truncated",
          position,
          ai: spec.ai,
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
    elements.push({ element: readElement(spec, data, raw, { position, where, now, unterminated }), position, where })
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

const BRACKETED_AI = /\((\d{2,4})\)/y

/** True when `text` starts like "(01)". */
export function isBracketed(text: string): boolean {
  BRACKETED_AI.lastIndex = 0
  return BRACKETED_AI.test(text)
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
    BRACKETED_AI.lastIndex = i
    const match = BRACKETED_AI.exec(text)
    if (!match) {
      throw new Gs1ParseError(`${capitalise(where)}: expected "(" + an application identifier + ")", got "${printable(text.slice(i, i + 8))}"`, {
        code: "expected_ai",
        position: i,
      })
    }
    const spec = AI_TABLE.get(match[1])
    if (!spec) {
      throw new Gs1ParseError(`AI (${match[1]}) ${where} is not a known application identifier`, {
        code: "unknown_ai",
        position: i,
        ai: match[1],
      })
    }
    const dataStart = i + match[0].length
    let end = dataStart
    while (end < text.length && !(text[end] === "(" && isBracketed(text.slice(end, end + 6)))) {
      end++
    }
    const data = text.slice(dataStart, end).replace(/^ +| +$/g, "")
    elements.push({ element: readElement(spec, data, data, { position: i, where, now }), position: i, where })
    i = end
  }
  return elements
}

const PATH_ALIASES: Record<string, string> = { gtin: "01", sscc: "00", lot: "10", ser: "21", cpv: "22" }
const PRIMARY_KEYS = new Set(["01", "00"])

/**
 * A GS1 Digital Link URI: https://any.host[/any/prefix]/01/{gtin}[/22/…][/10/{lot}][/21/{serial}]
 * [?17=YYMMDD&…]. Positions are path segment numbers (0-based, after the host); query parameters
 * are numbered on after the last path segment. Query keys that are not digits (linkType, …) are
 * ignored; values are percent-decoded.
 */
export function readDigitalLink(text: string, now: Date): LocatedElement[] {
  let rest = text.slice(text.indexOf("//") + 2)
  const hash = rest.indexOf("#")
  if (hash !== -1) {
    rest = rest.slice(0, hash)
  }
  const question = rest.indexOf("?")
  const query = question === -1 ? "" : rest.slice(question + 1)
  const hostAndPath = question === -1 ? rest : rest.slice(0, question)
  const slash = hostAndPath.indexOf("/")
  const host = slash === -1 ? hostAndPath : hostAndPath.slice(0, slash)
  if (!host) {
    throw new Gs1ParseError("The link has no host name — not a GS1 Digital Link", { code: "invalid_link", position: 0 })
  }
  const segments = slash === -1 ? [] : hostAndPath.slice(slash + 1).split("/").filter((segment) => segment !== "")
  const keyIndex = segments.findIndex((segment) => PRIMARY_KEYS.has(PATH_ALIASES[segment] ?? segment))
  if (keyIndex === -1) {
    throw new Gs1ParseError("The link has no GS1 key in its path (/01/<GTIN> or /00/<SSCC>) — not a GS1 Digital Link", {
      code: "invalid_link",
      position: 0,
    })
  }

  const elements: LocatedElement[] = []
  for (let k = keyIndex; k < segments.length; k += 2) {
    const where = `in path segment ${k}`
    const name = PATH_ALIASES[segments[k]] ?? segments[k]
    const spec = AI_TABLE.get(name)
    if (!spec) {
      throw /^\d+$/.test(name)
        ? new Gs1ParseError(`AI (${name}) ${where} is not a known application identifier`, { code: "unknown_ai", position: k, ai: name })
        : new Gs1ParseError(`Path segment ${k}: expected a GS1 application identifier, got "${printable(name)}"`, {
            code: "expected_ai",
            position: k,
          })
    }
    const raw = segments[k + 1] ?? ""
    elements.push(linkElement(spec, raw, k, where, now))
  }

  query.split("&").forEach((parameter, index) => {
    const equals = parameter.indexOf("=")
    const rawKey = equals === -1 ? parameter : parameter.slice(0, equals)
    const position = segments.length + index
    const key = percentDecode(rawKey, position, `Query parameter ${index + 1}`)
    if (!/^\d+$/.test(key)) {
      return // not an AI: linkType, tracking parameters, …
    }
    const where = `in query parameter ${key}`
    const spec = AI_TABLE.get(key)
    if (!spec) {
      throw new Gs1ParseError(`AI (${key}) ${where} is not a known application identifier`, { code: "unknown_ai", position, ai: key })
    }
    elements.push(linkElement(spec, equals === -1 ? "" : parameter.slice(equals + 1), position, where, now))
  })
  return elements
}

function linkElement(spec: AiSpec, raw: string, position: number, where: string, now: Date): LocatedElement {
  let data = percentDecode(raw, position, `AI (${spec.ai}) ${where}`, spec.ai)
  if (spec.ai === "01" && /^(\d{8}|\d{12,13})$/.test(data)) {
    data = data.padStart(14, "0") // GTIN-8/12/13 may stand in a link as they are
  }
  return { element: readElement(spec, data, raw, { position, where, now }), position, where }
}

function percentDecode(text: string, position: number, what: string, ai?: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    throw new Gs1ParseError(`${what}: "${printable(text)}" is not valid percent-encoding`, { code: "invalid_link", position, ai })
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
