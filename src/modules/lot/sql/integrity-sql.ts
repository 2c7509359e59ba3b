import { generateEntityId } from "@medusajs/framework/utils"
import type { LineHolding } from "../domain/integrity"
import type { LotEventTotals } from "../domain/mass-balance"
import type { LotEventType } from "../types"
import type { Sql } from "./sql"

// What the integrity checks read from the lot tables, per lot-tracked item, in a few grouped
// statements however many lots and orders there are.

/** Units in open allocations per stock row (lot and location) of the items. */
export async function sumOpenAllocationsByStock(sql: Sql, itemIds: string[]): Promise<Map<string, number>> {
  if (!itemIds.length) {
    return new Map()
  }
  const rows = await sql.execute<{ stock_id: string; quantity: string }[]>(
    `SELECT s.id AS stock_id, SUM(a.quantity)::bigint AS quantity
       FROM lot_allocation a
       JOIN lot_stock s ON s.lot_id = a.lot_id AND s.location_id = a.location_id AND s.deleted_at IS NULL
      WHERE a.inventory_item_id IN (?) AND a.status = 'open' AND a.deleted_at IS NULL
      GROUP BY s.id`,
    [itemIds]
  )
  return new Map(rows.map((r) => [r.stock_id, Number(r.quantity)]))
}

/** Open allocations and open shortfalls per order line and location, of the items. */
export async function sumOpenLineHoldings(sql: Sql, itemIds: string[]): Promise<Omit<LineHolding, "demand">[]> {
  if (!itemIds.length) {
    return []
  }
  const rows = await sql.execute<(Omit<LineHolding, "demand" | "allocated" | "short"> & { allocated: string; short: string })[]>(
    `SELECT order_id, line_item_id, inventory_item_id, location_id,
            SUM(allocated)::bigint AS allocated, SUM(short)::bigint AS short
       FROM (SELECT order_id, line_item_id, inventory_item_id, location_id, quantity AS allocated, 0 AS short
               FROM lot_allocation
              WHERE inventory_item_id IN (?) AND status = 'open' AND deleted_at IS NULL
             UNION ALL
             SELECT order_id, line_item_id, inventory_item_id, location_id, 0, quantity
               FROM lot_allocation_shortfall
              WHERE inventory_item_id IN (?) AND resolved_at IS NULL AND deleted_at IS NULL) held
      GROUP BY order_id, line_item_id, inventory_item_id, location_id`,
    [itemIds, itemIds]
  )
  return rows.map((r) => ({ ...r, allocated: Number(r.allocated), short: Number(r.short) }))
}

/** Per fulfillment and item: units the lots count as shipped in it, and whether they booked it at all. */
export async function sumFulfillmentBookings(
  sql: Sql,
  fulfillmentIds: string[]
): Promise<{ fulfillment_id: string; inventory_item_id: string; shipped: number; rows: number }[]> {
  if (!fulfillmentIds.length) {
    return []
  }
  const rows = await sql.execute<{ fulfillment_id: string; inventory_item_id: string; shipped: string; rows: string }[]>(
    `SELECT fulfillment_id, inventory_item_id,
            COALESCE(SUM(quantity) FILTER (WHERE status = 'fulfilled'), 0)::bigint AS shipped, COUNT(*)::bigint AS rows
       FROM lot_allocation
      WHERE fulfillment_id IN (?) AND deleted_at IS NULL
      GROUP BY fulfillment_id, inventory_item_id`,
    [fulfillmentIds]
  )
  return rows.map((r) => ({ ...r, shipped: Number(r.shipped), rows: Number(r.rows) }))
}

/** Signed history totals per lot and event type, of the items' lots. */
export async function sumLotEventsByLot(sql: Sql, itemIds: string[]): Promise<Map<string, LotEventTotals>> {
  if (!itemIds.length) {
    return new Map()
  }
  const rows = await sql.execute<{ lot_id: string; type: LotEventType; quantity: string }[]>(
    `SELECT e.lot_id, e.type, SUM(e.quantity)::bigint AS quantity
       FROM lot_event e JOIN lot l ON l.id = e.lot_id
      WHERE l.inventory_item_id IN (?) AND l.deleted_at IS NULL
      GROUP BY e.lot_id, e.type`,
    [itemIds]
  )
  const totals = new Map<string, LotEventTotals>()
  for (const row of rows) {
    totals.set(row.lot_id, { ...totals.get(row.lot_id), [row.type]: Number(row.quantity) })
  }
  return totals
}

/**
 * Sets stock rows' allocated counters to what their open allocations add up to, with the rows
 * locked; returns those that changed, before and after.
 */
export async function recountAllocatedQuantities(
  sql: Sql,
  stockIds: string[]
): Promise<{ stock_id: string; lot_id: string; inventory_item_id: string; location_id: string; before: number; after: number }[]> {
  if (!stockIds.length) {
    return []
  }
  const rows = await sql.execute<{ stock_id: string; lot_id: string; inventory_item_id: string; location_id: string; before: string; after: string }[]>(
    `WITH locked AS (
       SELECT id, lot_id, location_id, allocated_quantity FROM lot_stock WHERE id IN (?) AND deleted_at IS NULL ORDER BY id FOR UPDATE
     ), counted AS (
       SELECT k.id, k.lot_id, k.location_id, k.allocated_quantity AS before,
              COALESCE((SELECT SUM(a.quantity) FROM lot_allocation a
                         WHERE a.lot_id = k.lot_id AND a.location_id = k.location_id AND a.status = 'open' AND a.deleted_at IS NULL), 0) AS after
         FROM locked k
     )
     UPDATE lot_stock s SET allocated_quantity = c.after, updated_at = now()
       FROM counted c JOIN lot l ON l.id = c.lot_id
      WHERE s.id = c.id AND c.before <> c.after
      RETURNING s.id AS stock_id, c.lot_id, l.inventory_item_id, c.location_id, c.before, c.after`,
    [stockIds]
  )
  return rows.map((r) => ({ ...r, before: Number(r.before), after: Number(r.after) }))
}

/** What one correction of the integrity repair changed (a `lot_correction` row). */
export type LotCorrectionInput = {
  check: string
  inventory_item_id: string
  location_id?: string | null
  lot_id?: string | null
  order_id?: string | null
  line_item_id?: string | null
  fulfillment_id?: string | null
  reservation_id?: string | null
  before: number
  after: number
  source: "lots" | "medusa"
  message: string
  actor_id?: string | null
}

/** Appends corrections to the repair's record; returns their ids. */
export async function insertCorrections(sql: Sql, corrections: LotCorrectionInput[]): Promise<string[]> {
  if (!corrections.length) {
    return []
  }
  const ids = corrections.map(() => generateEntityId(undefined, "lotcorr"))
  const column = <K extends keyof LotCorrectionInput>(key: K) => corrections.map((c) => c[key] ?? null)
  await sql.execute(
    `INSERT INTO lot_correction (id, "check", inventory_item_id, location_id, lot_id, order_id, line_item_id, fulfillment_id,
                                 reservation_id, before, after, source, message, actor_id)
     SELECT * FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[],
                          ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::int[], ARRAY[?]::int[], ARRAY[?]::text[],
                          ARRAY[?]::text[], ARRAY[?]::text[])`,
    [
      ids, column("check"), column("inventory_item_id"), column("location_id"), column("lot_id"), column("order_id"),
      column("line_item_id"), column("fulfillment_id"), column("reservation_id"), column("before"), column("after"),
      column("source"), column("message"), column("actor_id"),
    ]
  )
  return ids
}
