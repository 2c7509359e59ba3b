import type { LineAllocation, SurplusRelease } from "./fulfillment-plan"
import { leastPreferredFirst } from "./strategy-order"

/**
 * Which of a line's open allocations give units back when the line needs only `keep` of them (an
 * order edit lowered or removed it): least preferred first (ALLOCATION_KEEP_ORDER reversed), so
 * the units that expire first stay promised. A row is split when only part of it is surplus.
 */
export function planSurplusRelease(open: LineAllocation[], keep: number): SurplusRelease[] {
  let surplus = open.reduce((sum, a) => sum + a.quantity, 0) - Math.max(0, keep)
  const releaseOrder = [...open].sort((a, b) =>
    leastPreferredFirst({ allocation_id: a.id, expires_at: a.expires_at }, { allocation_id: b.id, expires_at: b.expires_at })
  )
  const releases: SurplusRelease[] = []
  for (const allocation of releaseOrder) {
    if (surplus <= 0) break
    const quantity = Math.min(allocation.quantity, surplus)
    surplus -= quantity
    releases.push({
      allocation_id: allocation.id,
      row_quantity: allocation.quantity,
      quantity,
      lot_id: allocation.lot_id,
      location_id: allocation.location_id,
    })
  }
  return releases
}
