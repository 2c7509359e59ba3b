import { LotEventType, LotLineageKind, TlcAssignedBy } from "../types/statuses"
import { epcisEventHashId } from "./epcis-event-hash"
import type { EpcisEventRow, EpcisLotQuantity } from "./epcis-event-row"
import { EpcisIdentity, lotClassUri, locationUri, merchantPartyUri, partyUri, serialInstanceUri, underBase } from "./epcis-identifiers"
import { EpcisQuantityElement, quantityElement } from "./epcis-quantity"
import {
  EpcisBizStep,
  EpcisBizTransactionType,
  EpcisDisposition,
  EpcisPersistentDisposition,
  EpcisSourceDestType,
  dispositionOfStatus,
  persistentDispositionChange,
} from "./epcis-vocabulary"

/**
 * Our events as EPCIS 2.0 events (JSON-LD, the shapes of GS1's EPCIS 2.0 JSON schema):
 *
 * | our event                         | EPCIS                                                                  |
 * |-----------------------------------|------------------------------------------------------------------------|
 * | received, lot code ours           | ObjectEvent ADD, commissioning, disposition of the lot's status        |
 * | received, lot code the supplier's | ObjectEvent OBSERVE, receiving, source: the supplier                   |
 * | held / recalled                   | ObjectEvent OBSERVE, holding, non_sellable_other / recalled, persistent |
 * | released / rejected               | ObjectEvent OBSERVE, inspecting, sellable_not_accessible / non_conformant |
 * | expired                           | ObjectEvent OBSERVE, no bizStep (time did it), expired, persistent     |
 * | scrapped                          | ObjectEvent DELETE, destroying, destroyed                              |
 * | shipped                           | ObjectEvent OBSERVE, shipping, in_transit, order, source / destination |
 * | returned                          | ObjectEvent OBSERVE, receiving, returned, order and return (rma)       |
 * | return_restocked                  | ObjectEvent OBSERVE, stocking, sellable_not_accessible                 |
 * | produced (production / split)     | TransformationEvent, commissioning / repackaging, inputs → outputs     |
 *
 * Status changes name the lot without a quantity: a status is the whole lot's. Pure, no I/O.
 */

export const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"

type SourceOrDestination<K extends "source" | "destination"> = { type: EpcisSourceDestType } & Record<K, string>

type EpcisEventCommon = {
  eventID: string
  eventTime: string
  eventTimeZoneOffset: string
  bizStep?: EpcisBizStep
  disposition?: EpcisDisposition
  persistentDisposition?: EpcisPersistentDisposition
  readPoint?: { id: string }
  bizLocation?: { id: string }
  bizTransactionList?: Array<{ type: EpcisBizTransactionType; bizTransaction: string }>
  sourceList?: SourceOrDestination<"source">[]
  destinationList?: SourceOrDestination<"destination">[]
}

export type EpcisObjectEvent = EpcisEventCommon & {
  type: "ObjectEvent"
  action: "ADD" | "OBSERVE" | "DELETE"
  epcList?: string[]
  quantityList?: EpcisQuantityElement[]
}

export type EpcisTransformationEvent = EpcisEventCommon & {
  type: "TransformationEvent"
  inputEPCList?: string[]
  inputQuantityList?: EpcisQuantityElement[]
  outputEPCList?: string[]
  outputQuantityList?: EpcisQuantityElement[]
  transformationID?: string
}

export type EpcisEvent = EpcisObjectEvent | EpcisTransformationEvent

/** An event before its id: the id is the hash of the rest (epcis-event-hash.ts). */
export type EpcisEventContent = EpcisEvent extends infer E ? (E extends EpcisEvent ? Omit<E, "eventID"> : never) : never

/**
 * The EPCIS event of one of our events, its eventID the GS1 EPCIS Event Hash ID of its content;
 * null for types with no EPCIS counterpart (allocations, adjustments, edits, …) and for a row that
 * lacks what its type needs (a transformation without lots, a lot event without a lot).
 */
export function toEpcisEvent(row: EpcisEventRow, identity: EpcisIdentity): EpcisEvent | null {
  const content = eventContent(row, identity)
  if (!content) {
    return null
  }
  // The id goes right after the type, where a reader of the JSON looks for it.
  const { type, ...rest } = content
  return { type, eventID: epcisEventHashId(content), ...rest } as EpcisEvent
}

function eventContent(row: EpcisEventRow, identity: EpcisIdentity): EpcisEventContent | null {
  if (row.type === LotEventType.PRODUCED) {
    return row.transformation ? transformation(row, row.transformation, identity) : null
  }
  if (!row.lot) {
    return null
  }
  const mapper = OBJECT_EVENTS[row.type]
  return mapper ? mapper(row, row.lot, identity) : null
}

