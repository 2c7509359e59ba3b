import { generateEntityId } from "@medusajs/framework/utils"
import { LotStatus, type StockGain } from "../types"
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

/**
 * Order lines with an open shortfall of the item of a gaining lot that is released (the only
 * status allocation takes), at the gain's location — a shortfall is recorded where the line is
 * reserved, and allocation looks only there.
 */
export async function listShortLinesOfStock(sql: Sql, gains: StockGain[]): Promise<{ order_id: string; line_item_id: string }[]> {
  if (!gains.length) {
    return []
  }
  return await sql.execute<{ order_id: string; line_item_id: string }[]>(
    `SELECT DISTINCT s.order_id, s.line_item_id
       FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[]) AS g(lot_id, location_id)
       JOIN lot l ON l.id = g.lot_id AND l.status = ? AND l.deleted_at IS NULL
       JOIN lot_allocation_shortfall s ON s.inventory_item_id = l.inventory_item_id
        AND (g.location_id IS NULL OR s.location_id = g.location_id)
      WHERE s.resolved_at IS NULL AND s.deleted_at IS NULL`,
    [gains.map((g) => g.lot_id), gains.map((g) => g.location_id), LotStatus.RELEASED]
  )
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
