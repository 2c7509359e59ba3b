import { generateEntityId } from "@medusajs/framework/utils"
import type { LotStockRow, Sql } from "./sql"

/** A lot at a location: the key of a lot_stock row. */
export type LotAtLocation = { lot_id: string; location_id: string }

const sortedPairs = (pairs: LotAtLocation[]) => {
  const unique = new Map(pairs.map((p) => [`${p.lot_id}\u0000${p.location_id}`, p]))
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p)
}

/**
 * Creates the empty stock rows that do not exist yet, in one statement, inserted in lot and
 * location order so that two batches wait on each other's new rows in the same order.
 */
export async function insertMissingLotStock(sql: Sql, pairs: LotAtLocation[]): Promise<void> {
  const rows = sortedPairs(pairs)
  if (!rows.length) {
    return
  }
  await sql.execute(
    `INSERT INTO lot_stock (id, lot_id, location_id, quantity, allocated_quantity)
     SELECT id, lot_id, location_id, 0, 0
       FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[]) WITH ORDINALITY AS s(id, lot_id, location_id, n)
      ORDER BY n
     ON CONFLICT (lot_id, location_id) WHERE deleted_at IS NULL DO NOTHING`,
    [rows.map(() => generateEntityId(undefined, "lotstk")), rows.map((r) => r.lot_id), rows.map((r) => r.location_id)]
  )
}

/**
 * Locks the stock rows of lots at locations FOR UPDATE (the lock lockLotStock takes for one), in
 * lot and location order, so writers of the same rows queue and never deadlock each other.
 */
export async function lockLotStockRows(sql: Sql, pairs: LotAtLocation[]): Promise<LotStockRow[]> {
  const rows = sortedPairs(pairs)
  if (!rows.length) {
    return []
  }
  return await sql.execute<LotStockRow[]>(
    `SELECT s.id, s.lot_id, s.location_id, s.quantity, s.allocated_quantity, s.quarantined_quantity
       FROM lot_stock s
       JOIN unnest(ARRAY[?]::text[], ARRAY[?]::text[]) AS k(lot_id, location_id)
         ON s.lot_id = k.lot_id AND s.location_id = k.location_id
      WHERE s.deleted_at IS NULL
      ORDER BY s.lot_id, s.location_id
      FOR UPDATE OF s`,
    [rows.map((r) => r.lot_id), rows.map((r) => r.location_id)]
  )
}

/** Sets the on-hand quantity of several (locked) stock rows in one statement. */
export async function setLotStockQuantities(sql: Sql, rows: { id: string; quantity: number }[]): Promise<void> {
  if (!rows.length) {
    return
  }
  await sql.execute(
    `UPDATE lot_stock SET quantity = v.quantity, updated_at = now()
       FROM unnest(ARRAY[?]::text[], ARRAY[?]::int[]) AS v(id, quantity)
      WHERE lot_stock.id = v.id`,
    [rows.map((r) => r.id), rows.map((r) => r.quantity)]
  )
}
