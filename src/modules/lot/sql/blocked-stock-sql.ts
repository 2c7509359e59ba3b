import type { LotStockBlockRow } from "../domain/blocked-stock"
import type { Sql } from "./sql"

/** Stock rows of the lots with what keeping their blocking reservations right needs, by id. */
export async function listStockBlocksOfLots(sql: Sql, lotIds: string[]): Promise<LotStockBlockRow[]> {
  // The ids bound on both sides: with them only on lot_stock, a batch of a thousand lots was
  // planned as a hash join over every lot (a whole-table scan, twice per sweep batch).
  return await selectStockBlockRows(sql, "s.lot_id IN (?) AND l.id IN (?)", lotIds, 2)
}

/** Every stock row of the items' live lots, with what their blocks and counters need, by id. */
export async function listStockRowsOfItems(sql: Sql, itemIds: string[]): Promise<LotStockBlockRow[]> {
  return await selectStockBlockRows(sql, "l.inventory_item_id IN (?) AND l.deleted_at IS NULL", itemIds, 1)
}

/** `where` names the ids `bindings` times. */
async function selectStockBlockRows(sql: Sql, where: string, ids: string[], bindings: number): Promise<LotStockBlockRow[]> {
  if (!ids.length) {
    return []
  }
  const rows = await sql.execute<LotStockBlockRow[]>(
    `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.inventory_item_id, s.location_id,
            s.quantity, s.allocated_quantity, s.quarantined_quantity, s.blocked_reservation_id
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE ${where} AND s.deleted_at IS NULL
      ORDER BY s.id`,
    Array.from({ length: bindings }, () => ids)
  )
  return rows.map((r) => ({
    ...r,
    quantity: Number(r.quantity),
    allocated_quantity: Number(r.allocated_quantity),
    quarantined_quantity: Number(r.quarantined_quantity),
  }))
}

export type BlockedReservationChange = { stock_id: string; expected: string | null; next: string | null }

/**
 * Points stock rows at their blocking reservations, each only if it still points at `expected`
 * (compare-and-set), in one statement; returns the ids of the rows that were set.
 */
export async function compareAndSetBlockedReservations(sql: Sql, changes: BlockedReservationChange[]): Promise<string[]> {
  if (!changes.length) {
    return []
  }
  const rows = await sql.execute<{ id: string }[]>(
    `UPDATE lot_stock s SET blocked_reservation_id = c.next
       FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[]) AS c(stock_id, expected, next)
      WHERE s.id = c.stock_id AND s.blocked_reservation_id IS NOT DISTINCT FROM c.expected
      RETURNING s.id`,
    [changes.map((c) => c.stock_id), changes.map((c) => c.expected), changes.map((c) => c.next)]
  )
  return rows.map((r) => r.id)
}

/** A stock row whose blocking reservation is one of the given reservations. */
export type StockBlockOfReservation = {
  stock_id: string
  lot_id: string
  location_id: string
  reservation_id: string
}

/** The stock rows pointing at the given reservations as their blocks (deleted ones included). */
export async function listStockBlocksOfReservations(sql: Sql, reservationIds: string[]): Promise<StockBlockOfReservation[]> {
  if (!reservationIds.length) {
    return []
  }
  return await sql.execute<StockBlockOfReservation[]>(
    `SELECT s.id AS stock_id, s.lot_id, s.location_id, s.blocked_reservation_id AS reservation_id
       FROM lot_stock s
      WHERE s.blocked_reservation_id IN (?) AND s.deleted_at IS NULL
      ORDER BY s.id`,
    [reservationIds]
  )
}
