import { MedusaError } from "@medusajs/framework/utils"
import { ineligibilityReason } from "../domain/allocation"
import {
  planFulfillment,
  planSettlement,
  resolveLotPicks,
  type FulfillmentSettlement,
  type KnownLot,
  type LineLot,
  type LotPick,
} from "../domain/fulfillment-plan"
import { byLotAndLocation, inLockOrder } from "../domain/lock-order"
import { normalizeLotNumber } from "../domain/lot-number-template"
import { releaseAllocatedUnits, reopenAllocation } from "../sql/allocation-release-sql"
import {
  eligibilityQuery,
  findLotsByIdOrNumber,
  insertAllocation,
  isLineBookedInFulfillment,
  lockCoveringStock,
  lockOpenAllocations,
  lockOrderLine,
  lockStockRows,
  sampleIneligibleLots,
  settleAllocationPart,
  type LockedStockRow,
} from "../sql/allocation-sql"
import { coverShortfall } from "../sql/shortfall-sql"
import { insertLotEvents, lockLotStock, shiftLotStock, type Sql } from "../sql/sql"
import { LotEventType, type FulfillLotsInput, type FulfillLotsResult, type FulfillmentLineInput } from "../types"

/**
 * Takes a fulfillment's units out of lots: the picked lots, or the line's own allocations, or
 * other eligible lots by strategy — never a lot that is not released or will not keep until
 * shipment. Refuses (MedusaError, nothing written) when a pick is wrong or eligible stock is
 * short, saying which lot and why. Records which lots were fulfilled and gives back allocations
 * the line no longer needs.
 */
export async function fulfillOrderLines(sql: Sql, input: FulfillLotsInput): Promise<FulfillLotsResult> {
  const result: FulfillLotsResult = {
    order_id: input.order_id,
    fulfillment_id: input.fulfillment_id,
    location_id: input.location_id,
    fulfilled: [],
    released: [],
  }
  const picks = input.lines.flatMap((line) => line.picks ?? [])
  const known = await findLotsByIdOrNumber(
    sql,
    picks.map((p) => p.lot_id).filter((id): id is string => Boolean(id)),
    picks.map((p) => p.lot_number).filter((n): n is string => Boolean(n)).map(normalizeLotNumber)
  )
  for (const line of inLockOrder(input.lines, (l) => [l.inventory_item_id, l.line_item_id])) {
    await fulfillLine(sql, input, line, known, result)
  }
  return result
}

