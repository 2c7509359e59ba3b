/**
 * GS1 Digital Link URIs, read and written. readDigitalLink reads one into checked elements, by the
 * GS1 Digital Link URI syntax as GS1's reference parser (gs1-syntax-engine) applies it: http or
 * https in one case; only URI characters; a host; a primary key and its qualifiers in the path, in
 * the key's order; data attributes only in the query; each AI once; "%" always followed by two hex
 * digits, and "+" a space in the query but a plus in the path. Used by parseGs1Scan (gs1.ts).
 * writeDigitalLink writes a key and its qualifiers (the EPCIS export's identifiers). Pure, no I/O.
 */
import { AiEntry, aiEntry } from "./gs1-ai"
import { Gs1BuildError, Gs1ParseError, describeChar, printable } from "./gs1-core"
import { readElement } from "./gs1-element"
import type { LocatedElement } from "./gs1-readers"

// Upper case is allowed too: it lets a QR Code hold the whole URI in its compact alphanumeric mode.
const SCHEMES = ["http", "https", "HTTP", "HTTPS"]
// RFC 3986's unreserved and reserved characters, and "%": anything else must be percent-encoded.
const URI_CHARACTER = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/
const BAD_HOST_CHARACTER = /[_~?#@!$&'()*+,;=%]/
// GS1's deprecated short names for some AIs in a path, still read.
const PATH_ALIASES = new Map([["gtin", "01"], ["sscc", "00"], ["lot", "10"], ["ser", "21"], ["cpv", "22"]])

/** An AI of the link: its data as written (raw) and decoded, and where it was. */
type LinkAi = { entry: AiEntry; raw: string; data: string; position: number; where: string }

/**
 * Reads `text` (which starts with "http://" or "https://" in any case). Positions are path
 * segment numbers (0-based, after the host); query parameters are numbered on after the last path
 * segment. Query parameters that are not digits (linkType, …) are ignored.
 */
export function readDigitalLink(text: string, now: Date): LocatedElement[] {
  const { segments, query } = splitUri(text)
  const path = readPath(segments)
  const attributes = readQuery(query, segments.length)
  checkOnce([...path, ...attributes])
  checkQualifiers(path)
  attributes.forEach((attribute) => checkAttribute(attribute, path))
  return [...path, ...attributes].map(({ entry, raw, data, position, where }) => ({
    element: readElement(entry, data, raw, { position, where, now }),
    position,
    where,
  }))
}

/** GS1's own resolver: the host of canonical Digital Link URIs (the form EPCIS event hashes use). */
export const CANONICAL_DIGITAL_LINK_HOST = "https://id.gs1.org"

// RFC 3986's unreserved characters stand as they are in a path segment; everything else is
// percent-encoded, which is also the canonical form GS1 Digital Link prescribes for AI values.
const UNRESERVED = /[A-Za-z0-9\-._~]/

function encodeSegment(value: string): string {
  return [...value].map((char) => (UNRESERVED.test(char) ? char : encodeURIComponent(char).replace(/[!'()*]/g, percentOf))).join("")
}

const percentOf = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`

/**
 * The Digital Link URI of a primary key and its qualifiers, in that order — e.g. (01) + (10) as
 * `https://id.gs1.org/01/09506000134352/10/ABC123`. What it writes is read back with
 * readDigitalLink, so a check digit, a length, a character set or a qualifier order GS1 refuses
 * throws Gs1BuildError (field: the AI) instead of producing a link no scanner would accept.
 */
export function writeDigitalLink(elements: ReadonlyArray<{ ai: string; value: string }>, host: string = CANONICAL_DIGITAL_LINK_HOST): string {
  const path = elements.map(({ ai, value }) => `/${ai}/${encodeSegment(value)}`).join("")
  const uri = `${host.replace(/\/+$/, "")}${path}`
  try {
    const read = readDigitalLink(uri, new Date())
    const readKey = read[0]?.element.ai
    if (read.length !== elements.length || readKey !== elements[0]?.ai) {
      throw new Gs1BuildError(elements[0]?.ai ?? "", `${uri} does not read back as the key (${elements[0]?.ai}) with its qualifiers`)
    }
  } catch (error) {
    if (error instanceof Gs1ParseError) {
      throw new Gs1BuildError(error.ai ?? elements[0]?.ai ?? "", error.message)
    }
    throw error
  }
  return uri
}

const linkError = (message: string, position = 0, ai?: string) => new Gs1ParseError(message, { code: "invalid_link", position, ai })

function splitUri(text: string): { segments: string[]; query: string } {
  const scheme = text.slice(0, text.indexOf(":"))
  if (!SCHEMES.includes(scheme)) {
    throw linkError(`The scheme "${scheme}" must be written http or https (or all in capitals) in a GS1 Digital Link`)
  }
  const bad = [...text].findIndex((char) => !URI_CHARACTER.test(char))
  if (bad !== -1) {
    throw linkError(`Character ${describeChar(text[bad])} at position ${bad} cannot stand in a URI unencoded — not a GS1 Digital Link`)
  }
  const rest = text.slice(scheme.length + 3).replace(/#.*$/, "")
  const [hostAndPath, query = ""] = splitOnce(rest, "?")
  const [host, path] = splitOnce(hostAndPath, "/")
  if (!host || BAD_HOST_CHARACTER.test(host)) {
    throw linkError(host ? `The host name "${printable(host)}" is not valid` : "The link has no host name — not a GS1 Digital Link")
  }
  return { segments: path === undefined ? [] : path.split("/"), query }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator)
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}

const pathEntry = (segment: string) => aiEntry(PATH_ALIASES.get(segment) ?? segment)

/**
 * The key and qualifiers: from the last primary key that leaves AI/value pairs to the end (what
 * comes before it is the link's own path), else the last key at all (its last AI lacks a value).
 */
function readPath(segments: string[]): LinkAi[] {
  const keys = segments.flatMap((segment, index) => (pathEntry(segment)?.dlQualifiers ? [index] : []))
  const start = keys.filter((index) => (segments.length - index) % 2 === 0).pop() ?? keys.pop()
  if (start === undefined) {
    throw linkError("The link has no GS1 key in its path (such as /01/<GTIN> or /00/<SSCC>) — not a GS1 Digital Link")
  }
  const empty = segments.indexOf("", start)
  if (empty !== -1) {
    throw linkError(`Path segment ${empty} is empty ("//", or a "/" at the end)`, empty)
  }
  const path: LinkAi[] = []
  for (let k = start; k < segments.length; k += 2) {
    const where = `in path segment ${k}`
    const entry = pathEntry(segments[k])
    if (!entry) {
      throw /^\d+$/.test(segments[k])
        ? new Gs1ParseError(`AI (${segments[k]}) ${where} is not a known application identifier`, { code: "unknown_ai", position: k, ai: segments[k] })
        : new Gs1ParseError(`Path segment ${k}: expected a GS1 application identifier, got "${printable(segments[k])}"`, {
            code: "expected_ai",
            position: k,
          })
    }
    const raw = segments[k + 1] ?? ""
    path.push({ entry, raw, data: gtin14(entry, decode(raw, false, k, `AI (${entry.ai}) ${where}`, entry.ai)), position: k, where })
  }
  return path
}

function readQuery(query: string, firstPosition: number): LinkAi[] {
  const attributes: LinkAi[] = []
  query.split("&").forEach((parameter, index) => {
    const [key, raw] = splitOnce(parameter, "=")
    if (raw === undefined || !/^\d+$/.test(key)) {
      return // not an AI: linkType, tracking parameters, …
    }
    const position = firstPosition + index
    const where = `in query parameter ${key}`
    const entry = aiEntry(key)
    if (!entry) {
      throw new Gs1ParseError(`AI (${key}) ${where} is not a known application identifier`, { code: "unknown_ai", position, ai: key })
    }
    attributes.push({ entry, raw, data: gtin14(entry, decode(raw, true, position, `AI (${key}) ${where}`, key)), position, where })
  })
  return attributes
}

/** A GTIN-8, -12 or -13 may stand in a link as it is (GS1 deprecates it; older labels carry it). */
function gtin14(entry: AiEntry, data: string): string {
  return entry.ai === "01" && /^(\d{8}|\d{12,13})$/.test(data) ? data.padStart(14, "0") : data
}

/** Percent-decoding by RFC 3986; in a query "+" is a space (HTML form encoding), in a path a plus. */
function decode(text: string, plusIsSpace: boolean, position: number, what: string, ai: string): string {
  const stray = /%(?![0-9A-Fa-f]{2})/.exec(text)
  if (stray) {
    throw linkError(`${what}: "%" at character ${stray.index + 1} of "${printable(text)}" is not followed by two hex digits`, position, ai)
  }
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, " ") : text)
  } catch {
    throw linkError(`${what}: "${printable(text)}" does not decode to UTF-8 text`, position, ai)
  }
}

function checkOnce(ais: LinkAi[]): void {
  ais.forEach((current, index) => {
    const earlier = ais.slice(0, index).find(({ entry }) => entry.ai === current.entry.ai)
    if (earlier) {
      throw new Gs1ParseError(`AI (${current.entry.ai}) ${current.where}: appears twice in the link (also ${earlier.where})`, {
        code: "duplicate_ai",
        position: current.position,
        ai: current.entry.ai,
      })
    }
  })
}

/** True when `qualifiers` follow one of the key's qualifier lists, in its order (none mixed). */
function fitsKey(key: AiEntry, qualifiers: string[]): boolean {
  return (key.dlQualifiers ?? []).some((sequence) => {
    let at = -1
    return qualifiers.every((ai) => (at = sequence.indexOf(ai, at + 1)) !== -1)
  })
}

function checkQualifiers([key, ...qualifiers]: LinkAi[]): void {
  qualifiers.forEach((qualifier, index) => {
    const sofar = qualifiers.slice(0, index + 1).map(({ entry }) => entry.ai)
    if (fitsKey(key.entry, sofar)) {
      return
    }
    const ai = qualifier.entry.ai
    const sequences = key.entry.dlQualifiers ?? []
    const known = sequences.some((sequence) => sequence.includes(ai))
    const rule = sequences.length
      ? `after (${key.entry.ai}) the path may hold ${sequences.map((sequence) => sequence.map((q) => `(${q})`).join(" ")).join(", or ")} — in that order, left out as needed`
      : `(${key.entry.ai}) takes no key qualifiers`
    throw new Gs1ParseError(`AI (${ai}) ${qualifier.where}: ${known ? "out of order" : `not a key qualifier of (${key.entry.ai})`}; ${rule}`, {
      code: "invalid_qualifier",
      position: qualifier.position,
      ai,
    })
  })
}

/** A query AI must be a data attribute, not a qualifier the path could hold. */
function checkAttribute(attribute: LinkAi, [key, ...qualifiers]: LinkAi[]): void {
  const ai = attribute.entry.ai
  const withIt = [...qualifiers.map(({ entry }) => entry.ai), ai]
  const inPath = (key.entry.dlQualifiers ?? []).some((sequence) => withIt.every((q) => sequence.includes(q)))
  if (inPath) {
    throw new Gs1ParseError(`AI (${ai}) ${attribute.where}: a key qualifier of (${key.entry.ai}) belongs in the path (…/${ai}/…), not in the query`, {
      code: "invalid_qualifier",
      position: attribute.position,
      ai,
    })
  }
  if (!attribute.entry.dlAttribute) {
    throw new Gs1ParseError(`AI (${ai}) ${attribute.where}: GS1 does not allow it as a Digital Link data attribute (query parameter)`, {
      code: "not_data_attribute",
      position: attribute.position,
      ai,
    })
  }
}
