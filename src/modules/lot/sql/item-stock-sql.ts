import type { LotStatus } from "../types"
import type { Sql } from "./sql"

/**
 * Serialises every assignment of untracked stock of one item at one location until the caller's
 * transaction ends. The lock is on the pair, not on a row: the rows that decide (all the item's
 * lot stock at the location) may not exist yet, so no row lock could cover them.
 */
export async function lockItemLocation(sql: Sql, inventoryItemId: string, locationId: string): Promise<void> {
  await sql.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [
    `lot-untracked:${inventoryItemId}:${locationId}`,
  ])
}

/** Units on hand in all live lots of an item at one location. */
export async function sumItemLotStockAt(sql: Sql, inventoryItemId: string, locationId: string): Promise<number> {
  const [row] = await sql.execute<{ quantity: string | number | null }[]>(
    `SELECT COALESCE(SUM(s.quantity), 0)::bigint AS quantity
       FROM lot_stock s
       JOIN lot l ON l.id = s.lot_id AND l.deleted_at IS NULL
      WHERE l.inventory_item_id = ? AND s.location_id = ? AND s.deleted_at IS NULL`,
    [inventoryItemId, locationId]
  )
  return Number(row?.quantity ?? 0)
}

export type LotStatusCount = { status: LotStatus; count: number }

/** How many live lots an item has in each status. */
export async function countItemLotsByStatus(sql: Sql, inventoryItemId: string): Promise<LotStatusCount[]> {
  const rows = await sql.execute<LotStatusCount[]>(
    `SELECT status, count(*)::int AS count FROM lot
      WHERE inventory_item_id = ? AND deleted_at IS NULL
      GROUP BY status ORDER BY status`,
    [inventoryItemId]
  )
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }))
}

export type LotOnHand = {
  id: string
  lot_number: string
  status: LotStatus
  expires_at: Date | null
  quantity: number
  allocated_quantity: number
}

export type LotsOnHandFilter = {
  /** Only lots in these statuses. */
  status?: LotStatus[]
  /** Only lots expiring on or after this moment (lots without expiry left out). */
  expires_from?: Date
}

/**
 * The item's lots that still hold units, earliest expiry first (lots without expiry last), at most
 * `limit`, and how many such lots there are in all.
 */
export async function listItemLotsOnHand(
  sql: Sql,
  inventoryItemId: string,
  limit: number,
  filter: LotsOnHandFilter = {}
): Promise<{ lots: LotOnHand[]; count: number }> {
  const where = ["l.inventory_item_id = ?", "l.deleted_at IS NULL"]
  const params: unknown[] = [inventoryItemId]
  if (filter.status) {
    where.push("l.status IN (?)")
    params.push(filter.status)
  }
  if (filter.expires_from) {
    where.push("l.expires_at >= ?")
    params.push(filter.expires_from)
  }
  const rows = await sql.execute<(LotOnHand & { total: number })[]>(
    `SELECT l.id, l.lot_number, l.status, l.expires_at,
            SUM(s.quantity)::int AS quantity, SUM(s.allocated_quantity)::int AS allocated_quantity,
            count(*) OVER ()::int AS total
       FROM lot l
       JOIN lot_stock s ON s.lot_id = l.id AND s.deleted_at IS NULL
      WHERE ${where.join(" AND ")}
      GROUP BY l.id
     HAVING SUM(s.quantity) > 0
      ORDER BY l.expires_at ASC NULLS LAST, l.id ASC
      LIMIT ?`,
    [...params, limit]
  )
  return {
    lots: rows.map(({ total: _total, ...lot }) => ({
      ...lot,
      quantity: Number(lot.quantity),
      allocated_quantity: Number(lot.allocated_quantity),
    })),
    count: rows.length ? Number(rows[0].total) : 0,
  }
}

export type ItemLotSummary = {
  /** Live lots of the item per status (every status present, 0 when none). */
  lots_by_status: Record<LotStatus, number>
  lot_count: number
  /** Lots still holding units, earliest expiry first (at most the requested number). */
  lots_on_hand: LotOnHand[]
  lots_on_hand_count: number
  /** The lot with units on hand that may still be sold and expires next, or null. */
  next_expiry: LotOnHand | null
}
