import { MedusaError } from "@medusajs/framework/utils"
import { byLotAndLocation, inLockOrder } from "../domain/lock-order"
import { requireWholeUnits, withinStorableRange } from "../domain/lot-quantity"
import { insertLotEvents, lockLotStock, notEnoughStock, setLotStockQuantity, type Sql } from "../sql/sql"
import type { LotStockChange, LotStockChangeResult } from "../types"
import { findLot } from "./lots"

/**
 * Applies signed or counted changes to lot stock, each under a row lock, refusing any that would
 * take a lot below zero or below what is allocated. One lot event per change. Results come back
 * in the order of `changes`.
 */
export async function changeLotStock(sql: Sql, changes: LotStockChange[]): Promise<LotStockChangeResult[]> {
  const results: LotStockChangeResult[] = new Array(changes.length)
  const indexed = changes.map((change, index) => ({ ...change, index }))
  for (const { index, ...change } of inLockOrder(indexed, byLotAndLocation)) {
    if ((change.delta === undefined) === (change.counted_quantity === undefined)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A stock change needs exactly one of delta or counted_quantity.")
    }
    requireWholeUnits(change.delta ?? change.counted_quantity!, change.delta !== undefined ? "delta" : "counted_quantity", {
      positive: false,
    })
    const lot = await findLot(sql, change.lot_id)
    const increases = change.counted_quantity !== undefined || (change.delta ?? 0) > 0
    const stock = await lockLotStock(sql, lot.id, change.location_id, increases)
    if (!stock) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Lot ${lot.lot_number} has no stock at location ${change.location_id}.`)
    }
    const delta = change.counted_quantity !== undefined ? change.counted_quantity - stock.quantity : change.delta!
    const next = stock.quantity + delta
    // Returned units awaiting inspection enter or leave that pool as well as the lot.
    const quarantined = change.quarantined ? stock.quarantined_quantity + delta : stock.quarantined_quantity
    if (quarantined < 0) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Lot ${lot.lot_number} has ${stock.quarantined_quantity} returned units awaiting inspection at location ${change.location_id}; cannot take ${-delta} from them.`
      )
    }
    if (next < stock.allocated_quantity + quarantined) {
      const free = stock.quantity - stock.allocated_quantity - stock.quarantined_quantity
      throw notEnoughStock(lot.lot_number, change.location_id, free, -delta)
    }
    await setLotStockQuantity(sql, stock.id, withinStorableRange(lot.lot_number, next), quarantined)
    const [eventId] = await insertLotEvents(sql, [{ ...change.event, lot_id: lot.id, location_id: change.location_id, quantity: delta }])
    results[index] = {
      lot_id: lot.id,
      lot_number: lot.lot_number,
      inventory_item_id: lot.inventory_item_id,
      location_id: change.location_id,
      previous_quantity: stock.quantity,
      quantity: next,
      delta,
      quarantined: Boolean(change.quarantined),
      event_id: eventId,
    }
  }
  return results
}
