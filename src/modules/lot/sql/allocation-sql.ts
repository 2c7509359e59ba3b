import { generateEntityId } from "@medusajs/framework/utils"
import { ineligibilityReason, mustOutlast, type AllocatableLot, type AllocationRules } from "../domain/allocation"
import { ALLOCATION_KEEP_ORDER, parseSortKey, STRATEGY_ORDER, type SortField, type SortKey } from "../domain/strategy-order"
import type { AllocationStrategy } from "../types"
import type { Sql } from "./sql"

export type LockedCandidate = AllocatableLot & { stock_id: string }

/**
 * Serialises allocation of one order line across transactions and processes (a transaction-scoped
 * advisory lock), so a replayed `order.placed` cannot allocate the same line twice.
 */
export async function lockOrderLine(sql: Sql, lineItemId: string): Promise<void> {
  await sql.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [`lot-allocation:${lineItemId}`])
}

/** Whether the line's units in this fulfillment were already taken out of lots (shipped or since canceled). */
export async function isLineBookedInFulfillment(sql: Sql, lineItemId: string, fulfillmentId: string): Promise<boolean> {
  const rows = await sql.execute<{ id: string }[]>(
    `SELECT id FROM lot_allocation WHERE line_item_id = ? AND fulfillment_id = ? AND deleted_at IS NULL LIMIT 1`,
    [lineItemId, fulfillmentId]
  )
  return rows.length > 0
}

