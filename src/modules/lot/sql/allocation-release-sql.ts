import type { ReleasedAllocation } from "../types"
import type { Sql } from "./sql"

/** Ids of the open allocations of these lots, locked in id order. */
export async function lockOpenAllocationIdsOfLots(sql: Sql, lotIds: string[]): Promise<string[]> {
  const rows = await sql.execute<{ id: string }[]>(
    `SELECT id FROM lot_allocation WHERE lot_id IN (?) AND status = 'open' AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
    [lotIds]
  )
  return rows.map((r) => r.id)
}

/** Ids of the open allocations of an order, locked in id order. */
export async function lockOpenAllocationIdsOfOrder(sql: Sql, orderId: string): Promise<string[]> {
  const rows = await sql.execute<{ id: string }[]>(
    `SELECT id FROM lot_allocation WHERE order_id = ? AND status = 'open' AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
    [orderId]
  )
  return rows.map((r) => r.id)
}

/**
 * Releases those of the allocations that are still open, as one statement: marks them released,
 * gives their units back to their lots' free stock (each stock row once, with the sum of its
 * allocations, locked in lot-then-location order like every multi-row lock) and writes one
 * `deallocated` history entry per allocation. Returns the released allocations.
 */
export async function releaseOpenAllocationsSql(sql: Sql, allocationIds: string[], reason: string): Promise<ReleasedAllocation[]> {
  const rows = await sql.execute<ReleasedAllocation[]>(
    `WITH released AS (
       UPDATE lot_allocation SET status = 'released', updated_at = now()
        WHERE id IN (?) AND status = 'open' AND deleted_at IS NULL
        RETURNING id AS allocation_id, order_id, line_item_id, inventory_item_id, lot_id, location_id, quantity
     ), freed AS (
       SELECT lot_id, location_id, sum(quantity) AS quantity FROM released GROUP BY lot_id, location_id
     ), locked AS (
       SELECT s.id, f.quantity FROM lot_stock s
         JOIN freed f ON f.lot_id = s.lot_id AND f.location_id = s.location_id
        WHERE s.deleted_at IS NULL
        ORDER BY s.lot_id COLLATE "C", s.location_id COLLATE "C"
          FOR UPDATE OF s
     ), stock AS (
       UPDATE lot_stock s SET allocated_quantity = s.allocated_quantity - locked.quantity, updated_at = now()
         FROM locked WHERE s.id = locked.id
     ), history AS (
       INSERT INTO lot_event (id, lot_id, type, quantity, location_id, reason, reference_type, reference_id, data)
       SELECT 'lotevt_' || upper(replace(gen_random_uuid()::text, '-', '')), lot_id, 'deallocated', -quantity, location_id,
              ?, 'order', order_id, jsonb_build_object('line_item_id', line_item_id, 'allocation_id', allocation_id)
         FROM released
     )
     SELECT * FROM released ORDER BY allocation_id`,
    [allocationIds, reason]
  )
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }))
}

/** Gives `quantity` allocated units of a lot at a location back to its free stock. */
export async function releaseAllocatedUnits(sql: Sql, lotId: string, locationId: string, quantity: number): Promise<void> {
  await sql.execute(
    `UPDATE lot_stock SET allocated_quantity = allocated_quantity - ?, updated_at = now()
      WHERE lot_id = ? AND location_id = ? AND deleted_at IS NULL`,
    [quantity, lotId, locationId]
  )
}

/** Opens a released or fulfilled allocation again (compensation), detached from any fulfillment. */
export async function reopenAllocation(sql: Sql, allocationId: string): Promise<void> {
  await sql.execute(`UPDATE lot_allocation SET status = 'open', fulfillment_id = NULL, updated_at = now() WHERE id = ?`, [
    allocationId,
  ])
}
