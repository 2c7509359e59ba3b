import { generateEntityId } from "@medusajs/framework/utils"
import type { Sql } from "./sql"

export type ReturnSurplusInput = {
  return_id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
}
export type ReturnSurplusUnits = { inventory_item_id: string; location_id: string; quantity: number }

/** Units of a returned line already recorded as surplus (restocked by Medusa, in no lot). */
export async function surplusReturnUnits(sql: Sql, returnId: string, line: { line_item_id: string; inventory_item_id: string }): Promise<number> {
  const [row] = await sql.execute<{ surplus: string | null }[]>(
    `SELECT SUM(quantity) AS surplus FROM lot_return_surplus
      WHERE return_id = ? AND line_item_id = ? AND inventory_item_id = ? AND deleted_at IS NULL`,
    [returnId, line.line_item_id, line.inventory_item_id]
  )
  return Number(row?.surplus ?? 0)
}

/** Records returned units that go into no lot; returns the new rows' ids. */
export async function insertReturnSurplus(sql: Sql, surplus: ReturnSurplusInput[]): Promise<string[]> {
  if (!surplus.length) {
    return []
  }
  const ids = surplus.map(() => generateEntityId(undefined, "lotrsur"))
  await sql.execute(
    `INSERT INTO lot_return_surplus (id, return_id, order_id, line_item_id, inventory_item_id, location_id, quantity)
     SELECT * FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::int[])`,
    [
      ids,
      surplus.map((s) => s.return_id),
      surplus.map((s) => s.order_id),
      surplus.map((s) => s.line_item_id),
      surplus.map((s) => s.inventory_item_id),
      surplus.map((s) => s.location_id),
      surplus.map((s) => s.quantity),
    ]
  )
  return ids
}

/** Takes back surplus rows a receipt recorded (its compensation). */
export async function deleteReturnSurplus(sql: Sql, ids: string[]): Promise<void> {
  if (ids.length) {
    await sql.execute(`UPDATE lot_return_surplus SET deleted_at = now() WHERE id IN (?) AND deleted_at IS NULL`, [ids])
  }
}

/** Surplus returned units per item and location, for the stock check's explanation. */
export async function sumReturnSurplus(sql: Sql, inventoryItemIds: string[]): Promise<ReturnSurplusUnits[]> {
  if (!inventoryItemIds.length) {
    return []
  }
  const rows = await sql.execute<{ inventory_item_id: string; location_id: string; quantity: string }[]>(
    `SELECT inventory_item_id, location_id, SUM(quantity) AS quantity FROM lot_return_surplus
      WHERE inventory_item_id IN (?) AND deleted_at IS NULL
      GROUP BY inventory_item_id, location_id`,
    [inventoryItemIds]
  )
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }))
}
