import { LotStatus } from "../types/statuses"

/**
 * The GS1 Core Business Vocabulary (CBV 2.0) terms the export uses, as EPCIS 2.0 JSON-LD writes
 * them: bare names that its context (https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld)
 * expands to https://ref.gs1.org/cbv/BizStep-…, Disp-…, BTT-…, SDT-…. The names are those of the
 * bizStep, disposition, bizTransaction-type and source-dest-type enumerations in GS1's EPCIS 2.0
 * JSON schema (github.com/gs1/EPCIS, EPCIS-JSON-Schema.json). Pure, no I/O.
 */

// The CBV 2.0 terms as listed in GS1's EPCIS 2.0 JSON schema; the comment after each list names
// the ones the export writes (see epcis-events.ts).
export const CBV_BIZ_STEPS = [
  "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning", "creating_class_instance",
  "cycle_counting", "decommissioning", "departing", "destroying", "disassembling", "dispensing", "encoding",
  "entering_exiting", "holding", "inspecting", "installing", "killing", "loading", "other", "packing", "picking",
  "receiving", "removing", "repackaging", "repairing", "replacing", "reserving", "retail_selling", "shipping",
  "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking", "void_shipping",
  "sensor_reporting", "sampling",
] as const // ours: commissioning, receiving, shipping, holding, inspecting, destroying, stocking, repackaging
export type EpcisBizStep = (typeof CBV_BIZ_STEPS)[number]

export const CBV_DISPOSITIONS = [
  "active", "container_closed", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired", "in_progress",
  "in_transit", "inactive", "no_pedigree_match", "non_sellable_other", "partially_dispensed", "recalled", "reserved",
  "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen", "unknown", "available",
  "completeness_verified", "completeness_inferred", "conformant", "container_open", "mismatch_instance", "mismatch_class",
  "mismatch_quantity", "needs_replacement", "non_conformant", "unavailable",
] as const // ours: active, sellable_not_accessible, non_sellable_other, non_conformant, recalled, expired, destroyed, in_transit, returned
export type EpcisDisposition = (typeof CBV_DISPOSITIONS)[number]

export const CBV_BIZ_TRANSACTION_TYPES = [
  "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd", "testres", "upevt",
] as const // ours: po (the customer's order), rma (its return)
export type EpcisBizTransactionType = (typeof CBV_BIZ_TRANSACTION_TYPES)[number]

export const CBV_SOURCE_DEST_TYPES = ["owning_party", "possessing_party", "location"] as const // ours: owning_party, location
export type EpcisSourceDestType = (typeof CBV_SOURCE_DEST_TYPES)[number]

/**
 * What a lot's status says about its units, as a CBV disposition. Released stock sits in the
 * merchant's store room: sellable, not where a customer takes it (sellable_not_accessible).
 * Quarantine and hold have no term of their own in CBV: both are non_sellable_other. A rejected
 * lot failed its inspection (non_conformant, CBV 2.0).
 */
const DISPOSITION_OF_STATUS: Record<LotStatus, EpcisDisposition> = {
  [LotStatus.RELEASED]: "sellable_not_accessible",
  [LotStatus.QUARANTINE]: "non_sellable_other",
  [LotStatus.ON_HOLD]: "non_sellable_other",
  [LotStatus.REJECTED]: "non_conformant",
  [LotStatus.RECALLED]: "recalled",
  [LotStatus.EXPIRED]: "expired",
}

const isLotStatus = (status: string | null | undefined): status is LotStatus =>
  typeof status === "string" && Object.prototype.hasOwnProperty.call(DISPOSITION_OF_STATUS, status)

export function dispositionOfStatus(status: string | null | undefined): EpcisDisposition | undefined {
  return isLotStatus(status) ? DISPOSITION_OF_STATUS[status] : undefined
}

/**
 * The disposition a status keeps on the lot until another event lifts it — EPCIS 2.0's
 * persistentDisposition. Every status but released blocks the lot from sale until it changes, so
 * each sets its disposition for good; released sets none.
 */
function persistentOfStatus(status: string | null | undefined): EpcisDisposition | undefined {
  return status === LotStatus.RELEASED ? undefined : dispositionOfStatus(status)
}

export type EpcisPersistentDisposition = { set?: EpcisDisposition[]; unset?: EpcisDisposition[] }

/**
 * The persistentDisposition of a status change: set what the new status keeps, unset what the old
 * one kept, nothing when both keep the same (quarantine to on hold). Undefined when neither keeps one.
 */
export function persistentDispositionChange(fromStatus: string | null, toStatus: string | null): EpcisPersistentDisposition | undefined {
  const before = persistentOfStatus(fromStatus)
  const after = persistentOfStatus(toStatus)
  if (before === after) {
    return undefined
  }
  const change: EpcisPersistentDisposition = {}
  if (after) {
    change.set = [after]
  }
  if (before) {
    change.unset = [before]
  }
  return change
}
