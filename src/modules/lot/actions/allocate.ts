import { ineligibilityReason, planAllocation } from "../domain/allocation"
import { planSurplusRelease } from "../domain/allocation-surplus"
import { inLockOrder } from "../domain/lock-order"
import {
  addAllocated,
  eligibilityQuery,
  insertAllocation,
  lockCoveringStock,
  lockOpenAllocations,
  lockOrderLine,
  openAllocatedQuantity,
  sampleIneligibleLots,
} from "../sql/allocation-sql"
import { deleteShortfalls, insertShortfall, reopenShortfalls, resolveShortfalls } from "../sql/shortfall-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType, type OrderLineAllocation, type OrderLineDemand } from "../types"
import { releaseAllocationParts, releaseAllocations, reopenAllocations } from "./release-allocations"

/**
 * Brings reserved order lines' allocations to what each line needs at its location, by each
 * item's strategy: candidate stock rows are locked (FOR UPDATE, id order), so concurrent orders in
 * any process can never allocate more than a lot holds. Idempotent per line: only what open
 * allocations do not cover yet is allocated, and what they hold beyond the need (the line was
 * lowered or removed) is given back, least preferred lot first. What no eligible lot covers is
 * recorded as a shortfall.
 */
export async function allocateOrderLines(sql: Sql, lines: OrderLineDemand[]): Promise<OrderLineAllocation[]> {
  const results: OrderLineAllocation[] = []
  const needsUnits = new Set(lines.filter((l) => l.quantity > 0).map((l) => l.line_item_id))
  for (const line of inLockOrder(lines, (l) => [l.inventory_item_id, l.location_id, l.line_item_id])) {
    await lockOrderLine(sql, line.line_item_id)
    const missing = line.quantity - (await openAllocatedQuantity(sql, line.line_item_id, line.location_id))
    const result: OrderLineAllocation = {
      order_id: line.order_id,
      line_item_id: line.line_item_id,
      inventory_item_id: line.inventory_item_id,
      location_id: line.location_id,
      allocations: [],
      shortfall: 0,
      shortfall_id: null,
      shortfall_reason: null,
      resolved_shortfall_ids: [],
      released: [],
    }
    results.push(result)
    if (missing <= 0) {
      if (missing < 0) {
        // The line needs fewer units here than it holds (an order edit lowered or removed it,
        // Medusa moved its reservation): the surplus goes back before anyone picks it.
        const open = (await lockOpenAllocations(sql, line.line_item_id)).filter((a) => a.location_id === line.location_id)
        result.released = await releaseAllocationParts(sql, lineOf(line), planSurplusRelease(open, line.quantity), "order line reduced")
      }
      // A line's shortfalls are settled by its entry that needs units, if it has one.
      if (line.quantity > 0 || !needsUnits.has(line.line_item_id)) {
        result.resolved_shortfall_ids = await resolveShortfalls(sql, line.line_item_id)
      }
      continue
    }
    const rules = { ...line.rules, ship_date: new Date(line.rules.ship_date) }
    const query = eligibilityQuery(line.inventory_item_id, line.location_id, rules, line.excluded_lot_ids ?? [])
    const candidates = await lockCoveringStock(sql, query, rules, missing)
    const plan = planAllocation(candidates, missing, rules)
    const stockIdOf = new Map(candidates.map((c) => [c.lot_id, c.stock_id]))
    for (const take of plan.allocations) {
      await addAllocated(sql, stockIdOf.get(take.lot_id)!, take.quantity)
      const allocationId = await insertAllocation(sql, { ...line, lot_id: take.lot_id, quantity: take.quantity })
      result.allocations.push({ allocation_id: allocationId, ...take })
    }
    await insertLotEvents(
      sql,
      plan.allocations.map((take) => ({
        lot_id: take.lot_id,
        type: LotEventType.ALLOCATED,
        quantity: take.quantity,
        location_id: line.location_id,
        reference_type: "order",
        reference_id: line.order_id,
        data: { line_item_id: line.line_item_id },
      }))
    )
    result.resolved_shortfall_ids = await resolveShortfalls(sql, line.line_item_id)
    if (plan.shortfall > 0) {
      const passedOver = [...candidates, ...(await sampleIneligibleLots(sql, query))]
        .map((c) => ineligibilityReason(c, rules))
        .filter((reason): reason is string => reason !== null)
      result.shortfall = plan.shortfall
      result.shortfall_reason =
        `${plan.shortfall} unit(s) not covered by any eligible lot` +
        (passedOver.length ? `: ${passedOver.slice(0, 3).join("; ")}${passedOver.length > 3 ? "; …" : ""}` : "")
      result.shortfall_id = await insertShortfall(sql, { ...line, quantity: plan.shortfall, reason: result.shortfall_reason })
    }
  }
  return results
}

const lineOf = ({ order_id, line_item_id, inventory_item_id }: OrderLineDemand) => ({ order_id, line_item_id, inventory_item_id })

/** Undoes allocateOrderLines (workflow compensation). */
export async function undoOrderLineAllocations(sql: Sql, results: OrderLineAllocation[]): Promise<void> {
  await releaseAllocations(
    sql,
    results.flatMap((r) => r.allocations.map((a) => a.allocation_id)),
    "allocation reverted"
  )
  await deleteShortfalls(sql, results.map((r) => r.shortfall_id).filter((id): id is string => Boolean(id)))
  await reopenShortfalls(sql, results.flatMap((r) => r.resolved_shortfall_ids))
  for (const result of results) {
    await reopenAllocations(sql, result.released ?? [])
  }
}
