import { generateEntityId } from "@medusajs/framework/utils"
import type { TraceTables } from "../domain/trace-report"
import type { RecallProgress } from "../domain/recall-progress"
import { outstandingQuantity, type RecallScopeSummary } from "../domain/recall-scope"
import type { RecallNoticeMethod } from "../types/statuses"
import type { LockedLot } from "./lot-sql"
import type { Sql } from "./sql"

export type NewRecall = {
  id: string
  recall_number: string
  reason: string
  classification: string
  public_notice: string | null
  created_by: string | null
  summary: RecallScopeSummary
}

const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

export async function insertRecall(sql: Sql, recall: NewRecall) {
  await sql.execute(
    `INSERT INTO recall (id, recall_number, reason, classification, status, public_notice, created_by, summary)
     VALUES (?, ?, ?, ?, 'open', ?, ?, ?::jsonb)`,
    [recall.id, recall.recall_number, recall.reason, recall.classification, recall.public_notice, recall.created_by, JSON.stringify(recall.summary)]
  )
}

/**
 * Copies a recall's lots as they stand: depth, what each received, shipped and holds (per location),
 * and its status before the recall — 1,000 lots per statement.
 */
export async function insertRecallLots(sql: Sql, recallId: string, report: TraceTables, statusBefore: Map<string, string>) {
  const lots = report.lots
  for (let i = 0; i < lots.length; i += 1000) {
    const chunk = lots.slice(i, i + 1000)
    await sql.execute(
      `INSERT INTO recall_lot (id, recall_id, lot_id, lot_number, inventory_item_id, depth, status_before,
                               received_quantity, shipped_quantity, returned_quantity, outstanding_quantity,
                               on_hand_quantity, on_hand_by_location)
       VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)").join(", ")}`,
      chunk.flatMap((lot) => [
        generateEntityId(undefined, "rcllot"),
        recallId,
        lot.id,
        lot.lot_number,
        lot.inventory_item_id,
        lot.depth,
        statusBefore.get(lot.id) ?? lot.status,
        lot.mass_balance.received,
        lot.mass_balance.shipped,
        lot.mass_balance.returned,
        outstandingQuantity(lot.mass_balance),
        lot.on_hand,
        JSON.stringify(
          report.on_hand.filter((s) => s.lot_id === lot.id).map((s) => ({ location_id: s.location_id, quantity: s.quantity }))
        ),
      ])
    )
  }
}

/**
 * Copies every shipment of the lots with units still out, set-based in one statement: shipped,
 * returned so far, and outstanding (shipped − returned) each kept.
 */
export async function insertRecallShipments(sql: Sql, recallId: string, lotIds: string[]) {
  await sql.execute(
    `INSERT INTO recall_shipment (id, recall_id, shipment_id, lot_id, lot_number, order_id, fulfillment_id, location_id,
                                  customer_key, customer_id, customer_email, customer_name, ship_to,
                                  shipped_quantity, returned_quantity, outstanding_quantity, shipped_at)
     SELECT ${newId("rclshp")}, ?, s.id, s.lot_id, l.lot_number, s.order_id, s.fulfillment_id, s.location_id,
            COALESCE(s.customer_id, s.customer_email, 'order:' || s.order_id), s.customer_id, s.customer_email,
            s.customer_name, s.ship_to, s.quantity, s.returned_quantity, s.quantity - s.returned_quantity,
            COALESCE(s.shipped_at, s.fulfilled_at)
       FROM lot_shipment s JOIN lot l ON l.id = s.lot_id
      WHERE s.lot_id IN (?) AND s.status <> 'canceled' AND s.quantity > s.returned_quantity AND s.deleted_at IS NULL`,
    [recallId, lotIds]
  )
}