export async function openAllocatedQuantity(sql: Sql, lineItemId: string, locationId: string): Promise<number> {
  const [row] = await sql.execute<{ total: number }[]>(
    `SELECT COALESCE(SUM(quantity), 0)::int AS total FROM lot_allocation
      WHERE line_item_id = ? AND location_id = ? AND status = 'open' AND deleted_at IS NULL`,
    [lineItemId, locationId]
  )
  return Number(row.total)
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

export type OpenAllocationRow = {
  id: string
  lot_id: string
  location_id: string
  quantity: number
  expires_at: Date | null
}

/** The line's open allocations, locked, in ALLOCATION_KEEP_ORDER (least preferred last). */
export async function lockOpenAllocations(sql: Sql, lineItemId: string): Promise<OpenAllocationRow[]> {
  const rows = await sql.execute<OpenAllocationRow[]>(
    `SELECT a.id, a.lot_id, a.location_id, a.quantity, l.expires_at
       FROM lot_allocation a JOIN lot l ON l.id = a.lot_id
      WHERE a.line_item_id = ? AND a.status = 'open' AND a.deleted_at IS NULL
      ORDER BY ${KEEP_ORDER_BY}
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

export type EligibilityQuery = {
  inventory_item_id: string
  location_id: string
  strategy: AllocationStrategy
  /** Lots must not expire on or before this instant (ship date + minimum remaining shelf life). */
  must_outlast: Date
  exclude_lot_ids: string[]
  exclude_stock_ids: string[]
}

/** Which lots may serve a line at a location (see pickEligibleStockIds). */
export function eligibilityQuery(
  inventoryItemId: string,
  locationId: string,
  rules: AllocationRules,
  excludedLotIds: string[]
): EligibilityQuery {
  return {
    inventory_item_id: inventoryItemId,
    location_id: locationId,
    strategy: rules.strategy,
    must_outlast: mustOutlast(rules),
    exclude_lot_ids: excludedLotIds,
    exclude_stock_ids: [],
  }
}

// The columns the sort keys name, as the statements here alias them (lot `l`, allocation `a`).
const SORT_COLUMN: Record<SortField, string> = { expiry: "l.expires_at", received: "l.received_at", lot: "l.id", allocation: "a.id" }

/** The `ORDER BY` text of sort keys from domain/strategy-order.ts. */
export function orderBySql(keys: readonly SortKey[]): string {
  return keys
    .map(parseSortKey)
    .map((key) => `${SORT_COLUMN[key.field]} ${key.descending ? "DESC" : "ASC"}${key.nulls_last ? " NULLS LAST" : ""}`)
    .join(", ")
}

// FEFO sorts by expiry here and by removal date in compareLots: the lead days shift every lot of
// an item alike, so both give the same order.
export const ORDER_BY: Record<AllocationStrategy, string> = {
  fefo: orderBySql(STRATEGY_ORDER.fefo),
  fifo: orderBySql(STRATEGY_ORDER.fifo),
  lifo: orderBySql(STRATEGY_ORDER.lifo),
}
const KEEP_ORDER_BY = orderBySql(ALLOCATION_KEEP_ORDER)

/**
 * The stock rows (not locked) of eligible lots that would cover `needed` units in strategy order:
 * released, keeping past `must_outlast`, with free units. A running sum stops at the first rows
 * that cover the need, so an item with thousands of lots costs a handful of rows, not all of them.
 */
export async function pickEligibleStockIds(sql: Sql, query: EligibilityQuery, needed: number): Promise<string[]> {
  // Every candidate has at least one free unit, so no more than `needed` rows can be needed:
  // the inner LIMIT lets an index serve the strategy order instead of sorting every lot.
  const rows = await sql.execute<{ id: string }[]>(
    `SELECT id FROM (
       SELECT id, free, SUM(free) OVER (ORDER BY position) AS running FROM (
         SELECT s.id, s.quantity - s.allocated_quantity - s.quarantined_quantity AS free,
                row_number() OVER (ORDER BY ${ORDER_BY[query.strategy]}) AS position
           FROM lot_stock s JOIN lot l ON l.id = s.lot_id
          WHERE l.inventory_item_id = ? AND s.location_id = ?
            AND s.deleted_at IS NULL AND l.deleted_at IS NULL
            AND l.status = 'released' AND (l.expires_at IS NULL OR l.expires_at > ?)
            AND s.quantity > s.allocated_quantity + s.quarantined_quantity
            AND l.id NOT IN (?) AND s.id NOT IN (?)
          ORDER BY ${ORDER_BY[query.strategy]}
          LIMIT ?
       ) first_rows
     ) ranked
     WHERE running - free < ?`,
    [
      query.inventory_item_id,
      query.location_id,
      query.must_outlast,
      query.exclude_lot_ids.length ? query.exclude_lot_ids : [""],
      query.exclude_stock_ids.length ? query.exclude_stock_ids : [""],
      needed,
      needed,
    ]
  )
  return rows.map((r) => r.id)
}

export type LockedStockRow = LockedCandidate & { quantity: number; allocated_quantity: number }

/**
 * Locks the given stock rows for update — their lots first, shared, so a status change waits for
 * this transaction instead of missing it; every path takes lot before stock, in id order, so none
 * can deadlock — and returns them as they are now (eligibility is re-checked by the caller).
 */
export async function lockStockRows(
  sql: Sql,
  where: { stock_ids: string[] } | { lot_ids: string[]; location_id: string }
): Promise<LockedStockRow[]> {
  const byIds = "stock_ids" in where
  if (byIds ? !where.stock_ids.length : !where.lot_ids.length) {
    return []
  }
  // deleted_at in the filter lets the partial indexes on lot_stock serve it.
  const filter = byIds
    ? "s.id IN (?) AND s.deleted_at IS NULL"
    : "s.lot_id IN (?) AND s.location_id = ? AND s.deleted_at IS NULL"
  const params = byIds ? [where.stock_ids] : [where.lot_ids, where.location_id]
  await sql.execute(
    `SELECT l.id FROM lot l WHERE l.id IN (SELECT s.lot_id FROM lot_stock s WHERE ${filter}) ORDER BY l.id FOR SHARE`,
    params
  )
  const rows = await sql.execute<(LockedCandidate & { quantity: number; allocated_quantity: number })[]>(
    `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.expires_at, l.received_at,
            s.quantity, s.allocated_quantity, s.quantity - s.allocated_quantity - s.quarantined_quantity AS available
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE ${filter} AND s.deleted_at IS NULL AND l.deleted_at IS NULL
      ORDER BY s.id
      FOR UPDATE OF s`,
    params
  )
  return rows.map(toLocked)
}

/** A few lots with stock here that may not ship (unlocked): the words for a shortfall or a refusal. */
export async function sampleIneligibleLots(sql: Sql, query: EligibilityQuery, limit = 4): Promise<LockedStockRow[]> {
  const rows = await sql.execute<(LockedCandidate & { quantity: number; allocated_quantity: number })[]>(
    `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.expires_at, l.received_at,
            s.quantity, s.allocated_quantity, s.quantity - s.allocated_quantity - s.quarantined_quantity AS available
       FROM lot_stock s JOIN lot l ON l.id = s.lot_id
      WHERE l.inventory_item_id = ? AND s.location_id = ? AND s.quantity > 0
        AND s.deleted_at IS NULL AND l.deleted_at IS NULL
        AND (l.status <> 'released' OR l.expires_at <= ?)
      ORDER BY l.expires_at ASC NULLS LAST, l.id
      LIMIT ?`,
    [query.inventory_item_id, query.location_id, query.must_outlast, limit]
  )
  return rows.map(toLocked)
}

function toLocked(r: LockedCandidate & { quantity: number; allocated_quantity: number }): LockedStockRow {
  return {
    ...r,
    quantity: Number(r.quantity),
    allocated_quantity: Number(r.allocated_quantity),
    available: Number(r.available),
    expires_at: r.expires_at ? new Date(r.expires_at) : null,
    received_at: new Date(r.received_at),
  }
}

/**
 * Locks eligible stock rows until they cover `needed` free units (or none are left), starting
 * from rows already locked. Rows are picked unlocked, then locked and re-checked: one that changed
 * while we waited (allocated elsewhere, put on hold) simply counts for less and more are fetched.
 */
export async function lockCoveringStock(
  sql: Sql,
  query: EligibilityQuery,
  rules: AllocationRules,
  needed: number,
  locked: LockedStockRow[] = []
): Promise<LockedStockRow[]> {
  const rows = [...locked]
  for (let round = 0; round < 5; round++) {
    const free = rows.filter((r) => ineligibilityReason(r, rules) === null).reduce((sum, r) => sum + r.available, 0)
    if (free >= needed) break
    const ids = await pickEligibleStockIds(sql, { ...query, exclude_stock_ids: rows.map((r) => r.stock_id) }, needed - free)
    if (!ids.length) break
    rows.push(...(await lockStockRows(sql, { stock_ids: ids })))
  }
  return rows
}

/** Runs `work` again when PostgreSQL broke a lock cycle by aborting it (deadlock, serialization). */
export async function retryOnLockConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      const code = (error as { code?: string })?.code
      if (attempt >= attempts || (code !== "40P01" && code !== "40001")) {
        throw error
      }
    }
  }
}
