import { MedusaError } from "@medusajs/framework/utils"
import { byLotAndLocation, inLockOrder } from "../domain/lock-order"
import { doNotPickMessage, noFreeStockMessage, planPickSwap, type PickSwapInput, type PickSwapResult } from "../domain/pick-scan"
import { reopenAllocation } from "../sql/allocation-release-sql"
import { addAllocated, insertAllocation, lockOpenAllocations, lockOrderLine, lockStockRows, settleAllocationPart } from "../sql/allocation-sql"
import { freeStockElsewhere } from "../sql/pick-scan-sql"
import { insertLotEvents, lockLotStock, type Sql } from "../sql/sql"
import { LotEventType } from "../types"
import { releaseAllocations } from "./release-allocations"

/**
 * Picking by scan: moves as many of an order line's open allocated units at a location as the
 * scanned lot has free (at most `quantity`, when given) from the line's other lots (least preferred first) to the scanned lot,
 * under the allocation locks — the line's advisory lock, its allocations, then the lots FOR SHARE
 * and their stock rows FOR UPDATE in id order — so two pickers swapping onto the last free units
 * of a lot cannot oversell it. Refuses (NOT_ALLOWED, nothing written) when the lot may not ship or
 * has no free units there. Writes `deallocated` and `allocated` events.
 */
export async function swapPickedLot(sql: Sql, input: PickSwapInput): Promise<PickSwapResult> {
  const rules = { ...input.rules, ship_date: new Date(input.rules.ship_date) }
  const refuse = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
  await lockOrderLine(sql, input.line_item_id)
  const open = (await lockOpenAllocations(sql, input.line_item_id)).filter((a) => a.location_id === input.location_id)
  const sources = open.filter((a) => a.lot_id !== input.lot_id)
  if (!sources.length || sources.length !== open.length) {
    // Only when another scan changed this line between the decision and the locks.
    throw refuse(`The pick list of this line just changed: scan lot ${input.lot_number} again.`)
  }
  const stock = await lockStockRows(sql, {
    lot_ids: [...new Set([input.lot_id, ...sources.map((a) => a.lot_id)])],
    location_id: input.location_id,
  })
  const scanned = stock.find((s) => s.lot_id === input.lot_id)
  const doNotPick = scanned && doNotPickMessage(scanned, rules)
  if (doNotPick) {
    throw refuse(doNotPick)
  }
  if (!scanned || scanned.available <= 0) {
    const nameOf = (id: string) => input.location_names[id] ?? id
    const elsewhere = await freeStockElsewhere(sql, input.lot_id, input.location_id)
    throw refuse(
      noFreeStockMessage(
        input.lot_number,
        nameOf(input.location_id),
        scanned?.quantity ?? 0,
        elsewhere.map((e) => ({ location_name: nameOf(e.location_id), free: e.free }))
      )
    )
  }

  const takes = planPickSwap(
    sources.map((a) => ({ allocation_id: a.id, lot_id: a.lot_id, quantity: a.quantity, expires_at: a.expires_at })),
    // The picker may take only part of the line from this lot (a split across lots).
    Math.min(scanned.available, input.quantity ?? Infinity)
  )
  const from: PickSwapResult["from"] = []
  for (const take of takes) {
    const source = sources.find((a) => a.id === take.allocation_id)!
    const lotStock = stock.find((s) => s.lot_id === take.lot_id)!
    const releasedId = await settleAllocationPart(sql, source, take.quantity, "released", null)
    await addAllocated(sql, lotStock.stock_id, -take.quantity)
    from.push({
      allocation_id: releasedId,
      order_id: input.order_id,
      line_item_id: input.line_item_id,
      inventory_item_id: input.inventory_item_id,
      lot_id: take.lot_id,
      lot_number: lotStock.lot_number,
      location_id: input.location_id,
      quantity: take.quantity,
    })
  }
  const moved = takes.reduce((sum, t) => sum + t.quantity, 0)
  await addAllocated(sql, scanned.stock_id, moved)
  const toId = await insertAllocation(sql, { ...input, quantity: moved })
  const reference = { location_id: input.location_id, actor_id: input.actor_id ?? null, reference_type: "order", reference_id: input.order_id }
  await insertLotEvents(sql, [
    ...from.map((f) => ({
      ...reference,
      lot_id: f.lot_id,
      type: LotEventType.DEALLOCATED,
      quantity: -f.quantity,
      reason: `picked lot ${scanned.lot_number} instead`,
      data: { line_item_id: input.line_item_id, allocation_id: f.allocation_id },
    })),
    {
      ...reference,
      lot_id: input.lot_id,
      type: LotEventType.ALLOCATED,
      quantity: moved,
      reason: `picked by scan instead of ${[...new Set(from.map((f) => f.lot_number))].join(", ")}`,
      data: { line_item_id: input.line_item_id, allocation_id: toId },
    },
  ])
  return {
    order_id: input.order_id,
    line_item_id: input.line_item_id,
    location_id: input.location_id,
    to: { allocation_id: toId, lot_id: input.lot_id, lot_number: scanned.lot_number, quantity: moved },
    from,
    still_on_other_lots: sources.reduce((sum, a) => sum + a.quantity, 0) - moved,
  }
}

/**
 * Undoes swapPickedLot (compensation): the scanned lot's allocation is released and the parts
 * taken from the other lots are open again, recorded as `deallocated` and `reverted` events.
 */
export async function undoPickedLotSwap(sql: Sql, result: PickSwapResult): Promise<void> {
  const reason = "pick by scan rolled back"
  await lockOrderLine(sql, result.line_item_id)
  await releaseAllocations(sql, [result.to.allocation_id], reason)
  const reopened = inLockOrder(result.from, byLotAndLocation)
  for (const part of reopened) {
    const stock = (await lockLotStock(sql, part.lot_id, part.location_id, false))!
    await addAllocated(sql, stock.id, part.quantity)
    await reopenAllocation(sql, part.allocation_id)
  }
  await insertLotEvents(
    sql,
    reopened.map((part) => ({
      lot_id: part.lot_id,
      type: LotEventType.REVERTED,
      // Allocation only: nothing on hand changes.
      quantity: 0,
      location_id: part.location_id,
      reason,
      reference_type: "order",
      reference_id: result.order_id,
      data: { line_item_id: result.line_item_id, allocation_id: part.allocation_id, allocated: part.quantity },
    }))
  )
}
