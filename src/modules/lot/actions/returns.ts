import { MedusaError } from "@medusajs/framework/utils"
import { byLotAndLocation, inLockOrder } from "../domain/lock-order"
import { requireWholeUnits } from "../domain/lot-quantity"
import { planFulfillmentCancelReturn, planReturn } from "../domain/return-plan"
import {
  addReturnBooking,
  addShipmentReturnedUnits,
  bookedReturnUnits,
  cancelFulfilledAllocations,
  lockReturn,
  recordReturnDesignations,
  returnableShipments,
  returnDesignations,
  returnedUnitsOfFulfillment,
  type ReturnBooking,
  type ReturnReceipt,
} from "../sql/return-sql"
import { deleteReturnSurplus, insertReturnSurplus, surplusReturnUnits, type ReturnSurplusInput } from "../sql/return-surplus-sql"
import { cancelShipmentLinks } from "../sql/shipment-sql"
import { insertLotEvents, lockLotStock, setLotStockQuantity, type Sql } from "../sql/sql"
import { LotEventType, type BookedReturn, type BookReturnInput, type LotStockChangeResult } from "../types"
import { findLot } from "./lots"
import { changeLotStock } from "./stock"

/**
 * Puts the units of a canceled (or rolled back) fulfillment back into their lots and closes its
 * fulfilled allocations as canceled — all but the units that already came back by a return
 * (Medusa restocks those a second time; the history entry says how many, as `already_returned`).
 * Idempotent: a second call finds nothing left to return.
 */
export async function returnFulfilledLots(
  sql: Sql,
  fulfillmentId: string,
  reason: string
): Promise<{ order_ids: string[]; lot_ids: string[]; returned: number }> {
  const canceled = await cancelFulfilledAllocations(sql, fulfillmentId)
  const rows = planFulfillmentCancelReturn(
    canceled.map((row) => ({ ...row, quantity: Number(row.quantity) })),
    await returnedUnitsOfFulfillment(sql, fulfillmentId)
  )
  for (const row of inLockOrder(rows, byLotAndLocation)) {
    const stock = (await lockLotStock(sql, row.lot_id, row.location_id, true))!
    await setLotStockQuantity(sql, stock.id, stock.quantity + row.back)
  }
  await insertLotEvents(
    sql,
    rows.map((row) => ({
      lot_id: row.lot_id,
      type: LotEventType.FULFILLMENT_CANCELED,
      quantity: row.back,
      location_id: row.location_id,
      reason,
      reference_type: "fulfillment",
      reference_id: fulfillmentId,
      data: {
        order_id: row.order_id,
        line_item_id: row.line_item_id,
        ...(row.already_returned ? { already_returned: row.already_returned } : {}),
      },
    }))
  )
  await cancelShipmentLinks(sql, fulfillmentId)
  return {
    order_ids: [...new Set(rows.map((r) => r.order_id))],
    lot_ids: [...new Set(rows.map((r) => r.lot_id))],
    returned: rows.reduce((sum, r) => sum + r.back, 0),
  }
}

/**
 * Books a received return's units back into the lots they shipped from, at the return's
 * location — into quarantine unless configured otherwise. `units` per line is what Medusa has
 * restocked for it so far, so a replayed event or a second partial receipt books only the rest.
 */
export async function bookReturnedUnits(sql: Sql, input: BookReturnInput): Promise<BookedReturn> {
  await lockReturn(sql, input.return_id)
  const bookings: ReturnBooking[] = []
  const unmatched: BookedReturn["unmatched"] = []
  const surplus: ReturnSurplusInput[] = []
  for (const line of input.lines) {
    const due =
      line.units - (await bookedReturnUnits(sql, input.return_id, line)) - (await surplusReturnUnits(sql, input.return_id, line))
    if (due <= 0) continue
    const plan = planReturn(
      due,
      await returnDesignations(sql, input.return_id, line),
      await returnableShipments(sql, input.order_id, line)
    )
    bookings.push(...plan.entries.map((e) => ({ ...e, line_item_id: line.line_item_id })))
    if (plan.unmatched) {
      unmatched.push({ line_item_id: line.line_item_id, quantity: plan.unmatched })
      surplus.push({ ...line, return_id: input.return_id, order_id: input.order_id, location_id: input.location_id, quantity: plan.unmatched })
    }
  }
  const context = { ...input, quarantined: input.quarantine }
  const surplusIds = await insertReturnSurplus(sql, surplus)
  await recordReturnBookings(sql, context, bookings, 1)
  const stock = await changeLotStock(
    sql,
    bookings.map((b) => ({
      lot_id: b.lot_id,
      location_id: input.location_id,
      delta: b.quantity,
      quarantined: input.quarantine,
      event: {
        type: LotEventType.RETURNED,
        actor_id: input.actor_id,
        reference_type: "return",
        reference_id: input.return_id,
        data: { order_id: input.order_id, line_item_id: b.line_item_id, shipment_id: b.shipment_id, chosen_by: b.chosen_by },
      },
    }))
  )
  return { ...context, bookings, stock, unmatched, surplus_ids: surplusIds }
}

