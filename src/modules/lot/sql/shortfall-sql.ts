import { generateEntityId } from "@medusajs/framework/utils"
import type { Sql } from "./sql"

// A shortfall records the units of an order line that no eligible lot covered when it was allocated.

/** Marks the line's open shortfalls covered; returns their ids. */
export async function resolveShortfalls(sql: Sql, lineItemId: string): Promise<string[]> {
  const rows = await sql.execute<{ id: string }[]>(
    `UPDATE lot_allocation_shortfall SET resolved_at = now(), updated_at = now()
      WHERE line_item_id = ? AND resolved_at IS NULL AND deleted_at IS NULL RETURNING id`,
    [lineItemId]
  )
  return rows.map((r) => r.id)
}

export async function insertShortfall(
  sql: Sql,
  row: { order_id: string; line_item_id: string; inventory_item_id: string; location_id: string; quantity: number; reason: string }
): Promise<string> {
  const id = generateEntityId(undefined, "lotshort")
  await sql.execute(
    `INSERT INTO lot_allocation_shortfall (id, order_id, line_item_id, inventory_item_id, location_id, quantity, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [id, row.order_id, row.line_item_id, row.inventory_item_id, row.location_id, row.quantity, row.reason]
  )
  return id
}

/** Takes `units` off the line's open shortfall(s), closing those that reach zero. */
export async function coverShortfall(sql: Sql, lineItemId: string, units: number): Promise<void> {
  if (units <= 0) {
    return
  }
  const open = await sql.execute<{ id: string; quantity: number }[]>(
    `SELECT id, quantity FROM lot_allocation_shortfall
      WHERE line_item_id = ? AND resolved_at IS NULL AND deleted_at IS NULL ORDER BY created_at FOR UPDATE`,
    [lineItemId]
  )
  let left = units
  for (const row of open) {
    if (left <= 0) break
    const covered = Math.min(Number(row.quantity), left)
    left -= covered
    await sql.execute(
      `UPDATE lot_allocation_shortfall
          SET quantity = quantity - ?, resolved_at = CASE WHEN quantity - ? <= 0 THEN now() END, updated_at = now()
        WHERE id = ?`,
      [covered, covered, row.id]
    )
  }
}

/** Closes every open shortfall of an order (the order was canceled). */
export async function resolveOrderShortfalls(sql: Sql, orderId: string): Promise<void> {
  await sql.execute(
    `UPDATE lot_allocation_shortfall SET resolved_at = now(), updated_at = now()
      WHERE order_id = ? AND resolved_at IS NULL AND deleted_at IS NULL`,
    [orderId]
  )
}

/** Retires shortfalls that an allocation being undone had recorded. */
export async function deleteShortfalls(sql: Sql, ids: string[]): Promise<void> {
  if (!ids.length) {
    return
  }
  await sql.execute(`UPDATE lot_allocation_shortfall SET deleted_at = now() WHERE id IN (?)`, [ids])
}

/** Opens again shortfalls that an allocation being undone had resolved. */
export async function reopenShortfalls(sql: Sql, ids: string[]): Promise<void> {
  if (!ids.length) {
    return
  }
  await sql.execute(`UPDATE lot_allocation_shortfall SET resolved_at = NULL WHERE id IN (?)`, [ids])
}
