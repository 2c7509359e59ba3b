import type { SurplusRelease } from "../domain/fulfillment-plan"
import { byLotAndLocation, inLockOrder } from "../domain/lock-order"
import { settleAllocationPart } from "../sql/allocation-sql"
import {
  lockOpenAllocationIdsOfLots,
  lockOpenAllocationIdsOfOrder,
  releaseAllocatedUnits,
  releaseOpenAllocationsSql,
} from "../sql/allocation-release-sql"
import { resolveOrderShortfalls } from "../sql/shortfall-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType, type ReleasedAllocation } from "../types"
import { reopenAllocationRows } from "./fulfill"

/**
 * Gives open allocations back to their lots (order canceled, lot put on hold or expired,
 * compensation): allocated quantity goes down under row locks, one `deallocated` event per
 * allocation, all in one statement whatever the count (an expiry batch releases thousands).
 * Allocations that are no longer open are left alone, so releasing twice is harmless.
 */
export async function releaseAllocations(sql: Sql, allocationIds: string[], reason: string): Promise<ReleasedAllocation[]> {
  if (!allocationIds.length) {
    return []
  }
  return await releaseOpenAllocationsSql(sql, allocationIds, reason)
}

/**
 * Gives back parts of one line's open allocations (the line was lowered or removed): whole rows,
 * or split-off parts of them, in lock order, one `deallocated` event each. The caller holds the
 * line's lock and its allocation rows (lockOrderLine, lockOpenAllocations).
 */
export async function releaseAllocationParts(
  sql: Sql,
  line: { order_id: string; line_item_id: string; inventory_item_id: string },
  parts: SurplusRelease[],
  reason: string
): Promise<ReleasedAllocation[]> {
  const released: ReleasedAllocation[] = []
  for (const part of inLockOrder(parts, byLotAndLocation)) {
    const id = await settleAllocationPart(sql, { id: part.allocation_id, quantity: part.row_quantity }, part.quantity, "released", null)
    await releaseAllocatedUnits(sql, part.lot_id, part.location_id, part.quantity)
    released.push({ ...line, allocation_id: id, lot_id: part.lot_id, location_id: part.location_id, quantity: part.quantity })
  }
  await insertDeallocatedEvents(sql, released, reason)
  return released
}

/** One `deallocated` history entry per released allocation. */
async function insertDeallocatedEvents(sql: Sql, released: ReleasedAllocation[], reason: string): Promise<void> {
  await insertLotEvents(
    sql,
    released.map((a) => ({
      lot_id: a.lot_id,
      type: LotEventType.DEALLOCATED,
      quantity: -a.quantity,
      location_id: a.location_id,
      reason,
      reference_type: "order",
      reference_id: a.order_id,
      data: { line_item_id: a.line_item_id, allocation_id: a.allocation_id },
    }))
  )
}

/** Releases every open allocation of these lots (on hold, rejected, recalled or expired). */
export async function releaseLotAllocations(sql: Sql, lotIds: string[], reason: string): Promise<ReleasedAllocation[]> {
  if (!lotIds.length) {
    return []
  }
  return await releaseAllocations(sql, await lockOpenAllocationIdsOfLots(sql, lotIds), reason)
}

/** Releases every open allocation of an order (order canceled) and closes its shortfalls. */
export async function releaseOrderAllocations(sql: Sql, orderId: string, reason: string): Promise<ReleasedAllocation[]> {
  const released = await releaseAllocations(sql, await lockOpenAllocationIdsOfOrder(sql, orderId), reason)
  await resolveOrderShortfalls(sql, orderId)
  return released
}

/**
 * Re-opens released allocations (compensation of a release: a hold, an expiry batch or a
 * cancel rolled back), each recorded as a `reverted` event against its own order.
 */
export async function reopenAllocations(sql: Sql, released: ReleasedAllocation[]): Promise<void> {
  const reopened = await reopenAllocationRows(sql, released.map((r) => ({ ...r, back_on_hand: 0 })))
  await insertLotEvents(
    sql,
    reopened.map((a) => ({
      lot_id: a.lot_id,
      type: LotEventType.REVERTED,
      quantity: 0,
      location_id: a.location_id,
      reason: "release rolled back",
      reference_type: "order",
      reference_id: a.order_id,
      data: { line_item_id: a.line_item_id, allocation_id: a.allocation_id },
    }))
  )
}
