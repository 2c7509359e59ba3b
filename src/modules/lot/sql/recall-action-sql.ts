import { generateEntityId } from "@medusajs/framework/utils"
import type { RecalledCustomerUnits, RecalledLotUnits } from "../domain/recall-units"
import { RecallActionType, type RecallNoticeMethod } from "../types/statuses"
import type { Sql } from "./sql"

export type RecallActionInput = {
  type: RecallActionType
  customer_key: string | null
  method: RecallNoticeMethod | null
  note: string | null
  lot_id?: string | null
  location_id?: string | null
  quantity?: number | null
}

/** Appends entries to a recall's activity, one statement for all of them. */
export async function insertRecallActions(sql: Sql, recallId: string, actorId: string | null, actions: RecallActionInput[]) {
  if (!actions.length) {
    return
  }
  await sql.execute(
    `INSERT INTO recall_action (id, recall_id, type, customer_key, method, note, lot_id, location_id, quantity, actor_id)
     SELECT id, ?, type, customer_key, method, note, lot_id, location_id, quantity, ?
       FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[],
                   ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::int[])
         AS a(id, type, customer_key, method, note, lot_id, location_id, quantity)`,
    [
      recallId,
      actorId,
      actions.map(() => generateEntityId(undefined, "rclact")),
      actions.map((a) => a.type),
      actions.map((a) => a.customer_key),
      actions.map((a) => a.method),
      actions.map((a) => a.note),
      actions.map((a) => a.lot_id ?? null),
      actions.map((a) => a.location_id ?? null),
      actions.map((a) => a.quantity ?? null),
    ]
  )
}

/** A lot of a recall's scope and what has come back of it; null when the lot is not in the recall. */
export async function recalledLotUnits(sql: Sql, recallId: string, lotId: string): Promise<RecalledLotUnits | null> {
  const [row] = await sql.execute<Record<string, string | number>[]>(
    `SELECT l.lot_number, l.outstanding_quantity AS outstanding_at_recall,
            (SELECT COALESCE(SUM(e.quantity), 0) FROM lot_event e, recall r
              WHERE r.id = l.recall_id AND e.lot_id = l.lot_id AND e.type = 'returned' AND e.created_at >= r.created_at) AS returned_since,
            (SELECT COALESCE(SUM(a.quantity), 0) FROM recall_action a
              WHERE a.recall_id = l.recall_id AND a.lot_id = l.lot_id AND a.type = ?) AS recorded_recovered
       FROM recall_lot l
      WHERE l.recall_id = ? AND l.lot_id = ? AND l.deleted_at IS NULL`,
    [RecallActionType.UNITS_RECOVERED, recallId, lotId]
  )
  return row
    ? {
        lot_number: String(row.lot_number),
        outstanding_at_recall: Number(row.outstanding_at_recall),
        returned_since: Number(row.returned_since),
        recorded_recovered: Number(row.recorded_recovered),
      }
    : null
}

/**
 * Units of a lot a recall's customer had when it opened, and what was recorded as recovered from
 * them since; null when the customer is not one of the recall's.
 */
export async function recalledCustomerLotUnits(sql: Sql, recallId: string, lotId: string, customerKey: string): Promise<RecalledCustomerUnits | null> {
  const [row] = await sql.execute<Record<string, string | number | null>[]>(
    `SELECT COALESCE(c.name, c.email, c.customer_key) AS customer,
            (SELECT COALESCE(SUM(s.outstanding_quantity), 0) FROM recall_shipment s
              WHERE s.recall_id = c.recall_id AND s.lot_id = ? AND s.customer_key = c.customer_key AND s.deleted_at IS NULL) AS outstanding_at_recall,
            (SELECT COALESCE(SUM(a.quantity), 0) FROM recall_action a
              WHERE a.recall_id = c.recall_id AND a.lot_id = ? AND a.customer_key = c.customer_key AND a.type = ?) AS recorded_recovered
       FROM recall_customer c
      WHERE c.recall_id = ? AND c.customer_key = ? AND c.deleted_at IS NULL`,
    [lotId, lotId, RecallActionType.UNITS_RECOVERED, recallId, customerKey]
  )
  return row
    ? { customer: String(row.customer), outstanding_at_recall: Number(row.outstanding_at_recall), recorded_recovered: Number(row.recorded_recovered) }
    : null
}
