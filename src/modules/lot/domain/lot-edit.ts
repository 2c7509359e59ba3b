import {
  LotStatus,
  LotStatusAction,
  TlcAssignedBy,
  type DerivedExpiry,
  type EditableLotField,
  type EditableLotFields,
  type LotEditPatch,
  type LotEditSubject,
  type LotFieldChanges,
} from "../types"
import { deriveExpiry, expiryStart, lotDateProblems, toDate } from "./lot-dates"
import { statusesAllowing } from "./lot-status"

/** The lot's columns an edit may write, in the order a change lists them (the history stores them as JSON, unordered). */
export const EDITABLE_LOT_FIELDS = [
  "expires_at",
  "manufactured_at",
  "best_before_at",
  "supplier_id",
  "supplier",
  "supplier_details",
  "supplier_lot_number",
  "notes",
] as const satisfies readonly EditableLotField[]

export type LotEditPlan = {
  next: EditableLotFields
  changes: LotFieldChanges
  derived_expiry: DerivedExpiry | null
  /** Why the edit cannot be made, in a merchant's words; empty when it can. */
  problems: string[]
  expiry_passed: boolean
  notices: string[]
}

/**
 * What an edit makes of a lot: its fields afterwards, each changed field as old → new, and why it
 * may be refused. Any status may have its facts corrected; the status itself never changes here —
 * an expiry moved to `now` or before expires the lot the way the expiry sweep does, and an expired
 * lot stays expired whatever its new date (expiry is final, see lot-status.ts).
 */
export function planLotEdit(lot: LotEditSubject, patch: LotEditPatch, shelfLifeDays: number | null, now: Date): LotEditPlan {
  const next: EditableLotFields = {
    manufactured_at: patched(patch.manufactured_at, lot.manufactured_at, toDate),
    expires_at: patched(patch.expires_at, lot.expires_at, toDate),
    best_before_at: patched(patch.best_before_at, lot.best_before_at, toDate),
    ...supplierAfter(lot, patch.supplier),
    supplier_lot_number: patched(patch.supplier_lot_number, lot.supplier_lot_number, (text) => text),
    notes: patched(patch.notes, lot.notes, (text) => text),
  }
  // A cleared expiry is what a receipt without one gets: derived from the item's shelf life.
  const start = patch.expires_at === null && shelfLifeDays ? expiryStart(next, lot.received_at) : null
  if (start) {
    next.expires_at = deriveExpiry(next, shelfLifeDays, lot.received_at)
  }
  const changes = fieldChanges(lot, next)
  const expiryPassed =
    Boolean(changes.expires_at) &&
    next.expires_at !== null &&
    next.expires_at.getTime() <= now.getTime() &&
    statusesAllowing(LotStatusAction.EXPIRE).includes(lot.status)
  return {
    next,
    changes,
    derived_expiry: start && changes.expires_at ? { from: start.from, shelf_life_days: shelfLifeDays! } : null,
    problems: [...lotDateProblems(next), ...supplierProblems(lot, next, changes)],
    expiry_passed: expiryPassed,
    notices: editNotices(lot, next, changes, expiryPassed, now),
  }
}

/** The patch's value when it names the field (null clears it), else the lot's own. */
function patched<In, Out>(value: In | null | undefined, current: Out | null, read: (value: In) => Out | null): Out | null {
  if (value === undefined) {
    return current
  }
  return value === null ? null : read(value)
}

/**
 * A picked supplier replaces the record, its name and the copy of its details; removing it clears
 * all three. Picking the lot's own supplier again changes nothing (its copy stays as received).
 * Removing a supplier from a lot without a record leaves a typed name alone.
 */
function supplierAfter(lot: LotEditSubject, picked: LotEditPatch["supplier"]) {
  const current = { supplier_id: lot.supplier_id, supplier: lot.supplier, supplier_details: lot.supplier_details }
  if (picked === undefined || picked?.id === lot.supplier_id || (picked === null && !lot.supplier_id)) {
    return current
  }
  if (picked === null) {
    return { supplier_id: null, supplier: null, supplier_details: null }
  }
  return { supplier_id: picked.id, supplier: picked.details.name, supplier_details: picked.details }
}

function fieldChanges(before: EditableLotFields, after: EditableLotFields): LotFieldChanges {
  const changes: LotFieldChanges = {}
  for (const field of EDITABLE_LOT_FIELDS) {
    const from = asJson(before[field])
    const to = asJson(after[field])
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      changes[field] = { from, to }
    }
  }
  return changes
}

function asJson(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null)
}

/**
 * FSMA 204 records of an exempt source, or of a code the supplier assigned, must name that
 * supplier: it may be corrected to another one, not removed.
 */
function supplierProblems(lot: LotEditSubject, next: EditableLotFields, changes: LotFieldChanges): string[] {
  const removed = Boolean(changes.supplier_id || changes.supplier) && !next.supplier_id && !next.supplier?.trim()
  if (!removed) {
    return []
  }
  if (lot.exempt_source) {
    return ["The supplier cannot be removed: the lot comes from an exempt source, which its FSMA 204 records must name. Choose the right supplier instead."]
  }
  if (lot.tlc_assigned_by === TlcAssignedBy.SUPPLIER) {
    return ["The supplier cannot be removed: it assigned the lot's code, and its FSMA 204 records must name it. Choose the right supplier instead."]
  }
  return []
}

function editNotices(lot: LotEditSubject, next: EditableLotFields, changes: LotFieldChanges, expiryPassed: boolean, now: Date): string[] {
  if (!changes.expires_at) {
    return []
  }
  if (expiryPassed) {
    return [`Lot ${lot.lot_number} is past its new expiry date: it is now expired and its units are held back from sale.`]
  }
  const stillValid = next.expires_at === null || next.expires_at.getTime() > now.getTime()
  if (lot.status === LotStatus.EXPIRED && stillValid) {
    return [
      `Lot ${lot.lot_number} stays expired: expiry is final, so the new date does not make its units sellable again. ` +
        "To sell them, write them off from this lot and receive them into a new one.",
    ]
  }
  return []
}
