import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { LotStatusAction, statusesAllowing } from "../domain/lot-status"
import { recallNumber } from "../domain/recall-scope"
import {
  deleteRecall,
  insertMockRecall,
  insertRecall,
  insertRecallCustomers,
  insertRecallLots,
  insertRecallShipments,
  lockNamedLots,
  lockRecall,
  lockScopeLots,
  markLotsRecalled,
  setRecallClosure,
} from "../sql/recall-sql"
import { setLotStatus } from "../sql/lot-sql"
import { insertLotEvents, nextSequenceValue, type Sql } from "../sql/sql"
import { LotEventType, LotStatus, RecallStatus, type OpenedRecall, type OpenRecallInput } from "../types"
import { recallScope } from "../queries/recall"

/**
 * Opens a recall in one transaction: the named lots and every lot made from them (any depth)
 * become recalled (a `recalled` event each; lots already rejected or recalled keep their status),
 * and the scope is copied — lots, shipments, customers, quantities — as it stands now.
 *
 * The named lots are locked first, so no production can take from them while the scope is
 * walked; the scope's lots are locked next in id order.
 */
export async function openRecall(sql: Sql, input: OpenRecallInput): Promise<OpenedRecall> {
  const started = Date.now()
  // An unknown lot is refused by recallScope (NOT_FOUND), like a preview.
  await lockNamedLots(sql, input.lot_ids)
  const { report, summary } = await recallScope(sql, input.lot_ids)
  const scopeIds = report.lots.map((l) => l.id).sort()
  const locked = await lockScopeLots(sql, scopeIds)
  const recallId = generateEntityId(undefined, "rcl")
  const changed = locked.filter((lot) => statusesAllowing(LotStatusAction.RECALL).includes(lot.status))
  if (changed.length) {
    await markLotsRecalled(sql, changed.map((l) => l.id))
  }
  const recall = {
    id: recallId,
    recall_number: recallNumber(await nextSequenceValue(sql, "recall")),
    reason: input.reason,
    classification: input.classification,
    public_notice: input.public_notice ?? null,
    created_by: input.actor_id ?? null,
    summary: { ...summary, duration_ms: Date.now() - started },
  }
  await insertLotEvents(
    sql,
    changed.map((lot) => ({
      lot_id: lot.id,
      type: LotEventType.RECALLED,
      from_status: lot.status,
      to_status: LotStatus.RECALLED,
      actor_id: input.actor_id,
      reason: input.reason,
      reference_type: "recall",
      reference_id: recallId,
      data: { recall_number: recall.recall_number, classification: input.classification },
    }))
  )
  // The scope is copied set-based: thousands of shipments still cost a handful of statements.
  await insertRecall(sql, recall)
  await insertRecallLots(sql, recallId, report, new Map(locked.map((l) => [l.id, l.status])))
  if (scopeIds.length) {
    await insertRecallShipments(sql, recallId, scopeIds)
    await insertRecallCustomers(sql, recallId)
  }
  return {
    id: recallId,
    recall_number: recall.recall_number,
    classification: input.classification,
    lot_ids: scopeIds,
    status_changes: changed.map((l) => ({ lot_id: l.id, from_status: l.status })),
    summary: recall.summary,
  }
}

/** Undoes openRecall (compensation): statuses back with `reverted` events, the recall removed. */
export async function undoOpenRecall(sql: Sql, opened: OpenedRecall): Promise<void> {
  for (const change of opened.status_changes) {
    await setLotStatus(sql, change.lot_id, change.from_status)
  }
  await insertLotEvents(
    sql,
    opened.status_changes.map((change) => ({
      lot_id: change.lot_id,
      type: LotEventType.REVERTED,
      from_status: LotStatus.RECALLED,
      to_status: change.from_status,
      reason: "recall could not be completed",
      reference_type: "recall",
      reference_id: opened.id,
    }))
  )
  await deleteRecall(sql, opened.id)
}

/**
 * A recall rehearsal: the same scope computed without changing anything, timed, with its mass
 * balance, and kept in the mock recall history.
 */
export async function runMockRecall(sql: Sql, input: { lot_ids: string[]; actor_id?: string | null }) {
  const { report, summary } = await recallScope(sql, input.lot_ids)
  const id = generateEntityId(undefined, "mockrcl")
  await insertMockRecall(sql, {
    id,
    lot_ids: input.lot_ids,
    lot_numbers: report.lots.filter((l) => l.relation === "start").map((l) => l.lot_number),
    ran_by: input.actor_id ?? null,
    summary,
  })
  return { id, summary, report }
}

export type RecallClosing = { recall_id: string; reason: string; actor_id?: string | null; reopen?: boolean }

/** Closes an open recall, recording who closed it and why. Lots keep their status. */
export async function closeRecall(sql: Sql, input: RecallClosing) {
  const recall = await lockRecall(sql, input.recall_id)
  if (!recall) {
    throw recallNotFound(input.recall_id)
  }
  if (input.reopen) {
    // Compensation of a close that could not be completed.
    await setRecallClosure(sql, recall.id, { status: RecallStatus.OPEN, closed_at: null, closed_by: null, close_reason: null })
    return recall
  }
  if (recall.status === RecallStatus.CLOSED) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Recall ${recall.recall_number} is already closed.`)
  }
  await setRecallClosure(sql, recall.id, {
    status: RecallStatus.CLOSED,
    closed_at: new Date(),
    closed_by: input.actor_id ?? null,
    close_reason: input.reason,
  })
  return recall
}

export function recallNotFound(recallId: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Recall with id: ${recallId} was not found`)
}
