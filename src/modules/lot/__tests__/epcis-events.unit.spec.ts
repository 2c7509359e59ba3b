import { toEpcisEvent } from "../domain/epcis-events"
import { persistentDispositionChange } from "../domain/epcis-vocabulary"
import {
  MAIN_GLN,
  customerReturn,
  everyKind,
  expiry,
  guestShipment,
  hold,
  identity,
  ownReceipt,
  production,
  recall,
  rejection,
  release,
  restock,
  row,
  scrap,
  shipment,
  split,
  supplierReceipt,
} from "./epcis-fixtures"

const MAIN = `https://id.gs1.org/414/${MAIN_GLN}`
const YOGURT_LOT = "https://id.gs1.org/01/09506000134352/10/YOG-0305"
const MERCHANT = "https://id.gs1.org/417/4012345000009"
const event = (source: Parameters<typeof toEpcisEvent>[0]) => {
  const mapped = toEpcisEvent(source, identity)
  if (!mapped) {
    throw new Error(`${source.type} did not map`)
  }
  return mapped
}

describe("EPCIS events of our lot events", () => {
  it("a supplier's lot is received (OBSERVE, receiving) from the supplier's party and site into ours", () => {
    expect(event(supplierReceipt)).toEqual({
      type: "ObjectEvent",
      eventTime: "2026-03-05T07:08:09.123Z",
      eventTimeZoneOffset: "+00:00",
      quantityList: [{ epcClass: YOGURT_LOT, quantity: 12 }],
      action: "OBSERVE",
      bizStep: "receiving",
      disposition: "non_sellable_other",
      persistentDisposition: { set: ["non_sellable_other"] },
      readPoint: { id: MAIN },
      bizLocation: { id: MAIN },
      sourceList: [
        { type: "owning_party", source: "https://id.gs1.org/417/4000001000005" },
        { type: "location", source: "https://id.gs1.org/414/4000001000005" },
      ],
      destinationList: [
        { type: "owning_party", destination: MERCHANT },
        { type: "location", destination: MAIN },
      ],
      eventID: expect.stringMatching(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/),
    })
  })

  it("a lot we coded is commissioned (ADD); so is a receipt without assigner or supplier", () => {
    const own = event(ownReceipt)
    expect(own).toMatchObject({
      action: "ADD",
      bizStep: "commissioning",
      disposition: "sellable_not_accessible",
      readPoint: { id: "https://shop.example.com/epcis/location/sloc_back" },
    })
    expect(own).not.toHaveProperty("persistentDisposition")
    expect(own).not.toHaveProperty("sourceList")
    expect(event(row({ tlc_assigned_by: null, supplier: null }))).toMatchObject({ action: "ADD", bizStep: "commissioning" })
    expect(event(row({ tlc_assigned_by: null, supplier: { id: "lot_1", gln: null } }))).toMatchObject({
      action: "OBSERVE",
      bizStep: "receiving",
      sourceList: [
        { type: "owning_party", source: "https://shop.example.com/epcis/supplier/lot_1" },
        { type: "location", source: "https://shop.example.com/epcis/supplier/lot_1" },
      ],
    })
  })

  it("holds and recalls set a persistent disposition that a release lifts; the lot is named without a quantity", () => {
    expect(event(hold)).toMatchObject({
      action: "OBSERVE",
      quantityList: [{ epcClass: YOGURT_LOT }],
      bizStep: "holding",
      disposition: "non_sellable_other",
      persistentDisposition: { set: ["non_sellable_other"] },
    })
    expect(event(hold)).not.toHaveProperty(["quantityList", 0, "quantity"])
    expect(event(hold)).not.toHaveProperty("readPoint")
    expect(event(release)).toMatchObject({ bizStep: "inspecting", disposition: "sellable_not_accessible", persistentDisposition: { unset: ["non_sellable_other"] } })
    expect(event(recall)).toMatchObject({ bizStep: "holding", disposition: "recalled", persistentDisposition: { set: ["recalled"] } })
    expect(event(rejection)).toMatchObject({
      bizStep: "inspecting",
      disposition: "non_conformant",
      persistentDisposition: { set: ["non_conformant"], unset: ["non_sellable_other"] },
    })
    const expired = event(expiry)
    expect(expired).toMatchObject({ disposition: "expired", persistentDisposition: { set: ["expired"] } })
    expect(expired).not.toHaveProperty("bizStep")
  })

  it("persistent dispositions change only when the kept one does", () => {
    expect(persistentDispositionChange("quarantine", "on_hold")).toBeUndefined()
    expect(persistentDispositionChange("released", "released")).toBeUndefined()
    expect(persistentDispositionChange("quarantine", "released")).toEqual({ unset: ["non_sellable_other"] })
    expect(persistentDispositionChange("expired", "recalled")).toEqual({ set: ["recalled"], unset: ["expired"] })
    expect(persistentDispositionChange(null, "unknown_status")).toBeUndefined()
  })

  it("scrapped units are destroyed (DELETE) and counted without sign", () => {
    const destroyed = event(scrap)
    expect(destroyed).toMatchObject({ action: "DELETE", bizStep: "destroying", disposition: "destroyed", quantityList: [{ epcClass: YOGURT_LOT, quantity: 3 }] })
    expect(destroyed).toHaveProperty("readPoint", { id: MAIN })
    expect(destroyed).not.toHaveProperty("bizLocation")
  })

  it("a shipment leaves our site for the customer's ship-to under the order, in transit", () => {
    const shipped = event(shipment)
    expect(shipped).toMatchObject({
      action: "OBSERVE",
      bizStep: "shipping",
      disposition: "in_transit",
      quantityList: [{ epcClass: YOGURT_LOT, quantity: 4 }],
      readPoint: { id: MAIN },
      bizTransactionList: [{ type: "po", bizTransaction: "https://shop.example.com/epcis/order/order_1" }],
      sourceList: [
        { type: "owning_party", source: MERCHANT },
        { type: "location", source: MAIN },
      ],
      destinationList: [
        { type: "owning_party", destination: "https://shop.example.com/epcis/customer/cus_1" },
        { type: "location", destination: "https://shop.example.com/epcis/order/order_1/ship-to" },
      ],
    })
    expect(shipped).not.toHaveProperty("bizLocation")
    expect(event(guestShipment).destinationList?.[0]).toEqual({ type: "owning_party", destination: "https://shop.example.com/epcis/order/order_2/customer" })
  })

  it("a return is received back as returned, under the order and its RMA; a restock puts the units back on sale", () => {
    expect(event(customerReturn)).toMatchObject({
      action: "OBSERVE",
      bizStep: "receiving",
      disposition: "returned",
      bizTransactionList: [
        { type: "po", bizTransaction: "https://shop.example.com/epcis/order/order_1" },
        { type: "rma", bizTransaction: "https://shop.example.com/epcis/return/return_1" },
      ],
      sourceList: [{ type: "owning_party", source: "https://shop.example.com/epcis/customer/cus_1" }],
      destinationList: [
        { type: "owning_party", destination: MERCHANT },
        { type: "location", destination: MAIN },
      ],
    })
    expect(event(restock)).toMatchObject({ action: "OBSERVE", bizStep: "stocking", disposition: "sellable_not_accessible", bizLocation: { id: MAIN } })
  })

  it("a production is one TransformationEvent from its input lots to its output lots, measures with their unit", () => {
    expect(event(production)).toMatchObject({
      type: "TransformationEvent",
      inputQuantityList: [
        { epcClass: YOGURT_LOT, quantity: 5 },
        { epcClass: "https://shop.example.com/epcis/item/iitem_milk/lot/MILK-7", quantity: 20.5, uom: "KGM" },
      ],
      outputQuantityList: [{ epcClass: "https://id.gs1.org/01/04006381333931/10/MIX-1", quantity: 30 }],
      transformationID: "https://shop.example.com/epcis/transformation/trf_1",
      bizStep: "commissioning",
      disposition: "active",
      readPoint: { id: "https://shop.example.com/epcis/location/sloc_plant" },
    })
  })

  it("a split repackages; serialised outputs are listed as units", () => {
    const repacked = event(split)
    expect(repacked).toMatchObject({
      type: "TransformationEvent",
      bizStep: "repackaging",
      inputQuantityList: [{ epcClass: YOGURT_LOT, quantity: 2 }],
      outputEPCList: ["https://id.gs1.org/01/09506000134352/21/S1", "https://id.gs1.org/01/09506000134352/21/S2"],
    })
    expect(repacked).not.toHaveProperty("outputQuantityList")
  })

  it("maps nothing for events with no EPCIS counterpart or rows missing what their type needs", () => {
    for (const type of ["allocated", "deallocated", "adjusted", "edited", "expiry_warning", "consumed"] as const) {
      expect(toEpcisEvent(row({ type }), identity)).toBeNull()
    }
    expect(toEpcisEvent(row({ type: "produced", transformation: null }), identity)).toBeNull()
    expect(toEpcisEvent({ ...production, transformation: { ...production.transformation!, inputs: [] } }, identity)).toBeNull()
    expect(toEpcisEvent(row({ type: "held", lot: null }), identity)).toBeNull()
    expect(() => toEpcisEvent(row({ occurred_at: "yesterday" }), identity)).toThrow(/is not a date/)
  })

  it("gives every event its own id, the same on every export", () => {
    const ids = everyKind.map((source) => event(source).eventID)
    expect(new Set(ids).size).toBe(everyKind.length)
    expect(everyKind.map((source) => event(source).eventID)).toEqual(ids)
  })
})
