import type { LotStatus, TlcAssignedBy } from "./statuses"

/** The facts of a lot a merchant may correct after receipt. */
export type EditableLotFields = {
  manufactured_at: Date | null
  expires_at: Date | null
  best_before_at: Date | null
  supplier_id: string | null
  supplier: string | null
  supplier_details: Record<string, unknown> | null
  supplier_lot_number: string | null
  notes: string | null
}
export type EditableLotField = keyof EditableLotFields

/** A lot as an edit reads it under its row lock: what may change, and what the rules look at. */
export type LotEditSubject = EditableLotFields & {
  lot_number: string
  status: LotStatus
  received_at: Date
  exempt_source: boolean
  tlc_assigned_by: TlcAssignedBy | null
  expiry_warning_days: number | null
}

/** A supplier record picked for a lot: its id, and its details as the lot keeps a copy of them. */
export type PickedLotSupplier = { id: string; details: Record<string, unknown> & { name: string } }

/**
 * What a merchant asks to change: a field left out stays as it is, null clears it. A cleared
 * expiry is derived again from the item's shelf life; a cleared supplier takes its name and copy.
 */
export type LotEditPatch = {
  manufactured_at?: Date | string | null
  expires_at?: Date | string | null
  best_before_at?: Date | string | null
  supplier?: PickedLotSupplier | null
  supplier_lot_number?: string | null
  notes?: string | null
}

export type LotEditInput = {
  lot_id: string
  patch: LotEditPatch
  /** The item's shelf life, to derive a cleared expiry again. */
  shelf_life_days: number | null
  actor_id?: string | null
}

/** One changed field in the history: dates as ISO strings, so the entry reads the same everywhere. */
export type LotFieldChange = { from: unknown; to: unknown }
export type LotFieldChanges = Partial<Record<EditableLotField, LotFieldChange>>

/** A cleared expiry derived again: counted from which date, over how many days of shelf life. */
export type DerivedExpiry = { from: "manufactured_at" | "received_at"; shelf_life_days: number }

/** `data` of an `edited` history entry (and of the `reverted` entry that undoes one, with from and to swapped). */
export type LotEditEventData = { changes: LotFieldChanges; derived_expiry?: DerivedExpiry }

export type LotEdit = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  status: LotStatus
  /** Empty when the request asked for the values the lot already had: nothing was written. */
  changes: LotFieldChanges
  derived_expiry: DerivedExpiry | null
  /** The new expiry has passed (now or before): the lot expires as the expiry sweep would expire it. */
  expiry_passed: boolean
  /** What the merchant should know about the outcome, in words (e.g. an expired lot stays expired). */
  notices: string[]
  /** The lot's `edited` history entry; null when nothing changed. */
  event_id: string | null
  /** The values before the edit, for its compensation; null when nothing changed. */
  previous: (EditableLotFields & { expiry_warning_days: number | null }) | null
}
