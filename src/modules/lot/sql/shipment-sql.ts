import { LotShipmentStatus, type LotShipmentRecord, type LotShipmentSnapshot } from "../types"
import type { Sql } from "./sql"

/** What a fulfillment's dates say about where its units are; a cancel outranks everything. */
export function shipmentStatusOf(snapshot: Pick<LotShipmentSnapshot, "shipped_at" | "delivered_at" | "canceled_at">) {
  if (snapshot.canceled_at) return LotShipmentStatus.CANCELED
  if (snapshot.delivered_at) return LotShipmentStatus.DELIVERED
  if (snapshot.shipped_at) return LotShipmentStatus.SHIPPED
  return LotShipmentStatus.FULFILLED
}

const RECORD_COLUMNS = `id, status, shipped_at, delivered_at, canceled_at`

/**
 * Brings a fulfillment's shipment links in line with Medusa's fulfillment: one link per order line
 * and lot taken from the fulfillment's allocations (inserted once — the unique index makes a
 * replayed event a no-op), and dates that are only ever filled in, never moved, so events arriving
 * twice or out of order end in the same rows. Returns the rows as they were, for compensation.
 */
export async function syncShipmentLinks(sql: Sql, snapshot: LotShipmentSnapshot) {
  const before = await sql.execute<LotShipmentRecord[]>(
    `SELECT ${RECORD_COLUMNS} FROM lot_shipment WHERE fulfillment_id = ? AND deleted_at IS NULL FOR UPDATE`,
    [snapshot.fulfillment_id]
  )
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
      shipmentStatusOf(snapshot),
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
  // Only dates Medusa now has and the links still lack are filled in: a replay touches no row.
  const dates = DATE_COLUMNS.filter((column) => snapshot[column])
  if (before.length && dates.length) {
    await sql.execute(
      `UPDATE lot_shipment
          SET ${dates.map((c) => `${c} = COALESCE(${c}, ?)`).join(", ")},
              status = ?, updated_at = now()
        WHERE id IN (?) AND (${dates.map((c) => `${c} IS NULL`).join(" OR ")})`,
      [...dates.map((c) => snapshot[c]), shipmentStatusOf(snapshot), before.map((r) => r.id)]
    )
  }
  return { inserted_ids: inserted.map((r) => r.id), before }
}

// Fixed column names, never input: safe to place in the statement text.
const DATE_COLUMNS = ["shipped_at", "delivered_at", "canceled_at"] as const

/** Undoes syncShipmentLinks: removes the links it added and puts back the dates it filled in. */
export async function restoreShipmentLinks(sql: Sql, state: { inserted_ids: string[]; before: LotShipmentRecord[] }) {
  if (state.inserted_ids.length) {
    await sql.execute(`DELETE FROM lot_shipment WHERE id IN (?)`, [state.inserted_ids])
  }
  for (const row of state.before) {
    await sql.execute(
      `UPDATE lot_shipment SET status = ?, shipped_at = ?, delivered_at = ?, canceled_at = ?, updated_at = now() WHERE id = ?`,
      [row.status, row.shipped_at, row.delivered_at, row.canceled_at, row.id]
    )
  }
}

/**
 * A canceled fulfillment's links stay for the history but leave the trace. Links already canceled
 * (the shipment-link subscriber handles the same cancel event) are left as they are, so the
 * second of the two writes changes nothing.
 */
export async function cancelShipmentLinks(sql: Sql, fulfillmentId: string) {
  await sql.execute(
    `UPDATE lot_shipment SET status = 'canceled', canceled_at = COALESCE(canceled_at, now()), updated_at = now()
      WHERE fulfillment_id = ? AND status <> 'canceled' AND deleted_at IS NULL`,
    [fulfillmentId]
  )
}
