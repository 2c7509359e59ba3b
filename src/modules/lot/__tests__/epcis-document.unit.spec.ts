import Ajv from "ajv"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { EPCIS_DOCUMENT_TAIL, epcisDocument, epcisDocumentHead, epcisEventPage } from "../domain/epcis-document"
import { EPCIS_CONTEXT } from "../domain/epcis-events"
import { everyKind, hold, identity, row, shipment } from "./epcis-fixtures"

// GS1's published EPCIS 2.0 JSON schema, pinned (source in fixtures/README.md).
const schema = JSON.parse(readFileSync(join(__dirname, "fixtures", "epcis-json-schema.json"), "utf8"))

// The two formats the schema uses, checked as RFC 3339 and RFC 3986 say (ajv leaves formats to plugins).
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/

const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addFormat("date-time", (text: string) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)))
ajv.addFormat("uri", URI)
const validate = ajv.compile(schema)

const created_at = new Date("2026-04-01T00:00:00Z")
const errorsOf = (document: unknown) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`))

describe("EPCIS 2.0 document", () => {
  it("every kind of event validates against GS1's EPCIS 2.0 JSON schema", () => {
    const document = epcisDocument(everyKind, identity, { created_at, id: "https://shop.example.com/epcis/export/1" })
    expect(document.epcisBody.eventList.map((event) => event.type)).toEqual([...Array(12).fill("ObjectEvent"), "TransformationEvent", "TransformationEvent"])
    expect(errorsOf(document)).toEqual([])
    expect(document).toMatchObject({ "@context": [EPCIS_CONTEXT], type: "EPCISDocument", schemaVersion: "2.0", creationDate: "2026-04-01T00:00:00.000Z" })
  })

  it("the validator is live: an event without eventTime, an unknown bizStep or a unit that is no code is refused", () => {
    const document = epcisDocument([shipment], identity, { created_at })
    const [event] = document.epcisBody.eventList
    const { eventTime: _dropped, ...withoutTime } = event
    expect(errorsOf({ ...document, epcisBody: { eventList: [withoutTime] } }).join("\n")).toMatch(/must have required property 'eventTime'/)
    expect(errorsOf({ ...document, epcisBody: { eventList: [{ ...event, bizStep: "teleporting" }] } })).not.toEqual([])
    expect(errorsOf({ ...document, epcisBody: { eventList: [{ ...event, quantityList: [{ epcClass: "x:y", quantity: 1, uom: "kg" }] }] } })).not.toEqual([])
    expect(errorsOf({ ...document, schemaVersion: undefined })).not.toEqual([])
  })

  it("streams as head, pages and tail that together are the same document", () => {
    const pages = [everyKind.slice(0, 5), [row({ type: "allocated" })], everyKind.slice(5)]
    let written = 0
    let text = epcisDocumentHead({ created_at })
    for (const page of pages) {
      const chunk = epcisEventPage(page, identity, written)
      text += chunk.json
      written = chunk.written
    }
    text += EPCIS_DOCUMENT_TAIL
    expect(written).toBe(everyKind.length)
    expect(JSON.parse(text)).toEqual(epcisDocument(everyKind, identity, { created_at }))
  })

  it("an empty period is a valid document with an empty event list", () => {
    const text = epcisDocumentHead({ created_at }) + epcisEventPage([], identity, 0).json + EPCIS_DOCUMENT_TAIL
    expect(JSON.parse(text).epcisBody).toEqual({ eventList: [] })
    expect(errorsOf(JSON.parse(text))).toEqual([])
  })

  it("a page that starts the list writes no comma before its first event", () => {
    expect(epcisEventPage([hold], identity, 0).json.startsWith("{")).toBe(true)
    expect(epcisEventPage([hold], identity, 3).json.startsWith(",{")).toBe(true)
    expect(() => epcisDocumentHead({ created_at: new Date("nope") })).toThrow(/not a date/)
  })
})
