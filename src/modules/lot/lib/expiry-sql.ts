import type { LotStatus } from "../types"
import type { Sql } from "./sql"

export type ExpiredLot = { id: string; lot_number: string; inventory_item_id: string; from_status: LotStatus }

/**
 * One batch of the expiry sweep as a single statement: pick due lots (oldest expiry first,
 * skipping rows other transactions hold), mark them expired and write their history entries.
 */
export async function expireDueLotsSql(sql: Sql, asOf: Date, limit: number): Promise<ExpiredLot[]> {
  return await sql.execute<ExpiredLot[]>(
    `WITH due AS (
       SELECT id, status FROM lot
        WHERE deleted_at IS NULL AND expires_at <= ? AND status IN ('quarantine', 'released', 'on_hold')
        ORDER BY expires_at, id
        LIMIT ?
        FOR NO KEY UPDATE SKIP LOCKED
     ), expired AS (
       UPDATE lot l SET status = 'expired', updated_at = now()
         FROM due WHERE l.id = due.id
       RETURNING l.id, l.lot_number, l.inventory_item_id, due.status AS from_status, l.expires_at
     ), history AS (
       INSERT INTO lot_event (id, lot_id, type, from_status, to_status, reason, data)
       SELECT 'lotevt_' || upper(replace(gen_random_uuid()::text, '-', '')), id, 'expired', from_status, 'expired',
              'passed its expiry date', jsonb_build_object('expires_at', expires_at)
         FROM expired
     )
     SELECT id, lot_number, inventory_item_id, from_status FROM expired`,
    [asOf, limit]
  )
}
