import type { Sql } from "./sql"

/** Free units of a lot per location other than `exceptLocationId` (unlocked: words for a refusal). */
export async function freeStockElsewhere(
  sql: Sql,
  lotId: string,
  exceptLocationId: string
): Promise<{ location_id: string; free: number }[]> {
  const rows = await sql.execute<{ location_id: string; free: number }[]>(
    `SELECT location_id, quantity - allocated_quantity - quarantined_quantity AS free FROM lot_stock
      WHERE lot_id = ? AND location_id <> ? AND deleted_at IS NULL
        AND quantity > allocated_quantity + quarantined_quantity
      ORDER BY location_id`,
    [lotId, exceptLocationId]
  )
  return rows.map((r) => ({ location_id: r.location_id, free: Number(r.free) }))
}
