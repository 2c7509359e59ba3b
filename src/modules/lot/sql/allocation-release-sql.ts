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

/** Marks those of the allocations that are still open as released; returns them. */
export async function markAllocationsReleased(sql: Sql, allocationIds: string[]): Promise<ReleasedAllocation[]> {
  const rows = await sql.execute<ReleasedAllocation[]>(
    `UPDATE lot_allocation SET status = 'released', updated_at = now()
      WHERE id IN (?) AND status = 'open' AND deleted_at IS NULL
      RETURNING id AS allocation_id, order_id, line_item_id, inventory_item_id, lot_id, location_id, quantity`,
    [allocationIds]
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
