import type { LotShipmentRecord, LotShipmentSnapshot, LotShipmentStatus } from "../types"
import type { Sql } from "./sql"

const RECORD_COLUMNS = `id, status, shipped_at, delivered_at, canceled_at`

/** Locks a fulfillment's shipment links; returns them as they are. */
export async function lockShipmentLinks(sql: Sql, fulfillmentId: string): Promise<LotShipmentRecord[]> {
  return await sql.execute<LotShipmentRecord[]>(
    `SELECT ${RECORD_COLUMNS} FROM lot_shipment WHERE fulfillment_id = ? AND deleted_at IS NULL FOR UPDATE`,
    [fulfillmentId]
  )
}

/**
 * Adds one link per order line and lot taken from the fulfillment's allocations; a link that
 * exists already is left alone (the unique index makes a replayed event a no-op). Returns the ids
 * it added.
 */
export async function insertShipmentLinks(sql: Sql, snapshot: LotShipmentSnapshot, status: LotShipmentStatus): Promise<string[]> {
  const inserted = await sql.execute<{ id: string }[]>(
    `INSERT INTO lot_shipment (id, lot_id, inventory_item_id, order_id, line_item_id, fulfillment_id, location_id,
                               quantity, status, customer_id, customer_email, customer_name, ship_to,
                               fulfilled_at, shipped_at, delivered_at, canceled_at)
     SELECT 'lotshp_' || replace(gen_random_uuid()::text, '-', ''), a.lot_id, a.inventory_item_id, a.order_id,
            a.line_item_id, a.fulfillment_id, a.location_id, SUM(a.quantity), ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?
       FROM lot_allocation a
      WHERE a.fulfillment_id = ? AND a.status IN ('fulfilled', 'canceled') AND a.deleted_at IS NULL
      GROUP BY a.lot_id, a.inventory_item_id, a.order_id, a.line_item_id, a.fulfillment_id, a.location_id
     ON CONFLICT (fulfillment_id, line_item_id, lot_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [
      status,
      snapshot.customer_id,
      snapshot.customer_email,
      snapshot.customer_name,
      snapshot.ship_to ? JSON.stringify(snapshot.ship_to) : null,
      snapshot.fulfilled_at,
      snapshot.shipped_at,
      snapshot.delivered_at,
      snapshot.canceled_at,
      snapshot.fulfillment_id,
    ]
  )
  return inserted.map((r) => r.id)
}

// Fixed column names, never input: safe to place in the statement text.
const DATE_COLUMNS = ["shipped_at", "delivered_at", "canceled_at"] as const

/**
 * Fills in the dates the snapshot has and the links still lack, never moving a date, so events
 * arriving twice or out of order end in the same rows: a replay touches no row.
 */
export async function fillShipmentDates(
  sql: Sql,
  linkIds: string[],
  snapshot: LotShipmentSnapshot,
  status: LotShipmentStatus
): Promise<void> {
  const dates = DATE_COLUMNS.filter((column) => snapshot[column])
  if (!linkIds.length || !dates.length) {
    return
  }
  await sql.execute(
    `UPDATE lot_shipment
        SET ${dates.map((c) => `${c} = COALESCE(${c}, ?)`).join(", ")},
            status = ?, updated_at = now()
      WHERE id IN (?) AND (${dates.map((c) => `${c} IS NULL`).join(" OR ")})`,
    [...dates.map((c) => snapshot[c]), status, linkIds]
  )
}

export async function deleteShipmentLinks(sql: Sql, linkIds: string[]): Promise<void> {
  if (!linkIds.length) {
    return
  }
  await sql.execute(`DELETE FROM lot_shipment WHERE id IN (?)`, [linkIds])
}

/** Puts a link's status and dates back as they were. */
export async function restoreShipmentLink(sql: Sql, row: LotShipmentRecord): Promise<void> {
  await sql.execute(
    `UPDATE lot_shipment SET status = ?, shipped_at = ?, delivered_at = ?, canceled_at = ?, updated_at = now() WHERE id = ?`,
    [row.status, row.shipped_at, row.delivered_at, row.canceled_at, row.id]
  )
}

/**
 * A canceled fulfillment's links stay for the history but leave the trace. Links already canceled
 * are left as they are, so a replayed cancel event changes nothing.
 */
export async function cancelShipmentLinks(sql: Sql, fulfillmentId: string) {
  await sql.execute(
    `UPDATE lot_shipment SET status = 'canceled', canceled_at = COALESCE(canceled_at, now()), updated_at = now()
      WHERE fulfillment_id = ? AND status <> 'canceled' AND deleted_at IS NULL`,
    [fulfillmentId]
  )
}
