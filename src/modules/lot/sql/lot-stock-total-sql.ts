import type { Sql } from "./sql"

export type LotStockTotal = {
  inventory_item_id: string
  location_id: string
  quantity: number
  allocated_quantity: number
}

/** Lot stock summed per inventory item and location, of every item or of the given ones. */
export async function sumLotStockByItemAndLocation(sql: Sql, inventoryItemIds?: string[]): Promise<LotStockTotal[]> {
  if (inventoryItemIds && !inventoryItemIds.length) {
    return []
  }
  // The filter is a fixed clause, present or not: the statement text never holds input.
  const rows = await sql.execute<LotStockTotal[]>(
    `SELECT l.inventory_item_id, s.location_id,
            SUM(s.quantity)::bigint AS quantity, SUM(s.allocated_quantity)::bigint AS allocated_quantity
       FROM lot_stock s
       JOIN lot l ON l.id = s.lot_id AND l.deleted_at IS NULL
      WHERE s.deleted_at IS NULL ${inventoryItemIds ? "AND l.inventory_item_id IN (?)" : ""}
      GROUP BY l.inventory_item_id, s.location_id`,
    inventoryItemIds ? [inventoryItemIds] : []
  )
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity), allocated_quantity: Number(r.allocated_quantity) }))
}