type ObjectEventContent = Omit<EpcisObjectEvent, "eventID">
type ObjectEventMapper = (row: EpcisEventRow, lot: EpcisLotQuantity, identity: EpcisIdentity) => ObjectEventContent

const OBJECT_EVENTS: Partial<Record<LotEventType, ObjectEventMapper>> = {
  [LotEventType.RECEIVED]: received,
  [LotEventType.HELD]: (row, lot, identity) => statusChange(row, lot, identity, "holding"),
  [LotEventType.RECALLED]: (row, lot, identity) => statusChange(row, lot, identity, "holding"),
  [LotEventType.RELEASED]: (row, lot, identity) => statusChange(row, lot, identity, "inspecting"),
  [LotEventType.REJECTED]: (row, lot, identity) => statusChange(row, lot, identity, "inspecting"),
  [LotEventType.EXPIRED]: (row, lot, identity) => statusChange(row, lot, identity, undefined),
  [LotEventType.SCRAPPED]: scrapped,
  [LotEventType.SHIPPED]: shipped,
  [LotEventType.RETURNED]: returned,
  [LotEventType.RETURN_RESTOCKED]: (row, lot, identity) => ({
    ...objectEvent(row, "OBSERVE", units(lot, identity)),
    bizStep: "stocking",
    disposition: "sellable_not_accessible",
    ...place(row, identity, true),
  }),
}

/** The moment in UTC to the millisecond (what the event hash keeps) and its offset. */
function eventTime(occurredAt: string): { eventTime: string; eventTimeZoneOffset: string } {
  const instant = new Date(occurredAt)
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`EPCIS event time ${JSON.stringify(occurredAt)} is not a date`)
  }
  return { eventTime: instant.toISOString(), eventTimeZoneOffset: "+00:00" }
}

function objectEvent(row: EpcisEventRow, action: EpcisObjectEvent["action"], what: Pick<EpcisObjectEvent, "epcList" | "quantityList">): ObjectEventContent {
  return { type: "ObjectEvent", ...eventTime(row.occurred_at), ...what, action }
}

/** Serialised units by their instance ids, else the lot's class with the quantity. */
function units(lot: EpcisLotQuantity, identity: EpcisIdentity): Pick<EpcisObjectEvent, "epcList" | "quantityList"> {
  if (lot.serials?.length) {
    const ids = lot.serials.map((serial) => serialInstanceUri({ ...lot, serial }, identity))
    return { epcList: [...new Set(ids)] }
  }
  return { quantityList: [quantityElement(lotClassUri(lot, identity), lot.quantity, lot.unit_of_measure)] }
}

/** Where the event was read (readPoint) and, unless the units left it, where they now are (bizLocation). */
function place(row: EpcisEventRow, identity: EpcisIdentity, stayed: boolean): Pick<EpcisObjectEvent, "readPoint" | "bizLocation"> {
  if (!row.location) {
    return {}
  }
  const id = locationUri(row.location, "location", identity)
  return stayed ? { readPoint: { id }, bizLocation: { id } } : { readPoint: { id } }
}

function orderUri(row: EpcisEventRow, identity: EpcisIdentity): string | null {
  return row.order_id ? underBase(identity, "order", row.order_id) : null
}

/** The customer as a party: by customer id, or by the order for a guest. */
function customerUri(row: EpcisEventRow, identity: EpcisIdentity): string | null {
  if (row.customer_id) {
    return partyUri({ id: row.customer_id, gln: null }, "customer", identity)
  }
  return row.order_id ? underBase(identity, "order", row.order_id, "customer") : null
}

function received(row: EpcisEventRow, lot: EpcisLotQuantity, identity: EpcisIdentity): ObjectEventContent {
  const disposition = dispositionOfStatus(row.to_status)
  const persistent = persistentDispositionChange(null, row.to_status)
  const common = {
    ...(disposition ? { disposition } : {}),
    ...(persistent ? { persistentDisposition: persistent } : {}),
    ...place(row, identity, true),
  }
  // A lot code we assigned names a class that begins here; a supplier's came with the goods. Lots
  // received before the assigner was recorded are the supplier's when one was named (as in FSMA 204).
  const codedHere = row.tlc_assigned_by ? row.tlc_assigned_by === TlcAssignedBy.RECEIVER : !row.supplier
  if (codedHere) {
    return { ...objectEvent(row, "ADD", units(lot, identity)), bizStep: "commissioning", ...common }
  }
  const supplier = row.supplier
  return {
    ...objectEvent(row, "OBSERVE", units(lot, identity)),
    bizStep: "receiving",
    ...common,
    ...(supplier
      ? {
          sourceList: [
            { type: "owning_party", source: partyUri(supplier, "supplier", identity) },
            { type: "location", source: locationUri(supplier, "supplier", identity) },
          ],
        }
      : {}),
    destinationList: [
      { type: "owning_party", destination: merchantPartyUri(identity) },
      ...(row.location ? [{ type: "location" as const, destination: locationUri(row.location, "location", identity) }] : []),
    ],
  }
}

