import { MedusaError } from "@medusajs/framework/utils"
import { insertRecallActions } from "../sql/recall-action-sql"
import { lockRecall, lockRecallCustomers, setCustomersNotified, type RecallCustomerNotice } from "../sql/recall-sql"
import type { Sql } from "../sql/sql"
import { RecallActionType, RecallStatus, type RecallNoticeMethod } from "../types/statuses"
import { recallNotFound } from "./recall"

export type RecallCustomersNotice = {
  recall_id: string
  customer_keys: string[]
  method: RecallNoticeMethod
  note?: string | null
  actor_id?: string | null
}

export type RecallNoticeWithdrawal = { recall_id: string; customer_keys: string[]; reason: string; actor_id?: string | null }

/** The customers' notices as they were before a change: what its compensation puts back. */
export type RecallNoticeUndo = { recall_id: string; before: RecallCustomerNotice[]; actor_id?: string | null }

/**
 * Locks an open recall and the named customers. Every key must be one of the recall's customers,
 * else nothing changes; `refuse` names customers the change does not apply to (already told, or
 * never told), and the message says so.
 */
async function lockCustomersToChange(
  sql: Sql,
  input: { recall_id: string; customer_keys: string[] },
  refuse: (row: RecallCustomerNotice) => string | null
) {
  const recall = await lockRecall(sql, input.recall_id)
  if (!recall) {
    throw recallNotFound(input.recall_id)
  }
  if (recall.status === RecallStatus.CLOSED) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Recall ${recall.recall_number} is closed: its customers' notices can no longer change.`)
  }
  const keys = [...new Set(input.customer_keys)]
  const rows = await lockRecallCustomers(sql, recall.id, keys)
  const unknown = keys.find((key) => !rows.some((row) => row.customer_key === key))
  if (unknown) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Customer ${unknown} is not among the customers of recall ${recall.recall_number}.`)
  }
  const refusal = rows.map(refuse).find(Boolean)
  if (refusal) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  }
  return { recall, rows }
}

/** Marks customers of an open recall as told, how and with what note; each is added to the recall's activity. */
export async function markRecallCustomersNotified(sql: Sql, input: RecallCustomersNotice): Promise<RecallCustomerNotice[]> {
  const { recall, rows } = await lockCustomersToChange(sql, input, (row) =>
    row.notified_at ? `Customer ${row.customer_key} was already marked notified; withdraw that notice first to record another.` : null
  )
  const note = input.note?.trim() || null
  const keys = rows.map((row) => row.customer_key)
  const actor = input.actor_id ?? null
  await setCustomersNotified(sql, recall.id, keys, { notified_at: new Date(), notified_by: actor, notification_method: input.method, notification_note: note })
  await insertRecallActions(
    sql,
    recall.id,
    actor,
    keys.map((key) => ({ type: RecallActionType.CUSTOMER_NOTIFIED, customer_key: key, method: input.method, note }))
  )
  return rows
}

/** Withdraws customers' notices (marked by mistake): they count as not told again; the reason joins the activity. */
export async function withdrawRecallCustomersNotice(sql: Sql, input: RecallNoticeWithdrawal): Promise<RecallCustomerNotice[]> {
  const { recall, rows } = await lockCustomersToChange(sql, input, (row) =>
    row.notified_at ? null : `Customer ${row.customer_key} is not marked notified; there is no notice to withdraw.`
  )
  const keys = rows.map((row) => row.customer_key)
  await setCustomersNotified(sql, recall.id, keys, { notified_at: null, notified_by: null, notification_method: null, notification_note: null })
  await insertRecallActions(
    sql,
    recall.id,
    input.actor_id ?? null,
    keys.map((key) => ({ type: RecallActionType.NOTICE_WITHDRAWN, customer_key: key, method: null, note: input.reason.trim() }))
  )
  return rows
}

/**
 * Compensation of either change: each customer's notice as it was. The activity keeps its entries
 * (append-only) and gains one per customer saying the change was taken back.
 */
export async function restoreRecallCustomersNotice(sql: Sql, undo: RecallNoticeUndo): Promise<void> {
  for (const row of undo.before) {
    const { customer_key, ...notice } = row
    await setCustomersNotified(sql, undo.recall_id, [customer_key], notice)
  }
  await insertRecallActions(
    sql,
    undo.recall_id,
    undo.actor_id ?? null,
    undo.before.map((row) => ({
      type: row.notified_at ? RecallActionType.CUSTOMER_NOTIFIED : RecallActionType.NOTICE_WITHDRAWN,
      customer_key: row.customer_key,
      method: row.notification_method,
      note: "restored: the change could not be completed",
    }))
  )
}