/** Undoes bookReturnedUnits (compensation): units out again, counts back, `reverted` events. */
export async function undoReturnedUnits(sql: Sql, booked: BookedReturn): Promise<void> {
  await lockReturn(sql, booked.return_id)
  await deleteReturnSurplus(sql, booked.surplus_ids ?? [])
  await recordReturnBookings(sql, booked, booked.bookings, -1)
  await changeLotStock(
    sql,
    booked.stock.map((r) => ({
      lot_id: r.lot_id,
      location_id: r.location_id,
      delta: -r.delta,
      quarantined: r.quarantined,
      event: { type: LotEventType.REVERTED, reference_type: "lot_event", reference_id: r.event_id },
    }))
  )
}

export type ReturnLotDesignation = {
  return_id: string
  order_id: string
  items: { line_item_id: string; lot_id: string; quantity: number }[]
}

/** Records which lot the units of returned lines came from, before the return is received. */
export async function designateReturnLots(sql: Sql, input: ReturnLotDesignation): Promise<void> {
  await lockReturn(sql, input.return_id)
  await recordReturnDesignations(sql, input, input.items)
}

export type ReturnRestock = {
  lot_id: string
  location_id: string
  quantity: number
  actor_id?: string | null
  note?: string | null
  undo_of?: string
}

/**
 * Returned units passed inspection: they leave quarantine and may be sold again. `undo_of`
 * (compensation) puts the units of that earlier restock back into quarantine instead.
 */
export async function restockReturnedUnits(sql: Sql, input: ReturnRestock): Promise<LotStockChangeResult> {
  requireWholeUnits(input.quantity, "quantity", { positive: true })
  const lot = await findLot(sql, input.lot_id)
  const stock = await lockLotStock(sql, lot.id, input.location_id, false)
  const change = input.undo_of ? input.quantity : -input.quantity
  if (!stock || stock.quarantined_quantity + change < 0) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Lot ${lot.lot_number} has ${stock?.quarantined_quantity ?? 0} returned unit(s) awaiting inspection at location ${input.location_id}; cannot restock ${input.quantity}.`
    )
  }
  await setLotStockQuantity(sql, stock.id, stock.quantity, stock.quarantined_quantity + change)
  const [eventId] = await insertLotEvents(sql, [
    {
      lot_id: lot.id,
      type: input.undo_of ? LotEventType.REVERTED : LotEventType.RETURN_RESTOCKED,
      location_id: input.location_id,
      actor_id: input.actor_id,
      note: input.note,
      reference_type: input.undo_of ? "lot_event" : null,
      reference_id: input.undo_of ?? null,
      data: { quarantined_change: change },
    },
  ])
  return {
    lot_id: lot.id,
    lot_number: lot.lot_number,
    inventory_item_id: lot.inventory_item_id,
    location_id: input.location_id,
    previous_quantity: stock.quantity,
    quantity: stock.quantity,
    delta: 0,
    quarantined: true,
    event_id: eventId,
  }
}

/** Counts units against their shipment and the return's per-lot row (signed: -1 undoes). */
async function recordReturnBookings(sql: Sql, receipt: ReturnReceipt, bookings: ReturnBooking[], sign: 1 | -1) {
  for (const booking of bookings) {
    if (booking.shipment_id) {
      await addShipmentReturnedUnits(sql, booking.shipment_id, sign * booking.quantity)
    }
    await addReturnBooking(sql, receipt, booking, sign * booking.quantity)
  }
}