/** Groups a recall's copied shipments into its customers, one row per customer. */
export async function insertRecallCustomers(sql: Sql, recallId: string) {
  await sql.execute(
    `INSERT INTO recall_customer (id, recall_id, customer_key, customer_id, email, name, ship_to, order_ids,
                                  shipped_quantity, returned_quantity, outstanding_quantity)
     SELECT ${newId("rclcus")}, ?, customer_key, MAX(customer_id), MAX(customer_email), MAX(customer_name),
            (array_agg(ship_to ORDER BY shipped_at DESC))[1], to_jsonb(array_agg(DISTINCT order_id)),
            SUM(shipped_quantity), SUM(returned_quantity), SUM(outstanding_quantity)
       FROM recall_shipment WHERE recall_id = ?
      GROUP BY customer_key`,
    [recallId, recallId]
  )
}

/** Removes a recall and its scope (compensation of a recall that could not be completed). */
export async function deleteRecall(sql: Sql, recallId: string) {
  for (const table of ["recall_customer", "recall_shipment", "recall_lot"]) {
    await sql.execute(`DELETE FROM ${table} WHERE recall_id = ?`, [recallId])
  }
  await sql.execute(`DELETE FROM recall WHERE id = ?`, [recallId])
}

/** Where a recall stands now, from its scope, the recalled lots' history since it opened and the units recorded on it. */
export async function recallProgress(sql: Sql, recallId: string): Promise<RecallProgress> {
  const [row] = await sql.execute<Record<string, string | number | null>[]>(
    `WITH r AS (SELECT id, created_at FROM recall WHERE id = ?),
          lots AS (SELECT lot_id FROM recall_lot WHERE recall_id = ?)
     SELECT (SELECT COUNT(*) FROM recall_customer WHERE recall_id = ?) AS customers,
            (SELECT COUNT(*) FROM recall_customer WHERE recall_id = ? AND notified_at IS NOT NULL) AS customers_notified,
            (SELECT COALESCE(SUM(e.quantity), 0) FROM lot_event e, r
              WHERE e.lot_id IN (SELECT lot_id FROM lots) AND e.type = 'returned' AND e.created_at >= r.created_at)
            + (SELECT COALESCE(SUM(a.quantity), 0) FROM recall_action a WHERE a.recall_id = ? AND a.type = 'units_recovered') AS recovered,
            (SELECT COALESCE(-SUM(e.quantity), 0) FROM lot_event e, r
              WHERE e.lot_id IN (SELECT lot_id FROM lots) AND e.type = 'scrapped' AND e.created_at >= r.created_at) AS disposed,
            (SELECT COALESCE(SUM(s.quantity), 0) FROM lot_stock s
              WHERE s.lot_id IN (SELECT lot_id FROM lots) AND s.deleted_at IS NULL) AS on_hand,
            (SELECT COALESCE(SUM(outstanding_quantity), 0) FROM recall_shipment WHERE recall_id = ?) AS outstanding`,
    [recallId, recallId, recallId, recallId, recallId, recallId]
  )
  const recovered = Number(row.recovered)
  return {
    customers: Number(row.customers),
    customers_notified: Number(row.customers_notified),
    recovered_quantity: recovered,
    disposed_quantity: Number(row.disposed),
    on_hand_quantity: Number(row.on_hand),
    outstanding_quantity: Math.max(0, Number(row.outstanding) - recovered),
  }
}

export type RecallStatusRow = { id: string; recall_number: string; status: string; closed_at: Date | null; closed_by: string | null; close_reason: string | null }

