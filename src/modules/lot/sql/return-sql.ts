import { generateEntityId } from "@medusajs/framework/utils"
import type { ReturnDesignation, ReturnableShipment, ReturnPlanEntry } from "../domain/return-plan"
import type { Sql } from "./sql"

type ReturnedLine = { line_item_id: string; inventory_item_id: string }

/**
 * Serialises every booking of one return: two deliveries of the same event (or two server
 * processes) then see each other's bookings instead of both booking the same units.
 */
export async function lockReturn(sql: Sql, returnId: string) {
  await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`lot_return:${returnId}`])
}

/** Units of a returned line already booked back into lots. */
export async function bookedReturnUnits(sql: Sql, returnId: string, line: ReturnedLine): Promise<number> {
  const [row] = await sql.execute<{ booked: string | null }[]>(
    `SELECT SUM(r.quantity) AS booked FROM lot_return r JOIN lot l ON l.id = r.lot_id
      WHERE r.return_id = ? AND r.line_item_id = ? AND l.inventory_item_id = ? AND r.deleted_at IS NULL`,
    [returnId, line.line_item_id, line.inventory_item_id]
  )
  return Number(row?.booked ?? 0)
}

export async function returnDesignations(sql: Sql, returnId: string, line: ReturnedLine): Promise<ReturnDesignation[]> {
  const rows = await sql.execute<{ lot_id: string; remaining: number }[]>(
    `SELECT r.lot_id, r.designated_quantity - r.quantity AS remaining FROM lot_return r JOIN lot l ON l.id = r.lot_id
      WHERE r.return_id = ? AND r.line_item_id = ? AND l.inventory_item_id = ?
        AND r.designated_quantity > r.quantity AND r.deleted_at IS NULL
      ORDER BY r.created_at, r.id`,
    [returnId, line.line_item_id, line.inventory_item_id]
  )
  return rows.map((r) => ({ lot_id: r.lot_id, remaining: Number(r.remaining) }))
}

/** The line's shipments with units still out, most recently shipped first, locked. */
export async function returnableShipments(sql: Sql, orderId: string, line: ReturnedLine): Promise<ReturnableShipment[]> {
  const rows = await sql.execute<{ id: string; lot_id: string; open: number }[]>(
    `SELECT id, lot_id, quantity - returned_quantity AS open FROM lot_shipment
      WHERE order_id = ? AND line_item_id = ? AND inventory_item_id = ? AND status <> 'canceled'
        AND quantity > returned_quantity AND deleted_at IS NULL
      ORDER BY fulfilled_at DESC, id DESC
      FOR UPDATE`,
    [orderId, line.line_item_id, line.inventory_item_id]
  )
  return rows.map((r) => ({ shipment_id: r.id, lot_id: r.lot_id, open: Number(r.open) }))
}

export type ReturnBooking = ReturnPlanEntry & { line_item_id: string }

/** Counts returned units against a shipment (negative undoes). */
export async function addShipmentReturnedUnits(sql: Sql, shipmentId: string, quantity: number) {
  await sql.execute(`UPDATE lot_shipment SET returned_quantity = returned_quantity + ?, updated_at = now() WHERE id = ?`, [
    quantity,
    shipmentId,
  ])
}

export type ReturnReceipt = { return_id: string; order_id: string; location_id: string; quarantined: boolean }

/** Counts returned units on the return's row for the line and lot, creating it first (negative undoes). */
export async function addReturnBooking(sql: Sql, receipt: ReturnReceipt, booking: ReturnBooking, quantity: number) {
  await sql.execute(
    `INSERT INTO lot_return (id, return_id, order_id, line_item_id, lot_id, shipment_id, location_id, quantity,
                             status, chosen_by, quarantined, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, now())
     ON CONFLICT (return_id, line_item_id, lot_id) WHERE deleted_at IS NULL DO UPDATE
       SET quantity = lot_return.quantity + EXCLUDED.quantity,
           status = CASE WHEN lot_return.quantity + EXCLUDED.quantity > 0 THEN 'received' ELSE lot_return.status END,
           shipment_id = COALESCE(lot_return.shipment_id, EXCLUDED.shipment_id),
           location_id = EXCLUDED.location_id, quarantined = EXCLUDED.quarantined,
           received_at = COALESCE(lot_return.received_at, EXCLUDED.received_at), updated_at = now()`,
    [
      generateEntityId(undefined, "lotret"),
      receipt.return_id,
      receipt.order_id,
      booking.line_item_id,
      booking.lot_id,
      booking.shipment_id,
      receipt.location_id,
      quantity,
      booking.chosen_by,
      receipt.quarantined,
    ]
  )
}

