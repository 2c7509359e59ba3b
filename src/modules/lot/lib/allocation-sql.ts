import { generateEntityId } from "@medusajs/framework/utils"
import type { AllocatableLot } from "../domain/allocation"
import type { LotStatus } from "../types"
import type { Sql } from "./sql"

type CandidateRow = {
  stock_id: string
  lot_id: string
  lot_number: string
  status: LotStatus
  expires_at: Date | null
  received_at: Date
  available: number
}

export type LockedCandidate = AllocatableLot & { stock_id: string }

/**
 * Serialises allocation of one order line across transactions and processes (a transaction-scoped
 * advisory lock), so a replayed `order.placed` cannot allocate the same line twice.
 */
export async function lockOrderLine(sql: Sql, lineItemId: string): Promise<void> {
  await sql.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [`lot-allocation:${lineItemId}`])
}

export async function openAllocatedQuantity(sql: Sql, lineItemId: string, locationId: string): Promise<number> {
  const [row] = await sql.execute<{ total: number }[]>(
    `SELECT COALESCE(SUM(quantity), 0)::int AS total FROM lot_allocation
      WHERE line_item_id = ? AND location_id = ? AND status = 'open' AND deleted_at IS NULL`,
    [lineItemId, locationId]
  )
  return Number(row.total)
}

/**
 * Locks every stock row of the item at the location that still has unallocated units, in id order
 * (one global order, so concurrent allocations never deadlock). All statuses are returned so a
 * shortfall can say why lots were passed over.
 */
export async function lockAllocationCandidates(
  sql: Sql,
  inventoryItemId: string,
  locationId: string
): Promise<LockedCandidate[]> {
  const rows = await sql.execute<CandidateRow[]>(
    `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.expires_at, l.received_at,
            s.quantity - s.allocated_quantity AS available
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE l.inventory_item_id = ? AND s.location_id = ?
        AND s.quantity > s.allocated_quantity
        AND s.deleted_at IS NULL AND l.deleted_at IS NULL
      ORDER BY s.id
      FOR UPDATE OF s`,
    [inventoryItemId, locationId]
  )
  return rows.map((r) => ({
    ...r,
    available: Number(r.available),
    expires_at: r.expires_at ? new Date(r.expires_at) : null,
    received_at: new Date(r.received_at),
  }))
}

export async function addAllocated(sql: Sql, stockId: string, quantity: number): Promise<void> {
  await sql.execute(`UPDATE lot_stock SET allocated_quantity = allocated_quantity + ?, updated_at = now() WHERE id = ?`, [
    quantity,
    stockId,
  ])
}

export async function insertAllocation(
  sql: Sql,
  row: {
    order_id: string
    line_item_id: string
    inventory_item_id: string
    location_id: string
    lot_id: string
    quantity: number
    status?: "open" | "fulfilled"
    fulfillment_id?: string | null
  }
): Promise<string> {
  const id = generateEntityId(undefined, "lotalloc")
  await sql.execute(
    `INSERT INTO lot_allocation (id, order_id, line_item_id, inventory_item_id, location_id, lot_id, quantity, status, fulfillment_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      row.order_id,
      row.line_item_id,
      row.inventory_item_id,
      row.location_id,
      row.lot_id,
      row.quantity,
      row.status ?? "open",
      row.fulfillment_id ?? null,
    ]
  )
  return id
}

/** Moves `quantity` units of an open allocation to `status`: the whole row, or a split-off part. */
export async function settleAllocationPart(
  sql: Sql,
  row: { id: string; quantity: number },
  quantity: number,
  status: "fulfilled" | "released",
  fulfillmentId: string | null
): Promise<string> {
  if (quantity === row.quantity) {
    await sql.execute(`UPDATE lot_allocation SET status = ?, fulfillment_id = ?, updated_at = now() WHERE id = ?`, [
      status,
      fulfillmentId,
      row.id,
    ])
    return row.id
  }
  const id = generateEntityId(undefined, "lotalloc")
  await sql.execute(
    `INSERT INTO lot_allocation (id, order_id, line_item_id, inventory_item_id, location_id, lot_id, quantity, status, fulfillment_id)
     SELECT ?, order_id, line_item_id, inventory_item_id, location_id, lot_id, ?, ?, ? FROM lot_allocation WHERE id = ?`,
    [id, quantity, status, fulfillmentId, row.id]
  )
  await sql.execute(`UPDATE lot_allocation SET quantity = quantity - ?, updated_at = now() WHERE id = ?`, [quantity, row.id])
  return id
}

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

export type LineStockRow = LockedCandidate & { quantity: number; allocated_quantity: number }

/** Locks every stock row of the item at the location (id order), whatever is allocated. */
export async function lockItemStockAt(sql: Sql, inventoryItemId: string, locationId: string): Promise<LineStockRow[]> {
  const rows = await sql.execute<(CandidateRow & { quantity: number; allocated_quantity: number })[]>(
    `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.expires_at, l.received_at,
            s.quantity, s.allocated_quantity, s.quantity - s.allocated_quantity AS available
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE l.inventory_item_id = ? AND s.location_id = ? AND s.deleted_at IS NULL AND l.deleted_at IS NULL
      ORDER BY s.id
      FOR UPDATE OF s`,
    [inventoryItemId, locationId]
  )
  return rows.map((r) => ({
    ...r,
    quantity: Number(r.quantity),
    allocated_quantity: Number(r.allocated_quantity),
    available: Number(r.available),
    expires_at: r.expires_at ? new Date(r.expires_at) : null,
    received_at: new Date(r.received_at),
  }))
}

export type OpenAllocationRow = {
  id: string
  lot_id: string
  location_id: string
  quantity: number
  expires_at: Date | null
}

/** The line's open allocations, locked, least preferred last (latest expiry, then newest). */
export async function lockOpenAllocations(sql: Sql, lineItemId: string): Promise<OpenAllocationRow[]> {
  const rows = await sql.execute<OpenAllocationRow[]>(
    `SELECT a.id, a.lot_id, a.location_id, a.quantity, l.expires_at
       FROM lot_allocation a JOIN lot l ON l.id = a.lot_id
      WHERE a.line_item_id = ? AND a.status = 'open' AND a.deleted_at IS NULL
      ORDER BY l.expires_at ASC NULLS LAST, a.id
      FOR UPDATE OF a`,
    [lineItemId]
  )
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }))
}

export async function findLotsByIdOrNumber(
  sql: Sql,
  ids: string[],
  numbers: string[]
): Promise<{ id: string; lot_number: string; inventory_item_id: string }[]> {
  if (!ids.length && !numbers.length) {
    return []
  }
  return await sql.execute(
    `SELECT id, lot_number, inventory_item_id FROM lot
      WHERE deleted_at IS NULL AND (id IN (?) OR lot_number IN (?))`,
    [ids.length ? ids : [""], numbers.length ? numbers : [""]]
  )
}

/**
 * Share-locks the item's lots that have stock at the location, in id order, before their stock
 * rows are locked: a status change (which locks the lot row) then waits for an allocation in
 * progress instead of missing it, and every path takes lot before stock, so none can deadlock.
 */
export async function lockLotsShared(sql: Sql, inventoryItemId: string, locationId: string): Promise<void> {
  await sql.execute(
    `SELECT l.id FROM lot l
      WHERE l.inventory_item_id = ? AND l.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM lot_stock s WHERE s.lot_id = l.id AND s.location_id = ? AND s.deleted_at IS NULL)
      ORDER BY l.id
      FOR SHARE`,
    [inventoryItemId, locationId]
  )
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
