import { EPCIS_DOCUMENT_TAIL, epcisDocument, epcisDocumentHead, epcisEventPage } from "../domain/epcis-document"
import { EPCIS_CONTEXT } from "../domain/epcis-events"
import { everyKind, hold, identity, row, shipment } from "./epcis-fixtures"
import { epcisSchemaErrors as errorsOf } from "./epcis-schema"

const created_at = new Date("2026-04-01T00:00:00Z")

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
