import { generateEntityId } from "@medusajs/framework/utils"
import type { RecallActionType, RecallNoticeMethod } from "../types/statuses"
import type { Sql } from "./sql"

export type RecallActionInput = {
  type: RecallActionType
  customer_key: string | null
  method: RecallNoticeMethod | null
  note: string | null
}

/** Appends entries to a recall's activity, one statement for all of them. */
export async function insertRecallActions(sql: Sql, recallId: string, actorId: string | null, actions: RecallActionInput[]) {
  if (!actions.length) {
    return
  }
  await sql.execute(
    `INSERT INTO recall_action (id, recall_id, type, customer_key, method, note, actor_id)
     SELECT id, ?, type, customer_key, method, note, ?
       FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[])
         AS a(id, type, customer_key, method, note)`,
    [
      recallId,
      actorId,
      actions.map(() => generateEntityId(undefined, "rclact")),
      actions.map((a) => a.type),
      actions.map((a) => a.customer_key),
      actions.map((a) => a.method),
      actions.map((a) => a.note),
    ]
  )
}
