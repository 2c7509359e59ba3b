import { canonicalTime, epcisEventHashId, epcisPreHash } from "../domain/epcis-event-hash"
import type { EpcisEventContent } from "../domain/epcis-events"

// Events and their pre-hash strings and hashes as published with GS1's reference implementation of
// the EPCIS Event Hash ID (github.com/RalphTro/epcis-event-hash-generator, tests/examples at commit
// 5d2f1c389a1599af40fe1b530b62e0ca59ab818f), the events' EPC URNs written as the canonical Digital
// Links the algorithm turns them into (our export writes only those).

describe("EPCIS Event Hash ID, against GS1's reference pre-hashes", () => {
  it("an ObjectEvent with instance ids, a read point with an extension and a purchase order (epcisDocWithSingleEvent)", () => {
    const event: EpcisEventContent = {
      type: "ObjectEvent",
      action: "OBSERVE",
      bizStep: "shipping",
      disposition: "in_transit",
      epcList: ["https://id.gs1.org/01/10614141073464/21/2018", "https://id.gs1.org/01/10614141073464/21/2017"],
      eventTime: "2022-02-16T20:33:31.116000-06:00",
      eventTimeZoneOffset: "-06:00",
      readPoint: { id: "https://id.gs1.org/414/0614141073467/254/1234" },
      bizTransactionList: [{ type: "po", bizTransaction: "http://transaction.acme.com/po/12345678" }],
    }
    expect(epcisPreHash(event)).toBe(
      "eventType=ObjectEventeventTime=2022-02-17T02:33:31.116ZeventTimeZoneOffset=-06:00" +
        "epcListepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018" +
        "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shippingdisposition=https://ref.gs1.org/cbv/Disp-in_transit" +
        "readPointid=https://id.gs1.org/414/0614141073467/254/1234" +
        "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=http://transaction.acme.com/po/12345678"
    )
    expect(epcisEventHashId(event)).toBe("ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0")
  })

  it("persistent dispositions set and unset (persistentDisposition)", () => {
    const common = {
      type: "ObjectEvent" as const,
      eventTime: "2021-04-01T15:00:00+01:00",
      eventTimeZoneOffset: "+01:00",
      action: "OBSERVE" as const,
      readPoint: { id: "https://id.gs1.org/414/4012345000054" },
    }
    const set: EpcisEventContent = {
      ...common,
      epcList: ["https://id.gs1.org/01/04012345111118/21/1", "https://id.gs1.org/01/04012345111118/21/2"],
      bizStep: "shipping",
      disposition: "in_transit",
      persistentDisposition: { set: ["recalled"] },
    }
    const unset: EpcisEventContent = {
      ...common,
      epcList: ["https://id.gs1.org/01/04012345111118/21/2"],
      bizStep: "inspecting",
      persistentDisposition: { unset: ["recalled"] },
    }
    expect(epcisPreHash(set)).toContain("disposition=https://ref.gs1.org/cbv/Disp-in_transitpersistentDispositionset=https://ref.gs1.org/cbv/Disp-recalledreadPointid=")
    expect(epcisEventHashId(set)).toBe("ni:///sha-256;f6a9d89f2cd8d7931daa3d4c3d48399c2173b88417932f8cc04d021671e7d01e?ver=CBV2.0")
    expect(epcisEventHashId(unset)).toBe("ni:///sha-256;4dbb5d87794987ec4a7c519cff1260d00163e78bf44144d09aee135294d39d10?ver=CBV2.0")
  })

  it("a TransformationEvent with instances and quantities on both sides (epcisDocWithXMLstartTagAndErrorDeclaration)", () => {
    const event: EpcisEventContent = {
      type: "TransformationEvent",
      eventTime: "2020-01-14T00:00:00+01:00",
      eventTimeZoneOffset: "+01:00",
      inputEPCList: ["https://id.gs1.org/01/04012345111118/21/987"],
      inputQuantityList: [{ epcClass: "https://id.gs1.org/01/04012345222227/10/87545GHGH" }],
      outputEPCList: ["https://id.gs1.org/01/04012345333336/21/AGHFG"],
      outputQuantityList: [{ epcClass: "https://id.gs1.org/01/04012345444445", quantity: 452, uom: "KGM" }],
      bizStep: "commissioning",
      readPoint: { id: "https://id.gs1.org/414/4012345000009" },
    }
    expect(epcisPreHash(event)).toBe(
      "eventType=TransformationEventeventTime=2020-01-13T23:00:00.000ZeventTimeZoneOffset=+01:00" +
        "inputEPCListepc=https://id.gs1.org/01/04012345111118/21/987" +
        "inputQuantityListquantityElementepcClass=https://id.gs1.org/01/04012345222227/10/87545GHGH" +
        "outputEPCListepc=https://id.gs1.org/01/04012345333336/21/AGHFG" +
        "outputQuantityListquantityElementepcClass=https://id.gs1.org/01/04012345444445quantity=452uom=KGM" +
        "bizStep=https://ref.gs1.org/cbv/BizStep-commissioningreadPointid=https://id.gs1.org/414/4012345000009"
    )
    expect(epcisEventHashId(event)).toBe("ni:///sha-256;e16ce101f3d7383612e00b74419b2d88f12baa6a124b0e390252d396687d5cf7?ver=CBV2.0")
  })

  it("business transactions, sources and destinations, each list sorted (epcisDocWithVariousEventTypes, second event)", () => {
    const event: EpcisEventContent = {
      type: "ObjectEvent",
      eventTime: "2019-10-21T12:00:30.000+01:00",
      eventTimeZoneOffset: "+01:00",
      epcList: ["https://id.gs1.org/00/052000011111111461"],
      action: "OBSERVE",
      bizStep: "receiving",
      readPoint: { id: "https://id.gs1.org/414/4012345000122" },
      bizTransactionList: [
        { type: "inv", bizTransaction: "urn:epcglobal:cbv:bt:5200001000008:RE1099" },
        { type: "desadv", bizTransaction: "urn:epcglobal:cbv:bt:5200001000008:4711" },
      ],
      sourceList: [
        { type: "possessing_party", source: "https://id.gs1.org/417/4000001000128" },
        { type: "owning_party", source: "https://id.gs1.org/417/4000001000128" },
      ],
      destinationList: [
        { type: "possessing_party", destination: "https://id.gs1.org/417/4012345000009" },
        { type: "owning_party", destination: "https://id.gs1.org/417/4012345000009" },
        { type: "location", destination: "https://id.gs1.org/414/4012345000122" },
      ],
    }
    expect(epcisPreHash(event)).toMatch(/readPointid=.*bizTransactionListtype=.*BTT-desadv.*BTT-inv.*destinationListtype=.*SDT-location.*sourceList/)
    expect(epcisEventHashId(event)).toBe("ni:///sha-256;b28bf72f1bb227fbf583c8e062dc6c52689849a5f6ea4fa290eaede62f345eab?ver=CBV2.0")
  })
})