/** The merchant's word on which lot a returned line's units came from, before they arrive. */
export async function recordReturnDesignations(
  sql: Sql,
  input: { return_id: string; order_id: string },
  items: { line_item_id: string; lot_id: string; quantity: number }[]
) {
  for (const item of items) {
    await sql.execute(
      `INSERT INTO lot_return (id, return_id, order_id, line_item_id, lot_id, quantity, designated_quantity, status, chosen_by)
       VALUES (?, ?, ?, ?, ?, 0, ?, 'designated', 'merchant')
       ON CONFLICT (return_id, line_item_id, lot_id) WHERE deleted_at IS NULL DO UPDATE
         SET designated_quantity = EXCLUDED.designated_quantity, chosen_by = 'merchant', updated_at = now()`,
      [generateEntityId(undefined, "lotret"), input.return_id, input.order_id, item.line_item_id, item.lot_id, item.quantity]
    )
  }
}

export type CanceledAllocation = {
  id: string
  order_id: string
  line_item_id: string
  lot_id: string
  location_id: string
  quantity: number
}

/** Closes a fulfillment's fulfilled allocations as canceled; returns those it closed. */
export async function cancelFulfilledAllocations(sql: Sql, fulfillmentId: string): Promise<CanceledAllocation[]> {
  return await sql.execute<CanceledAllocation[]>(
    `UPDATE lot_allocation SET status = 'canceled', updated_at = now()
      WHERE fulfillment_id = ? AND status = 'fulfilled' AND deleted_at IS NULL
      RETURNING id, order_id, line_item_id, lot_id, location_id, quantity`,
    [fulfillmentId]
  )
}

/**
 * Units of a fulfillment's shipment links already booked back by returns, per lot and line,
 * locked so a return booked at the same time waits for the cancel (and then finds the links canceled).
 */
export async function returnedUnitsOfFulfillment(
  sql: Sql,
  fulfillmentId: string
): Promise<{ lot_id: string; line_item_id: string; returned: number }[]> {
  const rows = await sql.execute<{ lot_id: string; line_item_id: string; returned_quantity: number }[]>(
    `SELECT lot_id, line_item_id, returned_quantity FROM lot_shipment
      WHERE fulfillment_id = ? AND returned_quantity > 0 AND deleted_at IS NULL
      ORDER BY id
      FOR UPDATE`,
    [fulfillmentId]
  )
  return rows.map((r) => ({ lot_id: r.lot_id, line_item_id: r.line_item_id, returned: Number(r.returned_quantity) }))
}

export type DoubleRestock = { inventory_item_id: string; location_id: string; fulfillment_id: string; quantity: number }

/**
 * Units Medusa restocked twice at each item and location: those of a canceled fulfillment that had
 * already come back by a return (recorded as `already_returned` on the cancel's history entry).
 */
export async function doubleRestockedUnits(sql: Sql, inventoryItemIds: string[]): Promise<DoubleRestock[]> {
  if (!inventoryItemIds.length) {
    return []
  }
  const rows = await sql.execute<DoubleRestock[]>(
    `SELECT l.inventory_item_id, e.location_id, e.reference_id AS fulfillment_id,
            SUM((e.data->>'already_returned')::int)::int AS quantity
       FROM lot_event e JOIN lot l ON l.id = e.lot_id AND l.deleted_at IS NULL
      WHERE e.type = 'fulfillment_canceled' AND e.data->>'already_returned' IS NOT NULL AND e.deleted_at IS NULL
        AND l.inventory_item_id IN (?)
      GROUP BY l.inventory_item_id, e.location_id, e.reference_id
      ORDER BY e.reference_id`,
    [inventoryItemIds]
  )
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }))
}
