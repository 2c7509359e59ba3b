import type { EpcisEventRow, EpcisLotQuantity } from "../domain/epcis-event-row"
import type { EpcisIdentity } from "../domain/epcis-identifiers"

// One row of each kind of event the EPCIS export maps, shared by the mapping and document tests.

export const identity: EpcisIdentity = { base_uri: "https://shop.example.com/epcis/", party_gln: "4012345000009" }

export const GTIN = "09506000134352"
export const MAIN_GLN = "0614141000005"
const SUPPLIER_GLN = "4000001000005"

export const yogurt: EpcisLotQuantity = {
  lot_id: "lot_1",
  lot_number: "YOG-0305",
  inventory_item_id: "iitem_yog",
  gtin: GTIN,
  quantity: 12,
  unit_of_measure: "case of 6",
}

const blank: EpcisEventRow = {
  type: "received",
  id: "lotevt_0",
  occurred_at: "2026-03-05T07:08:09.123456Z",
  lot: yogurt,
  location: { id: "sloc_main", gln: MAIN_GLN },
  from_status: null,
  to_status: null,
  tlc_assigned_by: null,
  supplier: null,
  order_id: null,
  customer_id: null,
  return_id: null,
  transformation: null,
}

export const row = (changes: Partial<EpcisEventRow>): EpcisEventRow => ({ ...blank, ...changes })

export const supplierReceipt = row({
  id: "lotevt_1",
  to_status: "quarantine",
  tlc_assigned_by: "supplier",
  supplier: { id: "lotsup_alpine", gln: SUPPLIER_GLN },
})
export const ownReceipt = row({ id: "lotevt_2", to_status: "released", tlc_assigned_by: "receiver", location: { id: "sloc_back", gln: null } })
export const hold = row({ id: "lotevt_3", type: "held", occurred_at: "2026-03-06T08:00:00Z", from_status: "released", to_status: "on_hold", location: null })
export const release = row({ id: "lotevt_4", type: "released", occurred_at: "2026-03-07T08:00:00Z", from_status: "on_hold", to_status: "released", location: null })
export const recall = row({ id: "lotevt_5", type: "recalled", occurred_at: "2026-03-08T08:00:00Z", from_status: "released", to_status: "recalled", location: null })
export const rejection = row({ id: "lotevt_6", type: "rejected", from_status: "quarantine", to_status: "rejected", location: null })
export const expiry = row({ id: "lotevt_7", type: "expired", from_status: "released", to_status: "expired", location: null })
export const scrap = row({ id: "lotevt_8", type: "scrapped", occurred_at: "2026-03-09T10:00:00Z", lot: { ...yogurt, quantity: -3 } })
export const shipment = row({
  id: "lotshp_1",
  type: "shipped",
  occurred_at: "2026-03-10T12:00:00Z",
  lot: { ...yogurt, quantity: 4 },
  order_id: "order_1",
  customer_id: "cus_1",
})
export const guestShipment = row({ ...shipment, id: "lotshp_2", customer_id: null, order_id: "order_2" })
export const customerReturn = row({
  id: "lotevt_9",
  type: "returned",
  occurred_at: "2026-03-12T09:00:00Z",
  lot: { ...yogurt, quantity: 1 },
  order_id: "order_1",
  customer_id: "cus_1",
  return_id: "return_1",
})
export const restock = row({ id: "lotevt_10", type: "return_restocked", occurred_at: "2026-03-13T09:00:00Z", lot: { ...yogurt, quantity: 1 } })
export const production = row({
  id: "lotevt_11",
  type: "produced",
  occurred_at: "2026-03-14T06:00:00Z",
  lot: null,
  location: { id: "sloc_plant", gln: null },
  transformation: {
    id: "trf_1",
    kind: "production",
    inputs: [
      { ...yogurt, quantity: 5 },
      { lot_id: "lot_milk", lot_number: "MILK-7", inventory_item_id: "iitem_milk", gtin: null, quantity: 20.5, unit_of_measure: "kg" },
    ],
    outputs: [{ lot_id: "lot_mix", lot_number: "MIX-1", inventory_item_id: "iitem_mix", gtin: "4006381333931", quantity: 30, unit_of_measure: "each" }],
  },
})
export const split = row({
  ...production,
  id: "lotevt_12",
  transformation: {
    id: "trf_2",
    kind: "split",
    inputs: [{ ...yogurt, quantity: 2 }],
    outputs: [{ ...yogurt, lot_id: "lot_1b", lot_number: "YOG-0305-B", quantity: 2, serials: ["S1", "S2"] }],
  },
})

/** Every row above that becomes an EPCIS event. */
export const everyKind = [
  supplierReceipt, ownReceipt, hold, release, recall, rejection, expiry, scrap, shipment, guestShipment, customerReturn, restock, production, split,
]
