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

export type EarliestFreeLot = { lot_id: string; lot_number: string; location_id: string; expires_at: Date }
export type EarliestFreeLotQuery = { inventory_item_id: string; location_ids: string[]; must_outlast: Date; except_lot_id: string }

/**
 * Per location, the earliest-expiring lot of an item that could ship now (released, keeping past
 * `mustOutlast`) and has free units there, other than `exceptLotId`: what FEFO would have a
 * picker take first from the shelf (unlocked: it only words a warning).
 */
export async function earliestFreeLotPerLocation(
  sql: Sql,
  query: EarliestFreeLotQuery
): Promise<EarliestFreeLot[]> {
  if (!query.location_ids.length) {
    return []
  }
  const rows = await sql.execute<EarliestFreeLot[]>(
    `SELECT DISTINCT ON (s.location_id) s.location_id, l.id AS lot_id, l.lot_number, l.expires_at
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE l.inventory_item_id = ? AND s.location_id IN (?) AND l.id <> ?
        AND s.deleted_at IS NULL AND l.deleted_at IS NULL
        AND l.status = 'released' AND l.expires_at IS NOT NULL AND l.expires_at > ?
        AND s.quantity > s.allocated_quantity + s.quarantined_quantity
      ORDER BY s.location_id, l.expires_at, l.id`,
    [query.inventory_item_id, query.location_ids, query.except_lot_id, query.must_outlast]
  )
  return rows.map((r) => ({ ...r, expires_at: new Date(r.expires_at) }))
}