/** Locks a recall row; null when there is none. */
export async function lockRecall(sql: Sql, recallId: string): Promise<RecallStatusRow | null> {
  const [row] = await sql.execute<RecallStatusRow[]>(
    `SELECT id, recall_number, status, closed_at, closed_by, close_reason FROM recall
      WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [recallId]
  )
  return row ?? null
}

export async function setRecallClosure(sql: Sql, recallId: string, closure: Omit<RecallStatusRow, "id" | "recall_number">) {
  await sql.execute(
    `UPDATE recall SET status = ?, closed_at = ?, closed_by = ?, close_reason = ?, updated_at = now() WHERE id = ?`,
    [closure.status, closure.closed_at, closure.closed_by, closure.close_reason, recallId]
  )
}

export type RecallCustomerNotice = {
  customer_key: string
  notified_at: Date | null
  notified_by: string | null
  notification_method: RecallNoticeMethod | null
  notification_note: string | null
}

/** Locks customers of a recall; returns who was told when, how and by whom, as it stands. */
export async function lockRecallCustomers(sql: Sql, recallId: string, customerKeys: string[]): Promise<RecallCustomerNotice[]> {
  return await sql.execute<RecallCustomerNotice[]>(
    `SELECT customer_key, notified_at, notified_by, notification_method, notification_note FROM recall_customer
      WHERE recall_id = ? AND customer_key IN (?) AND deleted_at IS NULL FOR UPDATE`,
    [recallId, customerKeys]
  )
}

/** Sets how customers of a recall were told (all fields null: not yet, or the notice withdrawn). */
export async function setCustomersNotified(sql: Sql, recallId: string, customerKeys: string[], notice: Omit<RecallCustomerNotice, "customer_key">) {
  await sql.execute(
    `UPDATE recall_customer SET notified_at = ?, notified_by = ?, notification_method = ?, notification_note = ?, updated_at = now()
      WHERE recall_id = ? AND customer_key IN (?) AND deleted_at IS NULL`,
    [notice.notified_at, notice.notified_by, notice.notification_method, notice.notification_note, recallId, customerKeys]
  )
}

/** Locks the lots a recall names, so no production can take from them while the scope is walked. */
export async function lockNamedLots(sql: Sql, lotIds: string[]) {
  await sql.execute(`SELECT id FROM lot WHERE id IN (?) AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [lotIds])
}

/** Locks every lot of a recall's scope, in id order; returns them with their status now. */
export async function lockScopeLots(sql: Sql, lotIds: string[]): Promise<LockedLot[]> {
  return await sql.execute<LockedLot[]>(
    `SELECT id, lot_number, inventory_item_id, status FROM lot WHERE id IN (?) ORDER BY id FOR UPDATE`,
    [lotIds]
  )
}

export async function markLotsRecalled(sql: Sql, lotIds: string[]) {
  await sql.execute(`UPDATE lot SET status = 'recalled', updated_at = now() WHERE id IN (?)`, [lotIds])
}

export type NewMockRecall = {
  id: string
  lot_ids: string[]
  lot_numbers: string[]
  ran_by: string | null
  summary: RecallScopeSummary
}

export async function insertMockRecall(sql: Sql, mock: NewMockRecall) {
  const { summary } = mock
  await sql.execute(
    `INSERT INTO mock_recall (id, lot_ids, lot_numbers, ran_by, duration_ms, lot_count, shipment_count, customer_count,
                              received_quantity, accounted_quantity, mass_balance_percent, summary)
     VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
    [
      mock.id, JSON.stringify(mock.lot_ids), JSON.stringify(mock.lot_numbers), mock.ran_by, summary.duration_ms,
      summary.lots, summary.shipments, summary.customers, summary.received_quantity, summary.accounted_quantity,
      summary.mass_balance_percent, JSON.stringify(summary),
    ]
  )
}

export type PublicRecallNotice = {
  recall_number: string
  classification: string
  public_notice: string | null
  recalled_at: Date
  status: string
}

/** The most recent recall (open or closed) whose scope holds the lot number; null when none. */
export async function latestRecallOfLotNumber(sql: Sql, lotNumber: string): Promise<PublicRecallNotice | null> {
  const [row] = await sql.execute<PublicRecallNotice[]>(
    `SELECT r.recall_number, r.classification, r.public_notice, r.created_at AS recalled_at, r.status
       FROM lot l
       JOIN recall_lot rl ON rl.lot_id = l.id AND rl.deleted_at IS NULL
       JOIN recall r ON r.id = rl.recall_id AND r.deleted_at IS NULL
      WHERE l.lot_number = ? AND l.deleted_at IS NULL
      ORDER BY r.created_at DESC LIMIT 1`,
    [lotNumber]
  )
  return row ?? null
}