/** One line, in three steps: load it under locks, plan (domain/fulfillment-plan), write the plan. */
async function fulfillLine(sql: Sql, input: FulfillLotsInput, line: FulfillmentLineInput, known: KnownLot[], result: FulfillLotsResult) {
  const label = line.label ?? line.line_item_id
  const refuse = (reason: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cannot fulfill ${line.quantity} × ${label}: ${reason}.`)

  // Load: the line, its open allocations, and the stock rows it can ship from — only its own
  // allocated lots and the picked ones; other eligible lots are locked below only if those do not
  // cover the quantity.
  await lockOrderLine(sql, line.line_item_id)
  // Booked once per fulfillment: the integrity repair books a fulfillment a crash left unbooked,
  // and must not book it twice should the original booking land after all.
  if (await isLineBookedInFulfillment(sql, line.line_item_id, input.fulfillment_id)) {
    return
  }
  const open = await lockOpenAllocations(sql, line.line_item_id)
  const ownAt = new Map<string, number>()
  for (const a of open.filter((a) => a.location_id === input.location_id)) {
    ownAt.set(a.lot_id, (ownAt.get(a.lot_id) ?? 0) + a.quantity)
  }
  const pickedLotIds = line.picks?.length ? known.filter((k) => k.inventory_item_id === line.inventory_item_id).map((k) => k.id) : []
  let stock = await lockStockRows(sql, { lot_ids: [...new Set([...ownAt.keys(), ...pickedLotIds])], location_id: input.location_id })
  let lotPicks: LotPick[] | undefined
  if (line.picks?.length) {
    const resolved = resolveLotPicks(line.picks, known, line.inventory_item_id, new Set(stock.map((s) => s.lot_id)))
    if (!resolved.ok) throw refuse(resolved.reason)
    lotPicks = resolved.picks
  }

  // Plan, falling back to more eligible lots (locked now) when the own or picked ones fall short.
  const rules = { ...line.rules, ship_date: new Date(line.rules.ship_date) }
  const withOwn = (rows: LockedStockRow[]): LineLot[] => rows.map((s) => ({ ...s, own_open: ownAt.get(s.lot_id) ?? 0 }))
  let plan = planFulfillment(withOwn(stock), line.quantity, rules, lotPicks)
  if (!plan.ok && !lotPicks) {
    const query = eligibilityQuery(line.inventory_item_id, input.location_id, rules, [])
    const covered = withOwn(stock)
      .filter((lot) => ineligibilityReason(lot, rules) === null)
      .reduce((sum, lot) => sum + lot.own_open, 0)
    stock = await lockCoveringStock(sql, query, rules, line.quantity - covered, stock)
    const passedOver = (await sampleIneligibleLots(sql, query)).filter((row) => !stock.some((s) => s.stock_id === row.stock_id))
    plan = planFulfillment([...withOwn(stock), ...withOwn(passedOver).map((lot) => ({ ...lot, available: 0 }))], line.quantity, rules)
  }
  if (!plan.ok) {
    throw refuse(plan.reason)
  }
  const settlement = planSettlement(plan.takes, open, input.location_id, line.quantity)

  await applyFulfillment(sql, input, line, stock, settlement, Boolean(lotPicks), result)
}

/** Writes a line's settlement: stock out, allocations fulfilled or given back, history entries. */
async function applyFulfillment(
  sql: Sql,
  input: FulfillLotsInput,
  line: FulfillmentLineInput,
  stock: LockedStockRow[],
  settlement: FulfillmentSettlement,
  picked: boolean,
  result: FulfillLotsResult
) {
  const shipped = { line_item_id: line.line_item_id, location_id: input.location_id }
  for (const take of settlement.takes) {
    const row = stock.find((s) => s.lot_id === take.lot_id)!
    await shiftLotStock(sql, row.stock_id, -take.quantity, -take.from_own_allocation)
    for (const part of take.fulfilled_parts) {
      const id = await settleAllocationPart(sql, { id: part.allocation_id, quantity: part.row_quantity }, part.quantity, "fulfilled", input.fulfillment_id)
      result.fulfilled.push({ ...shipped, allocation_id: id, lot_id: take.lot_id, lot_number: take.lot_number, quantity: part.quantity })
    }
    if (take.extra > 0) {
      const id = await insertAllocation(sql, {
        ...shipped,
        order_id: input.order_id,
        inventory_item_id: line.inventory_item_id,
        lot_id: take.lot_id,
        quantity: take.extra,
        status: "fulfilled",
        fulfillment_id: input.fulfillment_id,
      })
      result.fulfilled.push({ ...shipped, allocation_id: id, lot_id: take.lot_id, lot_number: take.lot_number, quantity: take.extra })
    }
  }
  await coverShortfall(sql, line.line_item_id, settlement.unallocated_units)
  await insertLotEvents(
    sql,
    settlement.takes.map((take) => ({
      lot_id: take.lot_id,
      type: LotEventType.SHIPPED,
      quantity: -take.quantity,
      location_id: input.location_id,
      reference_type: "fulfillment",
      reference_id: input.fulfillment_id,
      data: { order_id: input.order_id, line_item_id: line.line_item_id, picked },
    }))
  )

  for (const release of settlement.releases) {
    const id = await settleAllocationPart(sql, { id: release.allocation_id, quantity: release.row_quantity }, release.quantity, "released", null)
    await releaseAllocatedUnits(sql, release.lot_id, release.location_id, release.quantity)
    await insertLotEvents(sql, [
      {
        lot_id: release.lot_id,
        type: LotEventType.DEALLOCATED,
        quantity: -release.quantity,
        location_id: release.location_id,
        reason: "fulfilled from other lots",
        reference_type: "order",
        reference_id: input.order_id,
        data: { line_item_id: line.line_item_id, allocation_id: id },
      },
    ])
    result.released.push({
      allocation_id: id,
      order_id: input.order_id,
      line_item_id: line.line_item_id,
      inventory_item_id: line.inventory_item_id,
      lot_id: release.lot_id,
      location_id: release.location_id,
      quantity: release.quantity,
    })
  }
}

/**
 * Undoes fulfillOrderLines (workflow compensation, when Medusa rolls the fulfillment back): the
 * units go back into their lots, still allocated to their lines, and allocations given back
 * during the fulfillment are open again. Recorded as `reverted` events.
 */
export async function undoFulfillOrderLines(sql: Sql, result: FulfillLotsResult): Promise<void> {
  const reopened = await reopenAllocationRows(sql, [
    ...result.fulfilled.map((f) => ({ ...f, back_on_hand: f.quantity })),
    ...result.released.map((r) => ({ ...r, back_on_hand: 0 })),
  ])
  await insertLotEvents(
    sql,
    reopened.map((row) => ({
      lot_id: row.lot_id,
      type: LotEventType.REVERTED,
      quantity: row.back_on_hand,
      location_id: row.location_id,
      reason: "fulfillment rolled back",
      reference_type: "fulfillment",
      reference_id: result.fulfillment_id,
      data: { order_id: result.order_id, line_item_id: row.line_item_id, allocation_id: row.allocation_id },
    }))
  )
}

/**
 * Opens allocations again with their units allocated in their lots, `back_on_hand` of them also
 * back on hand (units a fulfillment had taken out), in lock order; returns the rows in that order.
 */
export async function reopenAllocationRows<T extends ReopenedAllocation>(sql: Sql, rows: T[]): Promise<T[]> {
  const reopen = inLockOrder(rows, byLotAndLocation)
  for (const row of reopen) {
    const stock = (await lockLotStock(sql, row.lot_id, row.location_id, true))!
    await shiftLotStock(sql, stock.id, row.back_on_hand, row.quantity)
    await reopenAllocation(sql, row.allocation_id)
  }
  return reopen
}

type ReopenedAllocation = { allocation_id: string; lot_id: string; location_id: string; quantity: number; back_on_hand: number }
