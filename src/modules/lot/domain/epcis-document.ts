import type { EpcisEventRow } from "./epcis-event-row"
import { EPCIS_CONTEXT, EpcisEvent, toEpcisEvent } from "./epcis-events"
import type { EpcisIdentity } from "./epcis-identifiers"

/**
 * An EPCIS 2.0 JSON-LD EPCISDocument, written in pieces so a route can stream any number of
 * events: the head (everything up to the event list's "["), each page of events, then the tail.
 * Concatenated, the pieces are the JSON of epcisDocument(). Pure, no I/O.
 */

export const EPCIS_SCHEMA_VERSION = "2.0"

export type EpcisDocumentOptions = {
  /** When the document was made (EPCIS creationDate). */
  created_at: Date
  /** An optional absolute URI naming this document. */
  id?: string
}

export type EpcisDocument = {
  "@context": string[]
  id?: string
  type: "EPCISDocument"
  schemaVersion: string
  creationDate: string
  epcisBody: { eventList: EpcisEvent[] }
}

function documentFields(options: EpcisDocumentOptions): Omit<EpcisDocument, "epcisBody"> {
  if (Number.isNaN(options.created_at.getTime())) {
    throw new Error("The EPCIS document's creation date is not a date")
  }
  return {
    "@context": [EPCIS_CONTEXT],
    ...(options.id ? { id: options.id } : {}),
    type: "EPCISDocument",
    schemaVersion: EPCIS_SCHEMA_VERSION,
    creationDate: options.created_at.toISOString(),
  }
}

/** The document up to and including the "[" of its event list. */
export function epcisDocumentHead(options: EpcisDocumentOptions): string {
  const fields = JSON.stringify(documentFields(options))
  return `${fields.slice(0, -1)},"epcisBody":{"eventList":[`
}

/** What closes the event list, the body and the document. */
export const EPCIS_DOCUMENT_TAIL = "]}}"

/**
 * One page of our events as JSON to write after the head: the events with an EPCIS counterpart, a
 * "," before each but the document's first. `written` is how many events earlier pages wrote;
 * the answer says how many have been written with this page.
 */
export function epcisEventPage(rows: EpcisEventRow[], identity: EpcisIdentity, written: number): { json: string; written: number } {
  let count = written
  let json = ""
  for (const row of rows) {
    const event = toEpcisEvent(row, identity)
    if (event) {
      json += (count === 0 ? "" : ",") + JSON.stringify(event)
      count++
    }
  }
  return { json, written: count }
}

/** The whole document at once, for exports small enough to hold. */
export function epcisDocument(rows: EpcisEventRow[], identity: EpcisIdentity, options: EpcisDocumentOptions): EpcisDocument {
  const eventList = rows.flatMap((row) => toEpcisEvent(row, identity) ?? [])
  return { ...documentFields(options), epcisBody: { eventList } }
}