describe("EPCIS Event Hash ID rules", () => {
  it("writes times in UTC to the millisecond, rounding at the third decimal", () => {
    expect(canonicalTime("2023-01-18T11:04:03.1415Z")).toBe("2023-01-18T11:04:03.142Z")
    expect(canonicalTime("2023-01-18T11:04:03.1414Z")).toBe("2023-01-18T11:04:03.141Z")
    expect(canonicalTime("2023-12-31T23:59:59.9996Z")).toBe("2024-01-01T00:00:00.000Z")
    expect(canonicalTime("2023-01-18T12:04:03+01:00")).toBe("2023-01-18T11:04:03.000Z")
    expect(() => canonicalTime("2023-01-18T11:04:03")).toThrow(/not an ISO 8601 date-time/)
  })

  it("does not depend on the order of list elements or on the eventID, and changes with the content", () => {
    const event: EpcisEventContent = {
      type: "ObjectEvent",
      eventTime: "2026-03-01T10:00:00.000Z",
      eventTimeZoneOffset: "+00:00",
      action: "OBSERVE",
      quantityList: [
        { epcClass: "https://id.gs1.org/01/09506000134352/10/B", quantity: 2 },
        { epcClass: "https://id.gs1.org/01/09506000134352/10/A", quantity: 1.5, uom: "KGM" },
      ],
    }
    const reordered: EpcisEventContent = { ...event, quantityList: [...(event.quantityList ?? [])].reverse() }
    expect(epcisEventHashId(reordered)).toBe(epcisEventHashId(event))
    expect(epcisEventHashId({ ...event, eventID: "urn:uuid:1" } as EpcisEventContent)).toBe(epcisEventHashId(event))
    expect(epcisEventHashId({ ...event, action: "ADD" })).not.toBe(epcisEventHashId(event))
    expect(epcisPreHash(event)).toContain("quantity=1.5uom=KGM")
  })

  it("refuses a field it does not cover instead of hashing it wrongly", () => {
    const withIlmd = { type: "ObjectEvent", eventTime: "2026-03-01T10:00:00Z", eventTimeZoneOffset: "+00:00", action: "ADD", ilmd: {} }
    expect(() => epcisPreHash(withIlmd as EpcisEventContent)).toThrow("The EPCIS event hash does not cover ilmd")
  })
})