function statusChange(row: EpcisEventRow, lot: EpcisLotQuantity, identity: EpcisIdentity, bizStep: EpcisBizStep | undefined): ObjectEventContent {
  const disposition = dispositionOfStatus(row.to_status)
  const persistent = persistentDispositionChange(row.from_status, row.to_status)
  return {
    ...objectEvent(row, "OBSERVE", { quantityList: [{ epcClass: lotClassUri(lot, identity) }] }),
    ...(bizStep ? { bizStep } : {}),
    ...(disposition ? { disposition } : {}),
    ...(persistent ? { persistentDisposition: persistent } : {}),
    ...place(row, identity, true),
  }
}

function scrapped(row: EpcisEventRow, lot: EpcisLotQuantity, identity: EpcisIdentity): ObjectEventContent {
  return { ...objectEvent(row, "DELETE", units(lot, identity)), bizStep: "destroying", disposition: "destroyed", ...place(row, identity, false) }
}

function shipped(row: EpcisEventRow, lot: EpcisLotQuantity, identity: EpcisIdentity): ObjectEventContent {
  const order = orderUri(row, identity)
  const customer = customerUri(row, identity)
  return {
    ...objectEvent(row, "OBSERVE", units(lot, identity)),
    bizStep: "shipping",
    disposition: "in_transit",
    ...place(row, identity, false),
    ...(order ? { bizTransactionList: [{ type: "po" as const, bizTransaction: order }] } : {}),
    sourceList: [
      { type: "owning_party", source: merchantPartyUri(identity) },
      ...(row.location ? [{ type: "location" as const, source: locationUri(row.location, "location", identity) }] : []),
    ],
    // The ship-to is the order's delivery address; its details belong to the order, not a GLN.
    ...(order && customer
      ? {
          destinationList: [
            { type: "owning_party", destination: customer },
            { type: "location", destination: `${order}/ship-to` },
          ],
        }
      : {}),
  }
}

function returned(row: EpcisEventRow, lot: EpcisLotQuantity, identity: EpcisIdentity): ObjectEventContent {
  const order = orderUri(row, identity)
  const customer = customerUri(row, identity)
  const transactions = [
    ...(order ? [{ type: "po" as const, bizTransaction: order }] : []),
    ...(row.return_id ? [{ type: "rma" as const, bizTransaction: underBase(identity, "return", row.return_id) }] : []),
  ]
  return {
    ...objectEvent(row, "OBSERVE", units(lot, identity)),
    bizStep: "receiving",
    disposition: "returned",
    ...place(row, identity, true),
    ...(transactions.length ? { bizTransactionList: transactions } : {}),
    ...(customer ? { sourceList: [{ type: "owning_party" as const, source: customer }] } : {}),
    destinationList: [
      { type: "owning_party", destination: merchantPartyUri(identity) },
      ...(row.location ? [{ type: "location" as const, destination: locationUri(row.location, "location", identity) }] : []),
    ],
  }
}

/** The lots of one side of a transformation: their quantities, or serialised units by id. */
function side(lots: EpcisLotQuantity[], identity: EpcisIdentity): { epcs: string[]; quantities: EpcisQuantityElement[] } {
  const serialised = lots.filter((lot) => lot.serials?.length)
  const counted = lots.filter((lot) => !lot.serials?.length)
  return {
    epcs: [...new Set(serialised.flatMap((lot) => units(lot, identity).epcList ?? []))],
    quantities: counted.map((lot) => quantityElement(lotClassUri(lot, identity), lot.quantity, lot.unit_of_measure)),
  }
}

function transformation(
  row: EpcisEventRow,
  made: NonNullable<EpcisEventRow["transformation"]>,
  identity: EpcisIdentity
): Omit<EpcisTransformationEvent, "eventID"> | null {
  if (made.inputs.length === 0 || made.outputs.length === 0) {
    return null
  }
  const inputs = side(made.inputs, identity)
  const outputs = side(made.outputs, identity)
  return {
    type: "TransformationEvent",
    ...eventTime(row.occurred_at),
    ...(inputs.epcs.length ? { inputEPCList: inputs.epcs } : {}),
    ...(inputs.quantities.length ? { inputQuantityList: inputs.quantities } : {}),
    ...(outputs.epcs.length ? { outputEPCList: outputs.epcs } : {}),
    ...(outputs.quantities.length ? { outputQuantityList: outputs.quantities } : {}),
    transformationID: underBase(identity, "transformation", made.id),
    // A production makes new lots (commissioning); a split repacks or relabels one (repackaging).
    bizStep: made.kind === LotLineageKind.SPLIT ? "repackaging" : "commissioning",
    disposition: "active",
    ...place(row, identity, true),
  }
}
