import { createHash } from "node:crypto"
import type { EpcisEventContent } from "./epcis-events"
import type { EpcisQuantityElement } from "./epcis-quantity"

/**
 * The GS1 EPCIS Event Hash ID (CBV 2.0, section 8.9): `ni:///sha-256;{hex}?ver=CBV2.0`, the
 * SHA-256 of a canonical "pre-hash string" of the event's content. The same event always gets the
 * same id, whoever computes it from whichever syntax, so a re-export repeats its ids and a
 * receiver can check them. The canonical order and forms follow GS1's reference implementation
 * (github.com/RalphTro/epcis-event-hash-generator, whose published pre-hashes the tests reproduce).
 *
 * It covers the fields this export writes: an event with any other field is refused rather than
 * given a hash another implementation would not compute. Identifiers must already be canonical —
 * GS1 keys as https://id.gs1.org Digital Links (epcis-identifiers.ts writes nothing else).
 */

export const EPCIS_HASH_ALGORITHM_VERSION = "CBV2.0"

const CBV = "https://ref.gs1.org/cbv/"

// Fields in the canonical property order; the three lists after bizLocation come last, sorted
// by name (as the reference implementation places them), each element "type=…" then the id.
const KNOWN_FIELDS = new Set([
  "type", "eventID", "eventTime", "eventTimeZoneOffset", "epcList", "inputEPCList", "quantityList", "inputQuantityList",
  "outputEPCList", "outputQuantityList", "action", "transformationID", "bizStep", "disposition", "persistentDisposition",
  "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
])

/** A bare CBV name expanded to its web URI (Disp-in_transit); a URI is kept. */
const cbvTerm = (prefix: string, value: string) => (value.includes(":") ? value : `${CBV}${prefix}-${value}`)

/** UTC, milliseconds, "Z": more digits round at the third, fewer are zero-filled. */
export function canonicalTime(time: string): string {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time.trim())
  if (!match) {
    throw new Error(`EPCIS time ${JSON.stringify(time)} is not an ISO 8601 date-time`)
  }
  const [, seconds, fraction = "", zone] = match
  const milliseconds = Math.round(Number(`0.${fraction || "0"}`) * 1000)
  const instant = Date.parse(`${seconds}${zone}`) + milliseconds
  if (Number.isNaN(instant)) {
    throw new Error(`EPCIS time ${JSON.stringify(time)} is not an ISO 8601 date-time`)
  }
  return new Date(instant).toISOString()
}

/** Numbers without trailing zeros or a "+" (1, not 1.0). */
const canonicalNumber = (value: number) => String(value)

const sorted = (parts: string[]) => [...parts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

function list(name: string, parts: string[] | undefined): string {
  return parts?.length ? name + sorted(parts).join("") : ""
}

function quantities(name: string, elements: EpcisQuantityElement[] | undefined): string {
  return list(
    name,
    elements?.map(({ epcClass, quantity, uom }) => {
      const amount = quantity === undefined ? "" : `quantity=${canonicalNumber(quantity)}`
      return `quantityElement` + `epcClass=${epcClass.trim()}${amount}${uom ? `uom=${uom}` : ""}`
    })
  )
}

const field = (name: string, value: string | undefined) => (value === undefined ? "" : `${name}=${value.trim()}`)

/** The canonical pre-hash string of an event (its eventID, if any, is not part of it). */
export function epcisPreHash(event: EpcisEventContent): string {
  const unknown = Object.keys(event).filter((key) => !KNOWN_FIELDS.has(key))
  if (unknown.length) {
    throw new Error(`The EPCIS event hash does not cover ${unknown.join(", ")}`)
  }
  const object = event.type === "ObjectEvent" ? event : undefined
  const made = event.type === "TransformationEvent" ? event : undefined
  const persistent = event.persistentDisposition
  const typed = <K extends string>(key: K, prefix: string, items: Array<{ type: string } & Record<K, string>> | undefined) =>
    items?.map((item) => `type=${cbvTerm(prefix, item.type)}${key}=${item[key].trim()}`)
  return [
    field("eventType", event.type),
    field("eventTime", canonicalTime(event.eventTime)),
    field("eventTimeZoneOffset", event.eventTimeZoneOffset),
    list("epcList", object?.epcList?.map((epc) => field("epc", epc))),
    list("inputEPCList", made?.inputEPCList?.map((epc) => field("epc", epc))),
    quantities("quantityList", object?.quantityList),
    quantities("inputQuantityList", made?.inputQuantityList),
    list("outputEPCList", made?.outputEPCList?.map((epc) => field("epc", epc))),
    quantities("outputQuantityList", made?.outputQuantityList),
    field("action", object?.action),
    field("transformationID", made?.transformationID),
    field("bizStep", event.bizStep && cbvTerm("BizStep", event.bizStep)),
    field("disposition", event.disposition && cbvTerm("Disp", event.disposition)),
    persistent
      ? "persistentDisposition" +
        sorted((persistent.set ?? []).map((d) => field("set", cbvTerm("Disp", d)))).join("") +
        sorted((persistent.unset ?? []).map((d) => field("unset", cbvTerm("Disp", d)))).join("")
      : "",
    event.readPoint ? `readPoint${field("id", event.readPoint.id)}` : "",
    event.bizLocation ? `bizLocation${field("id", event.bizLocation.id)}` : "",
    list("bizTransactionList", typed("bizTransaction", "BTT", event.bizTransactionList)),
    list("destinationList", typed("destination", "SDT", event.destinationList)),
    list("sourceList", typed("source", "SDT", event.sourceList)),
  ].join("")
}

/** The event's Event Hash ID: `ni:///sha-256;{hex}?ver=CBV2.0`. */
export function epcisEventHashId(event: EpcisEventContent): string {
  const digest = createHash("sha256").update(epcisPreHash(event), "utf8").digest("hex")
  return `ni:///sha-256;${digest}?ver=${EPCIS_HASH_ALGORITHM_VERSION}`
}
