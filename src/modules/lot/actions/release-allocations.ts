import { byLotAndLocation, inLockOrder } from "../domain/lock-order"
import {
  lockOpenAllocationIdsOfLots,
  lockOpenAllocationIdsOfOrder,
  markAllocationsReleased,
  releaseAllocatedUnits,
} from "../sql/allocation-release-sql"
import { resolveOrderShortfalls } from "../sql/shortfall-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType, type ReleasedAllocation } from "../types"
import { undoFulfillOrderLines } from "./fulfill"

/**
 * Gives open allocations back to their lots (order canceled, lot put on hold, compensation):
 * allocated quantity goes down under row locks, one `deallocated` event per allocation.
 * Allocations that are no longer open are left alone, so releasing twice is harmless.
 */
export async function releaseAllocations(sql: Sql, allocationIds: string[], reason: string): Promise<ReleasedAllocation[]> {
  if (!allocationIds.length) {
    return []
  }
  const released = await markAllocationsReleased(sql, allocationIds)
  for (const allocation of inLockOrder(released, byLotAndLocation)) {
    await releaseAllocatedUnits(sql, allocation.lot_id, allocation.location_id, allocation.quantity)
  }
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
  return released
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

/** Re-opens released allocations (compensation of a release). */
export async function reopenAllocations(sql: Sql, released: ReleasedAllocation[]): Promise<void> {
  if (!released.length) {
    return
  }
  const { order_id } = released[0]
  await undoFulfillOrderLines(sql, { order_id, fulfillment_id: "", location_id: "", fulfilled: [], released })
}
