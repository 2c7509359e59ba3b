import { MedusaError } from "@medusajs/framework/utils"
import { recoveryRefusal } from "../domain/recall-units"
import { insertRecallActions, recalledCustomerLotUnits, recalledLotUnits } from "../sql/recall-action-sql"
import { lockRecall } from "../sql/recall-sql"
import type { Sql } from "../sql/sql"
import { RecallActionType, RecallStatus } from "../types/statuses"
import { recallNotFound } from "./recall"

/** Units of a recalled lot that came back, or were destroyed, without a Medusa return (they do not go back into stock). */
export type RecallRecovery = {
  recall_id: string
  lot_id: string
  quantity: number
  /** The recall's customer they came from, when known. */
  customer_key?: string | null
  note?: string | null
  actor_id?: string | null
}

/** Units of a recalled lot written off from stock at a location, on the recall. */
export type RecallDisposal = {
  recall_id: string
  lot_id: string
  location_id: string
  quantity: number
  note?: string | null
  actor_id?: string | null
}

/** Locks the recall; it must be open and the lot in its scope. */
async function openRecallOfLot(sql: Sql, recallId: string, lotId: string) {
  const recall = await lockRecall(sql, recallId)
  if (!recall) {
    throw recallNotFound(recallId)
  }
  if (recall.status === RecallStatus.CLOSED) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Recall ${recall.recall_number} is closed: no more units can be recorded on it.`)
  }
  const lot = await recalledLotUnits(sql, recall.id, lotId)
  if (!lot) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Lot ${lotId} is not part of recall ${recall.recall_number}.`)
  }
  return { recall, lot }
}

/** Records recovered units on an open recall: no more than are still out there, nor than the named customer had. */
export async function recordRecallRecovery(sql: Sql, input: RecallRecovery) {
  const { recall, lot } = await openRecallOfLot(sql, input.recall_id, input.lot_id)
  const customerKey = input.customer_key?.trim() || null
  const customer = customerKey ? await recalledCustomerLotUnits(sql, recall.id, input.lot_id, customerKey) : undefined
  if (customer === null) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Customer ${customerKey} is not among the customers of recall ${recall.recall_number}.`)
  }
  const refusal = recoveryRefusal(lot, input.quantity, customer)
  if (refusal) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  }
  await insertRecallActions(sql, recall.id, input.actor_id ?? null, [
    {
      type: RecallActionType.UNITS_RECOVERED,
      customer_key: customerKey,
      method: null,
      note: input.note?.trim() || null,
      lot_id: input.lot_id,
      quantity: input.quantity,
    },
  ])
  return { recall_number: recall.recall_number, lot_number: lot.lot_number }
}

/** Checks that units of the lot may be disposed of on the recall (open, lot in scope); changes nothing. */
export async function checkRecallDisposal(sql: Sql, input: Pick<RecallDisposal, "recall_id" | "lot_id">) {
  const { recall, lot } = await openRecallOfLot(sql, input.recall_id, input.lot_id)
  return { recall_number: recall.recall_number, lot_number: lot.lot_number }
}

/** Adds a disposal, already written off from stock, to the recall's activity (refused once the recall closed meanwhile). */
export async function recordRecallDisposal(sql: Sql, input: RecallDisposal) {
  const { recall } = await openRecallOfLot(sql, input.recall_id, input.lot_id)
  await insertRecallActions(sql, recall.id, input.actor_id ?? null, [
    {
      type: RecallActionType.UNITS_DISPOSED,
      customer_key: null,
      method: null,
      note: input.note?.trim() || null,
      lot_id: input.lot_id,
      location_id: input.location_id,
      quantity: input.quantity,
    },
  ])
}

/** A recorded recovery or disposal as the compensation of its step takes it back. */
export type RecallUnitsReversal = {
  recall_id: string
  type: typeof RecallActionType.UNITS_RECOVERED | typeof RecallActionType.UNITS_DISPOSED
  lot_id: string
  location_id?: string | null
  customer_key?: string | null
  quantity: number
  actor_id?: string | null
}

/**
 * Compensation of a recording: the activity is append-only, so the same units are added again
 * with the opposite sign and a note saying why; the recall's totals net them out.
 */
export async function reverseRecallUnits(sql: Sql, entry: RecallUnitsReversal) {
  await insertRecallActions(sql, entry.recall_id, entry.actor_id ?? null, [
    {
      type: entry.type,
      customer_key: entry.customer_key?.trim() || null,
      method: null,
      note: "taken back: the change could not be completed",
      lot_id: entry.lot_id,
      location_id: entry.location_id ?? null,
      quantity: -entry.quantity,
    },
  ])
}
