import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import type { LotStockBlockRow } from "./domain/blocked-stock"
import {
  expireDueLotsSql,
  markExpiryWarningsSql,
  restoreExpiryWarningsSql,
  type ExpiredLot,
  type WarnedLot,
  type WarningCursor,
} from "./sql/expiry-sql"
import { expiryAggregatesSql, listExpiringLotsSql, type ExpiringLotFilters, type ExpiringLotRow } from "./sql/expiry-report-sql"
import { buildExpirySummary, type ExpirySummary } from "./domain/expiry-summary"
import { cancelShipmentLinks, restoreShipmentLinks, syncShipmentLinks } from "./sql/shipment-sql"
import { planReturn } from "./domain/return-plan"
import { MAX_RECALL_DEPTH, recallNumber, summarizeRecallScope } from "./domain/recall-scope"
import { buildTraceReport } from "./domain/trace-report"
import {
  deleteRecall,
  insertRecallScope,
  lockRecall,
  recallProgress,
  setCustomersNotified,
  setRecallClosure,
  type RecallProgress,
} from "./sql/recall-sql"
import {
  bookedReturnUnits,
  designateReturnLots,
  lockReturn,
  recordReturnBookings,
  returnableShipments,
  returnDesignations,
  type ReturnBooking,
} from "./sql/return-sql"
import { searchLotIds, type LotSearchFilters, type LotSearchPage } from "./sql/search-sql"
import { insertLineage, retireLineage } from "./sql/lineage-sql"
import { listFsmaEventsSql, type FsmaCursor, type FsmaEventFilters, type FsmaEventRow } from "./sql/fsma-sql"
import { orderShipments, traceBackward, traceForward, traceLots, type LotTrace, type TraceDirection, type TracedShipment } from "./sql/trace-sql"
import {
  inputIneligibility,
  lineageEdges,
  transformationRules,
  type LotTransformation,
  type LotTransformationInput,
  type TransformedLot,
} from "./domain/transformation"
import {
  countItemLotsByStatus,
  listItemLotsOnHand,
  lockItemLocation,
  sumItemLotStockAt,
  type ItemLotSummary,
} from "./sql/item-stock-sql"
import { UNTRACKED_ASSIGNMENT, untrackedAssignmentProblem, untrackedQuantity } from "./domain/untracked-stock"
import type { AssignUntrackedStockInput, UntrackedStockAssignment } from "./types"
import { normalizeLotNumber } from "./domain/lot-number-template"
import {
  DEFAULT_EXPIRY_WARNING_DAYS,
  EXPIRING_STATUSES,
  expiryWeeks,
  isoWeekStart,
  normalizeWarningDays,
  warningBoundaries,
} from "./domain/expiry-warnings"
import { ineligibilityReason, planAllocation, type AllocationRules } from "./domain/allocation"
import { doNotPickMessage, noFreeStockMessage, planPickSwap, type PickSwapInput, type PickSwapResult } from "./domain/pick-scan"
import { freeStockElsewhere } from "./sql/pick-scan-sql"
import { planFulfillment, type LotPick } from "./domain/fulfillment-plan"
import { LotStatusAction, LotStatusTransitionError, nextLotStatus, statusesAllowing } from "./domain/lot-status"
import {
  addAllocated,
  coverShortfall,
  findLotsByIdOrNumber,
  insertAllocation,
  lockCoveringStock,
  lockStockRows,
  retryOnLockConflict,
  sampleIneligibleLots,
  lockOpenAllocations,
  settleAllocationPart,
  insertShortfall,
  lockOrderLine,
  openAllocatedQuantity,
  resolveShortfalls,
} from "./sql/allocation-sql"
import {
  Lot,
  LotAllocation,
  LotAllocationShortfall,
  LotEvent,
  LotLineage,
  LotNumberSequence,
  LotPolicy,
  LotReturn,
  LotShipment,
  LotStock,
  MockRecall,
  Recall,
  RecallCustomer,
  RecallLot,
  RecallShipment,
} from "./models"
import {
  insertLotEvents,
  isUniqueViolation,
  lockLotStock,
  nextSequenceValue,
  notEnoughStock,
  setLotStockQuantity,
  type Sql,
} from "./sql/sql"
import {
  LotEventType,
  LotStatus,
  RecallStatus,
  type LotModuleOptions,
  type LotReceipt,
  type LotShipmentSnapshot,
  type BookReturnInput,
  type BookedReturn,
  type OpenRecallInput,
  type OpenedRecall,
  type LotStockChange,
  type FulfillLotsInput,
  type FulfillLotsResult,
  type FulfillmentLineInput,
  type LotStockChangeResult,
  type LotStatusChange,
  type LotStatusChangeInput,
  type OrderLineAllocation,
  type OrderLineDemand,
  type ReceiveLotInput,
  type ReleasedAllocation,
} from "./types"

type SqlContext = Context<SqlEntityManager>

type LockedLot = { id: string; lot_number: string; inventory_item_id: string; status: LotStatus }

export type LotStockTotal = {
  inventory_item_id: string
  location_id: string
  quantity: number
  allocated_quantity: number
}

const EVENT_FOR_ACTION: Record<LotStatusAction, LotEventType> = {
  [LotStatusAction.RELEASE]: LotEventType.RELEASED,
  [LotStatusAction.HOLD]: LotEventType.HELD,
  [LotStatusAction.REJECT]: LotEventType.REJECTED,
  [LotStatusAction.RECALL]: LotEventType.RECALLED,
  [LotStatusAction.EXPIRE]: LotEventType.EXPIRED,
}

// Stock may not be received into a lot that can never be sold again.
const CLOSED_STATUSES: LotStatus[] = [LotStatus.REJECTED, LotStatus.RECALLED, LotStatus.EXPIRED]

class LotModuleService extends MedusaService({
  Lot,
  LotStock,
  LotPolicy,
  LotEvent,
  LotNumberSequence,
  LotAllocation,
  LotAllocationShortfall,
  LotShipment,
  LotLineage,
  LotReturn,
  Recall,
  RecallLot,
  RecallShipment,
  RecallCustomer,
  MockRecall,
}) {
  protected readonly options_: Required<LotModuleOptions>

  constructor(container: Record<string, unknown>, options?: LotModuleOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = {
      receive_status: options?.receive_status ?? LotStatus.RELEASED,
      plant_code: options?.plant_code ?? "",
      line_code: options?.line_code ?? "",
      return_to_quarantine: options?.return_to_quarantine ?? true,
      expiry_warning_days: normalizeWarningDays(options?.expiry_warning_days ?? DEFAULT_EXPIRY_WARNING_DAYS),
    }
  }

  getOptions(): Required<LotModuleOptions> {
    return this.options_
  }

  /** Creates a lot (or adds to an existing one) with stock at a location, and records the receipt. */
  @InjectManager()
  async receiveLot(input: ReceiveLotInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotReceipt> {
    return await this.receiveLot_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async receiveLot_(input: ReceiveLotInput, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    requireWholeUnits(input.quantity, "quantity", { positive: true })
    const lot = input.lot_id
      ? await this.lockLot_(input.lot_id, sharedContext)
      : await this.insertLot_(input, sharedContext)
    const created = !input.lot_id
    if (lot.inventory_item_id !== input.inventory_item_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Lot ${lot.lot_number} belongs to inventory item ${lot.inventory_item_id}, not ${input.inventory_item_id}.`
      )
    }
    if (!created && CLOSED_STATUSES.includes(lot.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Lot ${lot.lot_number} is ${lot.status}; stock cannot be received into it. Receive a new lot instead.`
      )
    }
    const stock = (await lockLotStock(sql, lot.id, input.location_id, true))!
    await setLotStockQuantity(sql, stock.id, withinStorableRange(lot.lot_number, stock.quantity + input.quantity))
    const [eventId] = await insertLotEvents(sql, [
      {
        lot_id: lot.id,
        type: LotEventType.RECEIVED,
        quantity: input.quantity,
        location_id: input.location_id,
        to_status: created ? lot.status : null,
        actor_id: input.actor_id,
        reference_type: input.reference_type,
        reference_id: input.reference_id,
        data: input.supplier ? { supplier: input.supplier } : null,
      },
    ])
    return {
      lot_id: lot.id,
      lot_number: lot.lot_number,
      inventory_item_id: lot.inventory_item_id,
      location_id: input.location_id,
      quantity: input.quantity,
      created,
      event_id: eventId,
    }
  }

  /** Undoes a receipt (workflow compensation): a created lot is retired, added stock taken back. */
  @InjectManager()
  async revertLotReceipt(receipt: LotReceipt, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.revertLotReceipt_(receipt, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertLotReceipt_(receipt: LotReceipt, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    await this.changeLotStock_(
      [
        {
          lot_id: receipt.lot_id,
          location_id: receipt.location_id,
          delta: -receipt.quantity,
          event: { type: LotEventType.REVERTED, reason: "receipt reverted", reference_type: "lot_event", reference_id: receipt.event_id },
        },
      ],
      sharedContext
    )
    if (receipt.created) {
      // Soft delete frees the lot number again while its history stays on record.
      await sql.execute(`UPDATE lot_stock SET deleted_at = now() WHERE lot_id = ? AND deleted_at IS NULL`, [receipt.lot_id])
      await sql.execute(`UPDATE lot SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL`, [receipt.lot_id])
    }
  }

  /**
   * Applies signed or counted changes to lot stock, each under a row lock, refusing any that would
   * take a lot below zero or below what is allocated. One lot event per change, in the same transaction.
   */
  @InjectManager()
  async changeLotStock(
    changes: LotStockChange[],
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotStockChangeResult[]> {
    return await this.changeLotStock_(changes, sharedContext)
  }

  @InjectTransactionManager()
  protected async changeLotStock_(changes: LotStockChange[], @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    // Lock rows in one global order so two multi-row changes can never deadlock each other.
    const order = changes
      .map((change, index) => ({ change, index }))
      .sort((a, b) =>
        `${a.change.lot_id}|${a.change.location_id}`.localeCompare(`${b.change.lot_id}|${b.change.location_id}`)
      )
    const results: LotStockChangeResult[] = new Array(changes.length)
    for (const { change, index } of order) {
      if ((change.delta === undefined) === (change.counted_quantity === undefined)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "A stock change needs exactly one of delta or counted_quantity.")
      }
      requireWholeUnits(change.delta ?? change.counted_quantity!, change.delta !== undefined ? "delta" : "counted_quantity", {
        positive: false,
      })
      const lot = await this.findLot_(change.lot_id, sharedContext)
      const increases = change.counted_quantity !== undefined || (change.delta ?? 0) > 0
      const stock = await lockLotStock(sql, lot.id, change.location_id, increases)
      if (!stock) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Lot ${lot.lot_number} has no stock at location ${change.location_id}.`
        )
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
      const [eventId] = await insertLotEvents(sql, [
        { ...change.event, lot_id: lot.id, location_id: change.location_id, quantity: delta },
      ])
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

  /** Moves a lot through the status machine under a row lock, recording who did it and why. */
  @InjectManager()
  async changeLotStatus(
    input: LotStatusChangeInput,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotStatusChange> {
    return await this.changeLotStatus_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async changeLotStatus_(input: LotStatusChangeInput, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const lot = await this.lockLot_(input.lot_id, sharedContext)
    let to: LotStatus
    try {
      to = nextLotStatus(lot.status, input.action)
    } catch (error) {
      if (error instanceof LotStatusTransitionError) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Lot ${lot.lot_number}: ${error.message}`)
      }
      throw error
    }
    await sql.execute(`UPDATE lot SET status = ?, updated_at = now() WHERE id = ?`, [to, lot.id])
    const [eventId] = await insertLotEvents(sql, [
      {
        lot_id: lot.id,
        type: EVENT_FOR_ACTION[input.action],
        from_status: lot.status,
        to_status: to,
        actor_id: input.actor_id,
        reason: input.reason,
        note: input.note,
        data: input.data,
      },
    ])
    return {
      lot_id: lot.id,
      lot_number: lot.lot_number,
      inventory_item_id: lot.inventory_item_id,
      from_status: lot.status,
      to_status: to,
      event_id: eventId,
    }
  }

  /** Undoes a status change (workflow compensation), recorded as a `reverted` event. */
  @InjectManager()
  async revertLotStatusChange(change: LotStatusChange, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.revertLotStatusChange_(change, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertLotStatusChange_(change: LotStatusChange, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const lot = await this.lockLot_(change.lot_id, sharedContext)
    if (lot.status !== change.to_status) {
      return // someone moved it on since; their change stands
    }
    await sql.execute(`UPDATE lot SET status = ?, updated_at = now() WHERE id = ?`, [change.from_status, lot.id])
    await insertLotEvents(sql, [
      {
        lot_id: lot.id,
        type: LotEventType.REVERTED,
        from_status: change.to_status,
        to_status: change.from_status,
        reason: "status change reverted",
        reference_type: "lot_event",
        reference_id: change.event_id,
      },
    ])
  }

  /** Stock rows of the given lots with what is needed to keep their blocking reservations right. */
  @InjectManager()
  async listLotStockBlocks(lotIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockBlockRow[]> {
    if (!lotIds.length) {
      return []
    }
    const rows = await sharedContext.manager!.execute<LotStockBlockRow[]>(
      `SELECT s.id AS stock_id, l.id AS lot_id, l.lot_number, l.status, l.inventory_item_id, s.location_id,
              s.quantity, s.allocated_quantity, s.quarantined_quantity, s.blocked_reservation_id
         FROM lot_stock s JOIN lot l ON l.id = s.lot_id
        WHERE s.lot_id IN (?) AND s.deleted_at IS NULL
        ORDER BY s.id`,
      [lotIds]
    )
    return rows.map((r) => ({
      ...r,
      quantity: Number(r.quantity),
      allocated_quantity: Number(r.allocated_quantity),
      quarantined_quantity: Number(r.quarantined_quantity),
    }))
  }

  /**
   * Points stock rows at their blocking reservations, each only if it still points where the
   * caller saw it (compare-and-set), so two processes syncing the same lot cannot both attach one.
   * One statement for all rows; returns the ids of the stock rows that were set.
   */
  @InjectManager()
  async setBlockedReservations(
    changes: { stock_id: string; expected: string | null; next: string | null }[],
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<string[]> {
    if (!changes.length) {
      return []
    }
    const rows = await sharedContext.manager!.execute<{ id: string }[]>(
      `UPDATE lot_stock s SET blocked_reservation_id = c.next
         FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[]) AS c(stock_id, expected, next)
        WHERE s.id = c.stock_id AND s.blocked_reservation_id IS NOT DISTINCT FROM c.expected
        RETURNING s.id`,
      [changes.map((c) => c.stock_id), changes.map((c) => c.expected), changes.map((c) => c.next)]
    )
    return rows.map((r) => r.id)
  }

  /**
   * Covers reserved order lines with lots, by each item's strategy, in one transaction: candidate
   * stock rows are locked (FOR UPDATE, id order), so concurrent orders in any process can never
   * allocate more than a lot holds. Idempotent per line: only what open allocations do not cover
   * yet is allocated. What no eligible lot covers is recorded as a shortfall.
   */
  @InjectManager()
  async allocateOrderLines(
    lines: OrderLineDemand[],
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<OrderLineAllocation[]> {
    return await retryOnLockConflict(() => this.allocateOrderLines_(lines, sharedContext))
  }

  @InjectTransactionManager()
  protected async allocateOrderLines_(lines: OrderLineDemand[], @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const results: OrderLineAllocation[] = []
    const ordered = [...lines].sort((a, b) =>
      `${a.inventory_item_id}|${a.location_id}|${a.line_item_id}`.localeCompare(`${b.inventory_item_id}|${b.location_id}|${b.line_item_id}`)
    )
    for (const line of ordered) {
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
      }
      results.push(result)
      if (missing <= 0) {
        result.resolved_shortfall_ids = await resolveShortfalls(sql, line.line_item_id)
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

  /** Undoes allocateOrderLines (workflow compensation). */
  @InjectManager()
  async undoOrderLineAllocations(results: OrderLineAllocation[], @MedusaContext() sharedContext: SqlContext = {}) {
    await this.undoOrderLineAllocations_(results, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoOrderLineAllocations_(results: OrderLineAllocation[], @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    await this.releaseAllocations_(
      results.flatMap((r) => r.allocations.map((a) => a.allocation_id)),
      "allocation reverted",
      sharedContext
    )
    const created = results.map((r) => r.shortfall_id).filter((id): id is string => Boolean(id))
    if (created.length) {
      await sql.execute(`UPDATE lot_allocation_shortfall SET deleted_at = now() WHERE id IN (?)`, [created])
    }
    const resolved = results.flatMap((r) => r.resolved_shortfall_ids)
    if (resolved.length) {
      await sql.execute(`UPDATE lot_allocation_shortfall SET resolved_at = NULL WHERE id IN (?)`, [resolved])
    }
  }

  /**
   * Gives open allocations back to their lots (order canceled, lot put on hold, compensation):
   * allocated quantity goes down under row locks, one `deallocated` event per allocation.
   * Allocations that are no longer open are left alone, so releasing twice is harmless.
   */
  @InjectManager()
  async releaseAllocations(
    allocationIds: string[],
    reason: string,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ReleasedAllocation[]> {
    return await this.releaseAllocations_(allocationIds, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseAllocations_(
    allocationIds: string[],
    reason: string,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ReleasedAllocation[]> {
    if (!allocationIds.length) {
      return []
    }
    const sql = sharedContext.transactionManager!
    const released = await sql.execute<ReleasedAllocation[]>(
      `UPDATE lot_allocation SET status = 'released', updated_at = now()
        WHERE id IN (?) AND status = 'open' AND deleted_at IS NULL
        RETURNING id AS allocation_id, order_id, line_item_id, inventory_item_id, lot_id, location_id, quantity`,
      [allocationIds]
    )
    for (const allocation of [...released].sort((a, b) => `${a.lot_id}|${a.location_id}`.localeCompare(`${b.lot_id}|${b.location_id}`))) {
      await sql.execute(
        `UPDATE lot_stock SET allocated_quantity = allocated_quantity - ?, updated_at = now()
          WHERE lot_id = ? AND location_id = ? AND deleted_at IS NULL`,
        [allocation.quantity, allocation.lot_id, allocation.location_id]
      )
    }
    await insertLotEvents(
      sql,
      released.map((a) => ({
        lot_id: a.lot_id,
        type: LotEventType.DEALLOCATED,
        quantity: -Number(a.quantity),
        location_id: a.location_id,
        reason,
        reference_type: "order",
        reference_id: a.order_id,
        data: { line_item_id: a.line_item_id, allocation_id: a.allocation_id },
      }))
    )
    return released.map((a) => ({ ...a, quantity: Number(a.quantity) }))
  }

  /**
   * Takes a fulfillment's units out of lots, in one transaction: the picked lots, or the line's
   * own allocations, or other eligible lots by strategy — never a lot that is not released or
   * will not keep until shipment. Refuses (MedusaError, nothing written) when a pick is wrong or
   * eligible stock is short, saying which lot and why. Records which lots were fulfilled and
   * gives back allocations the line no longer needs.
   */
  @InjectManager()
  async fulfillOrderLines(input: FulfillLotsInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<FulfillLotsResult> {
    return await retryOnLockConflict(() => this.fulfillOrderLines_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async fulfillOrderLines_(input: FulfillLotsInput, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
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
    const ordered = [...input.lines].sort((a, b) =>
      `${a.inventory_item_id}|${a.line_item_id}`.localeCompare(`${b.inventory_item_id}|${b.line_item_id}`)
    )
    for (const line of ordered) {
      await this.fulfillLine_(sql, input, line, known, result)
    }
    return result
  }

  protected async fulfillLine_(
    sql: NonNullable<SqlContext["transactionManager"]>,
    input: FulfillLotsInput,
    line: FulfillmentLineInput,
    known: { id: string; lot_number: string; inventory_item_id: string }[],
    result: FulfillLotsResult
  ) {
    const label = line.label ?? line.line_item_id
    const refuse = (reason: string) =>
      new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cannot fulfill ${line.quantity} × ${label}: ${reason}.`)
    await lockOrderLine(sql, line.line_item_id)
    const open = await lockOpenAllocations(sql, line.line_item_id)
    const ownAt = new Map<string, number>()
    for (const a of open.filter((a) => a.location_id === input.location_id)) {
      ownAt.set(a.lot_id, (ownAt.get(a.lot_id) ?? 0) + a.quantity)
    }
    const pickedLotIds = known.filter((k) => k.inventory_item_id === line.inventory_item_id).map((k) => k.id)
    // Lock only what this line can ship from: its own allocated lots and the picked ones; other
    // eligible lots are locked below only if those do not cover the quantity.
    let stock = await lockStockRows(sql, {
      lot_ids: [...new Set([...ownAt.keys(), ...(line.picks?.length ? pickedLotIds : [])])],
      location_id: input.location_id,
    })
    let lotPicks: LotPick[] | undefined
    if (line.picks?.length) {
      lotPicks = line.picks.map((pick) => {
        const ref = pick.lot_id ?? pick.lot_number ?? ""
        const lot = known.find((k) => k.id === pick.lot_id || k.lot_number === normalizeLotNumber(pick.lot_number ?? ""))
        if (!lot) throw refuse(`picked lot "${ref}" does not exist`)
        if (lot.inventory_item_id !== line.inventory_item_id) throw refuse(`picked lot ${lot.lot_number} is a different product`)
        if (!stock.some((s) => s.lot_id === lot.id)) throw refuse(`picked lot ${lot.lot_number} has no stock at this location`)
        return { lot_id: lot.id, quantity: pick.quantity }
      })
    }
    const rules = { ...line.rules, ship_date: new Date(line.rules.ship_date) }
    const withOwn = (rows: typeof stock) => rows.map((s) => ({ ...s, own_open: ownAt.get(s.lot_id) ?? 0 }))
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

    const remainingOpen = new Map(open.map((a) => [a.id, a.quantity]))
    for (const take of plan.takes) {
      const row = stock.find((s) => s.lot_id === take.lot_id)!
      await sql.execute(
        `UPDATE lot_stock SET quantity = quantity - ?, allocated_quantity = allocated_quantity - ?, updated_at = now() WHERE id = ?`,
        [take.quantity, take.from_own_allocation, row.stock_id]
      )
      let fromOwn = take.from_own_allocation
      for (const a of open.filter((a) => a.lot_id === take.lot_id && a.location_id === input.location_id)) {
        const part = Math.min(remainingOpen.get(a.id)!, fromOwn)
        if (part === 0) continue
        const id = await settleAllocationPart(sql, { id: a.id, quantity: remainingOpen.get(a.id)! }, part, "fulfilled", input.fulfillment_id)
        remainingOpen.set(a.id, remainingOpen.get(a.id)! - part)
        fromOwn -= part
        result.fulfilled.push({ allocation_id: id, line_item_id: line.line_item_id, lot_id: take.lot_id, lot_number: take.lot_number, location_id: input.location_id, quantity: part })
      }
      const extra = take.quantity - take.from_own_allocation
      if (extra > 0) {
        const id = await insertAllocation(sql, {
          order_id: input.order_id,
          line_item_id: line.line_item_id,
          inventory_item_id: line.inventory_item_id,
          location_id: input.location_id,
          lot_id: take.lot_id,
          quantity: extra,
          status: "fulfilled",
          fulfillment_id: input.fulfillment_id,
        })
        result.fulfilled.push({ allocation_id: id, line_item_id: line.line_item_id, lot_id: take.lot_id, lot_number: take.lot_number, location_id: input.location_id, quantity: extra })
      }
    }
    // Units shipped from lots the line was not allocated cover its shortfall, if it had one.
    await coverShortfall(sql, line.line_item_id, plan.takes.reduce((sum, t) => sum + t.quantity - t.from_own_allocation, 0))
    await insertLotEvents(
      sql,
      plan.takes.map((take) => ({
        lot_id: take.lot_id,
        type: LotEventType.SHIPPED,
        quantity: -take.quantity,
        location_id: input.location_id,
        reference_type: "fulfillment",
        reference_id: input.fulfillment_id,
        data: { order_id: input.order_id, line_item_id: line.line_item_id, picked: Boolean(lotPicks) },
      }))
    )

    // The line now needs `quantity` fewer allocated units; give back the least preferred surplus.
    const openBefore = open.reduce((sum, a) => sum + a.quantity, 0)
    let surplus = [...remainingOpen.values()].reduce((sum, q) => sum + q, 0) - Math.max(0, openBefore - line.quantity)
    const releaseOrder = [...open].reverse().sort((a, b) => Number(a.location_id === input.location_id) - Number(b.location_id === input.location_id))
    for (const a of releaseOrder) {
      if (surplus <= 0) break
      const part = Math.min(remainingOpen.get(a.id)!, surplus)
      if (part === 0) continue
      const id = await settleAllocationPart(sql, { id: a.id, quantity: remainingOpen.get(a.id)! }, part, "released", null)
      remainingOpen.set(a.id, remainingOpen.get(a.id)! - part)
      surplus -= part
      await sql.execute(
        `UPDATE lot_stock SET allocated_quantity = allocated_quantity - ?, updated_at = now()
          WHERE lot_id = ? AND location_id = ? AND deleted_at IS NULL`,
        [part, a.lot_id, a.location_id]
      )
      await insertLotEvents(sql, [
        {
          lot_id: a.lot_id,
          type: LotEventType.DEALLOCATED,
          quantity: -part,
          location_id: a.location_id,
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
        lot_id: a.lot_id,
        location_id: a.location_id,
        quantity: part,
      })
    }
  }

  /**
   * Undoes fulfillOrderLines (workflow compensation, when Medusa rolls the fulfillment back):
   * the units go back into their lots, still allocated to their lines, and allocations given
   * back during the fulfillment are open again. Recorded as `reverted` events.
   */
  @InjectManager()
  async undoFulfillOrderLines(result: FulfillLotsResult, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.undoFulfillOrderLines_(result, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoFulfillOrderLines_(result: FulfillLotsResult, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const reopen = [
      ...result.fulfilled.map((f) => ({ ...f, back_on_hand: f.quantity })),
      ...result.released.map((r) => ({ ...r, lot_number: "", back_on_hand: 0 })),
    ].sort((a, b) => `${a.lot_id}|${a.location_id}`.localeCompare(`${b.lot_id}|${b.location_id}`))
    for (const row of reopen) {
      const stock = (await lockLotStock(sql, row.lot_id, row.location_id, true))!
      await sql.execute(
        `UPDATE lot_stock SET quantity = quantity + ?, allocated_quantity = allocated_quantity + ?, updated_at = now() WHERE id = ?`,
        [row.back_on_hand, row.quantity, stock.id]
      )
      await sql.execute(`UPDATE lot_allocation SET status = 'open', fulfillment_id = NULL, updated_at = now() WHERE id = ?`, [
        row.allocation_id,
      ])
    }
    await insertLotEvents(
      sql,
      reopen.map((row) => ({
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

  /** Re-opens released allocations (compensation of a release). */
  @InjectManager()
  async reopenAllocations(released: ReleasedAllocation[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    if (!released.length) {
      return
    }
    const { order_id } = released[0]
    await this.undoFulfillOrderLines_({ order_id, fulfillment_id: "", location_id: "", fulfilled: [], released }, sharedContext)
  }

  /** Releases every open allocation of these lots (on hold, rejected, recalled or expired). */
  @InjectManager()
  async releaseLotAllocations(lotIds: string[], reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await this.releaseLotAllocations_(lotIds, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseLotAllocations_(lotIds: string[], reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    if (!lotIds.length) {
      return []
    }
    const open = await sharedContext.transactionManager!.execute<{ id: string }[]>(
      `SELECT id FROM lot_allocation WHERE lot_id IN (?) AND status = 'open' AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [lotIds]
    )
    return await this.releaseAllocations_(open.map((a) => a.id), reason, sharedContext)
  }

  /**
   * Puts the units of a canceled (or rolled back) fulfillment back into their lots and closes its
   * fulfilled allocations as canceled. Idempotent: a second call finds nothing left to return.
   */
  @InjectManager()
  async returnFulfilledLots(
    fulfillmentId: string,
    reason: string,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ order_ids: string[]; lot_ids: string[]; returned: number }> {
    return await this.returnFulfilledLots_(fulfillmentId, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async returnFulfilledLots_(fulfillmentId: string, reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const rows = await sql.execute<{ id: string; order_id: string; line_item_id: string; lot_id: string; location_id: string; quantity: number }[]>(
      `UPDATE lot_allocation SET status = 'canceled', updated_at = now()
        WHERE fulfillment_id = ? AND status = 'fulfilled' AND deleted_at IS NULL
        RETURNING id, order_id, line_item_id, lot_id, location_id, quantity`,
      [fulfillmentId]
    )
    for (const row of [...rows].sort((a, b) => `${a.lot_id}|${a.location_id}`.localeCompare(`${b.lot_id}|${b.location_id}`))) {
      const stock = (await lockLotStock(sql, row.lot_id, row.location_id, true))!
      await setLotStockQuantity(sql, stock.id, stock.quantity + Number(row.quantity))
    }
    await insertLotEvents(
      sql,
      rows.map((row) => ({
        lot_id: row.lot_id,
        type: LotEventType.FULFILLMENT_CANCELED,
        quantity: Number(row.quantity),
        location_id: row.location_id,
        reason,
        reference_type: "fulfillment",
        reference_id: fulfillmentId,
        data: { order_id: row.order_id, line_item_id: row.line_item_id },
      }))
    )
    await cancelShipmentLinks(sql, fulfillmentId)
    return {
      order_ids: [...new Set(rows.map((r) => r.order_id))],
      lot_ids: [...new Set(rows.map((r) => r.lot_id))],
      returned: rows.reduce((sum, r) => sum + Number(r.quantity), 0),
    }
  }

  /**
   * Books a received return's units back into the lots they shipped from, at the return's
   * location — into quarantine unless configured otherwise. `units` per line is what Medusa has
   * restocked for it so far, so a replayed event or a second partial receipt books only the rest.
   */
  @InjectTransactionManager()
  async bookReturnedUnits(input: BookReturnInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<BookedReturn> {
    const sql = sharedContext.transactionManager!
    await lockReturn(sql, input.return_id)
    const bookings: ReturnBooking[] = []
    const unmatched: BookedReturn["unmatched"] = []
    for (const line of input.lines) {
      const due = line.units - (await bookedReturnUnits(sql, input.return_id, line))
      if (due <= 0) continue
      const plan = planReturn(
        due,
        await returnDesignations(sql, input.return_id, line),
        await returnableShipments(sql, input.order_id, line)
      )
      bookings.push(...plan.entries.map((e) => ({ ...e, line_item_id: line.line_item_id })))
      if (plan.unmatched) unmatched.push({ line_item_id: line.line_item_id, quantity: plan.unmatched })
    }
    const context = { ...input, quarantined: input.quarantine }
    await recordReturnBookings(sql, context, bookings, 1)
    const stock = await this.changeLotStock_(
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
      })),
      sharedContext
    )
    return { ...context, bookings, stock, unmatched }
  }

  /** Undoes bookReturnedUnits (compensation): units out again, counts back, `reverted` events. */
  @InjectTransactionManager()
  async undoReturnedUnits(booked: BookedReturn, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const sql = sharedContext.transactionManager!
    await lockReturn(sql, booked.return_id)
    await recordReturnBookings(sql, booked, booked.bookings, -1)
    await this.changeLotStock_(
      booked.stock.map((r) => ({
        lot_id: r.lot_id,
        location_id: r.location_id,
        delta: -r.delta,
        quarantined: r.quarantined,
        event: { type: LotEventType.REVERTED, reference_type: "lot_event", reference_id: r.event_id },
      })),
      sharedContext
    )
  }

  /** Records which lot the units of returned lines came from, before the return is received. */
  @InjectTransactionManager()
  async designateReturnLots(
    input: { return_id: string; order_id: string; items: { line_item_id: string; lot_id: string; quantity: number }[] },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<void> {
    const sql = sharedContext.transactionManager!
    await lockReturn(sql, input.return_id)
    await designateReturnLots(sql, input, input.items)
  }

  /**
   * Returned units passed inspection: they leave quarantine and may be sold again. `undo_of`
   * (compensation) puts the units of that earlier restock back into quarantine instead.
   */
  @InjectTransactionManager()
  async restockReturnedUnits(
    input: {
      lot_id: string
      location_id: string
      quantity: number
      actor_id?: string | null
      note?: string | null
      undo_of?: string
    },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotStockChangeResult> {
    const sql = sharedContext.transactionManager!
    requireWholeUnits(input.quantity, "quantity", { positive: true })
    const lot = await this.findLot_(input.lot_id, sharedContext)
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

  /**
   * Opens a recall in one transaction: the named lots and every lot made from them (any depth)
   * become recalled (a `recalled` event each; lots already rejected or recalled keep their status),
   * and the scope is copied — lots, shipments, customers, quantities — as it stands now.
   * Allocations, re-allocation and Medusa's blocks follow in the recall workflow.
   *
   * The named lots are locked first, so no production can take from them while the scope is
   * walked; the scope's lots are locked next in id order. Two recalls whose scopes cross can
   * deadlock on that second lock: PostgreSQL aborts one, which is retried whole.
   */
  @InjectManager()
  async openRecall(input: OpenRecallInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<OpenedRecall> {
    return await retryOnLockConflict(() => this.openRecall_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async openRecall_(input: OpenRecallInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<OpenedRecall> {
    const sql = sharedContext.transactionManager!
    const started = Date.now()
    // An unknown lot is refused by recallScope_ (NOT_FOUND), like a preview.
    await sql.execute(`SELECT id FROM lot WHERE id IN (?) AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [input.lot_ids])
    const { report, summary } = await this.recallScope_(input.lot_ids, sql)
    const scopeIds = report.lots.map((l) => l.id).sort()
    const locked = await sql.execute<LockedLot[]>(
      `SELECT id, lot_number, inventory_item_id, status FROM lot WHERE id IN (?) ORDER BY id FOR UPDATE`,
      [scopeIds]
    )
    const recallId = generateEntityId(undefined, "rcl")
    const changed = locked.filter((lot) => statusesAllowing(LotStatusAction.RECALL).includes(lot.status))
    if (changed.length) {
      await sql.execute(`UPDATE lot SET status = 'recalled', updated_at = now() WHERE id IN (?)`, [changed.map((l) => l.id)])
    }
    const recall = {
      id: recallId,
      recall_number: recallNumber(await nextSequenceValue(sql, "recall")),
      reason: input.reason,
      classification: input.classification,
      public_notice: input.public_notice ?? null,
      created_by: input.actor_id ?? null,
      summary: { ...summary, duration_ms: Date.now() - started },
    }
    await insertLotEvents(
      sql,
      changed.map((lot) => ({
        lot_id: lot.id,
        type: LotEventType.RECALLED,
        from_status: lot.status,
        to_status: LotStatus.RECALLED,
        actor_id: input.actor_id,
        reason: input.reason,
        reference_type: "recall",
        reference_id: recallId,
        data: { recall_number: recall.recall_number, classification: input.classification },
      }))
    )
    await insertRecallScope(sql, recall, report, new Map(locked.map((l) => [l.id, l.status])))
    return {
      id: recallId,
      recall_number: recall.recall_number,
      classification: input.classification,
      lot_ids: scopeIds,
      status_changes: changed.map((l) => ({ lot_id: l.id, from_status: l.status })),
      summary: recall.summary,
    }
  }

  /** Undoes openRecall (compensation): statuses back with `reverted` events, the recall removed. */
  @InjectTransactionManager()
  async undoOpenRecall(opened: OpenedRecall, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const sql = sharedContext.transactionManager!
    for (const change of opened.status_changes) {
      await sql.execute(`UPDATE lot SET status = ?, updated_at = now() WHERE id = ?`, [change.from_status, change.lot_id])
    }
    await insertLotEvents(
      sql,
      opened.status_changes.map((change) => ({
        lot_id: change.lot_id,
        type: LotEventType.REVERTED,
        from_status: LotStatus.RECALLED,
        to_status: change.from_status,
        reason: "recall could not be completed",
        reference_type: "recall",
        reference_id: opened.id,
      }))
    )
    await deleteRecall(sql, opened.id)
  }

  /**
   * A recall rehearsal: the same scope computed without changing anything, timed, with its mass
   * balance, and kept in the mock recall history.
   */
  @InjectTransactionManager()
  async runMockRecall(
    input: { lot_ids: string[]; actor_id?: string | null },
    @MedusaContext() sharedContext: SqlContext = {}
  ) {
    const sql = sharedContext.transactionManager!
    const { report, summary } = await this.recallScope_(input.lot_ids, sql)
    const id = generateEntityId(undefined, "mockrcl")
    const lotNumbers = report.lots.filter((l) => l.relation === "start").map((l) => l.lot_number)
    await sql.execute(
      `INSERT INTO mock_recall (id, lot_ids, lot_numbers, ran_by, duration_ms, lot_count, shipment_count, customer_count,
                                received_quantity, accounted_quantity, mass_balance_percent, summary)
       VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
      [
        id, JSON.stringify(input.lot_ids), JSON.stringify(lotNumbers), input.actor_id ?? null, summary.duration_ms,
        summary.lots, summary.shipments, summary.customers, summary.received_quantity, summary.accounted_quantity,
        summary.mass_balance_percent, JSON.stringify(summary),
      ]
    )
    return { id, summary, report }
  }

  /** Closes an open recall, recording who closed it and why. Lots keep their status. */
  @InjectTransactionManager()
  async closeRecall(
    input: { recall_id: string; reason: string; actor_id?: string | null; reopen?: boolean },
    @MedusaContext() sharedContext: SqlContext = {}
  ) {
    const sql = sharedContext.transactionManager!
    const recall = await lockRecall(sql, input.recall_id)
    if (!recall) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Recall with id: ${input.recall_id} was not found`)
    }
    if (input.reopen) {
      // Compensation of a close that could not be completed.
      await setRecallClosure(sql, recall.id, { status: RecallStatus.OPEN, closed_at: null, closed_by: null, close_reason: null })
      return recall
    }
    if (recall.status === RecallStatus.CLOSED) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Recall ${recall.recall_number} is already closed.`)
    }
    await setRecallClosure(sql, recall.id, {
      status: RecallStatus.CLOSED,
      closed_at: new Date(),
      closed_by: input.actor_id ?? null,
      close_reason: input.reason,
    })
    return recall
  }

  /** Marks customers of a recall as told; unknown customer keys are refused, nothing changes. */
  @InjectTransactionManager()
  async markRecallCustomersNotified(
    input: { recall_id: string; customer_keys: string[]; actor_id?: string | null; restore?: { customer_key: string; notified_at: Date | null; notified_by: string | null }[] },
    @MedusaContext() sharedContext: SqlContext = {}
  ) {
    const sql = sharedContext.transactionManager!
    const recall = await lockRecall(sql, input.recall_id)
    if (!recall) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Recall with id: ${input.recall_id} was not found`)
    }
    if (input.restore) {
      for (const row of input.restore) {
        await setCustomersNotified(sql, recall.id, [row.customer_key], { at: row.notified_at, by: row.notified_by })
      }
      return []
    }
    const before = await setCustomersNotified(sql, recall.id, input.customer_keys, { at: new Date(), by: input.actor_id ?? null })
    const unknown = input.customer_keys.find((key) => !before.some((row) => row.customer_key === key))
    if (unknown) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Customer ${unknown} is not among the customers of recall ${recall.recall_number}.`)
    }
    return before
  }

  /** What a recall of the lots would reach, computed and timed without recording anything. */
  @InjectManager()
  async previewRecall(lotIds: string[], @MedusaContext() sharedContext: SqlContext = {}) {
    return await this.recallScope_(lotIds, sharedContext.manager!)
  }

  protected async recallScope_(lotIds: string[], sql: Sql) {
    const started = Date.now()
    const report = buildTraceReport({ forward: await traceForward(sql, lotIds, MAX_RECALL_DEPTH) }, lotIds)
    const found = new Set(report.lots.map((l) => l.id))
    const missing = lotIds.find((id) => !found.has(id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missing} was not found`)
    }
    return { report, summary: summarizeRecallScope(report, Date.now() - started) }
  }

  /**
   * The public face of a recall for a lot number: number, class, notice and date of the most
   * recent recall (open or closed) whose scope holds that lot; null when there is none.
   */
  @InjectManager()
  async publicRecallNotice(lotNumber: string, @MedusaContext() sharedContext: SqlContext = {}) {
    const [row] = await sharedContext.manager!.execute<
      { recall_number: string; classification: string; public_notice: string | null; recalled_at: Date; status: string }[]
    >(
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

  @InjectManager()
  async getRecallProgress(recallId: string, @MedusaContext() sharedContext: SqlContext = {}): Promise<RecallProgress> {
    return await recallProgress(sharedContext.manager!, recallId)
  }

  /**
   * Picking by scan: moves as many of an order line's open allocated units at a location as the
   * scanned lot has free from the line's other lots (least preferred first) to the scanned lot, in
   * one transaction under the allocation locks — the line's advisory lock, its allocations, then
   * the lots FOR SHARE and their stock rows FOR UPDATE in id order — so two pickers swapping onto
   * the last free units of a lot cannot oversell it. Refuses (NOT_ALLOWED, nothing written) when
   * the lot may not ship or has no free units there. Writes `deallocated` and `allocated` events.
   */
  @InjectManager()
  async swapPickedLot(input: PickSwapInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<PickSwapResult> {
    return await retryOnLockConflict(() => this.swapPickedLot_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async swapPickedLot_(input: PickSwapInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<PickSwapResult> {
    const sql = sharedContext.transactionManager!
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
      scanned.available
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
  @InjectManager()
  async undoPickedLotSwap(result: PickSwapResult, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.undoPickedLotSwap_(result, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoPickedLotSwap_(result: PickSwapResult, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const reason = "pick by scan rolled back"
    await lockOrderLine(sql, result.line_item_id)
    await this.releaseAllocations_([result.to.allocation_id], reason, sharedContext)
    const reopened = [...result.from].sort((a, b) => a.lot_id.localeCompare(b.lot_id))
    for (const part of reopened) {
      const stock = (await lockLotStock(sql, part.lot_id, part.location_id, false))!
      await addAllocated(sql, stock.id, part.quantity)
      await sql.execute(`UPDATE lot_allocation SET status = 'open', updated_at = now() WHERE id = ?`, [part.allocation_id])
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

  /** Records or updates the shipment links of one fulfillment (idempotent; see syncShipmentLinks). */
  @InjectTransactionManager()
  async syncLotShipments(snapshot: LotShipmentSnapshot, @MedusaContext() sharedContext: SqlContext = {}) {
    return await syncShipmentLinks(sharedContext.transactionManager!, snapshot)
  }

  @InjectTransactionManager()
  async undoLotShipmentSync(
    state: Awaited<ReturnType<typeof syncShipmentLinks>>,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<void> {
    await restoreShipmentLinks(sharedContext.transactionManager!, state)
  }

  /** Releases every open allocation of an order (order canceled) and closes its shortfalls. */
  @InjectManager()
  async releaseOrderAllocations(orderId: string, reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await this.releaseOrderAllocations_(orderId, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseOrderAllocations_(orderId: string, reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const open = await sql.execute<{ id: string }[]>(
      `SELECT id FROM lot_allocation WHERE order_id = ? AND status = 'open' AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [orderId]
    )
    const released = await this.releaseAllocations_(open.map((a) => a.id), reason, sharedContext)
    await sql.execute(
      `UPDATE lot_allocation_shortfall SET resolved_at = now(), updated_at = now()
        WHERE order_id = ? AND resolved_at IS NULL AND deleted_at IS NULL`,
      [orderId]
    )
    return released
  }

  /**
   * Announces lots that entered a smaller expiry warning window than the last one announced: one
   * batch of at most `limit` lots after `after` in expiry order, in one statement that also writes
   * their `expiry_warning` history entries. Returns them in expiry order (the last is the next cursor).
   */
  @InjectManager()
  async markExpiryWarnings(
    input: { as_of: Date; limit: number; after?: WarningCursor | null },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<WarnedLot[]> {
    return await this.markExpiryWarnings_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async markExpiryWarnings_(
    input: { as_of: Date; limit: number; after?: WarningCursor | null },
    @MedusaContext() sharedContext: SqlContext = {}
  ) {
    return await markExpiryWarningsSql(sharedContext.transactionManager!, {
      ...input,
      boundaries: warningBoundaries(this.options_.expiry_warning_days, input.as_of),
      statuses: EXPIRING_STATUSES,
    })
  }

  /** Undoes markExpiryWarnings (compensation): the announced windows go back; the history stays. */
  @InjectManager()
  async restoreExpiryWarnings(warned: WarnedLot[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await restoreExpiryWarningsSql(sharedContext.manager!, warned)
  }

  /** A page of lots with stock on hand expiring within a window (optionally also those past expiry). */
  @InjectManager()
  async listExpiringLots(
    filters: Omit<ExpiringLotFilters, "statuses">,
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ lots: ExpiringLotRow[]; count: number }> {
    return await listExpiringLotsSql(sharedContext.manager!, { ...filters, statuses: EXPIRING_STATUSES }, page)
  }

  /**
   * Stock at risk of expiry: per ISO week for `weeks` weeks, past expiry, and within each warning
   * window — in total, per location and per product (the `products_limit` most at risk).
   */
  @InjectManager()
  async summarizeExpiry(
    input: { as_of: Date; weeks: number; products_limit: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ExpirySummary> {
    const weeks = expiryWeeks(input.as_of, input.weeks)
    const weeksFrom = isoWeekStart(input.as_of)
    const rows = await expiryAggregatesSql(sharedContext.manager!, {
      as_of: input.as_of,
      weeks_from: weeksFrom,
      weeks_until: new Date(weeksFrom.getTime() + input.weeks * 7 * 86_400_000),
      windows: warningBoundaries(this.options_.expiry_warning_days, input.as_of),
      statuses: EXPIRING_STATUSES,
    })
    return buildExpirySummary(rows, { ...input, weeks, windows: this.options_.expiry_warning_days })
  }

  /**
   * Marks lots whose expiry has passed as expired — one set-based statement per batch, with one
   * `expired` event per lot written by the same statement. Lots locked by another transaction are
   * skipped (SKIP LOCKED) and caught by the next run.
   */
  @InjectManager()
  async expireDueLots(asOf: Date, limit: number, @MedusaContext() sharedContext: SqlContext = {}): Promise<ExpiredLot[]> {
    return await this.expireDueLots_(asOf, limit, sharedContext)
  }

  @InjectTransactionManager()
  protected async expireDueLots_(asOf: Date, limit: number, @MedusaContext() sharedContext: SqlContext = {}) {
    return await expireDueLotsSql(sharedContext.transactionManager!, asOf, limit)
  }

  /** Undoes expireDueLots (compensation): each lot back to the status it had, as `reverted` events. */
  @InjectManager()
  async unexpireLots(lots: ExpiredLot[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.unexpireLots_(lots, sharedContext)
  }

  @InjectTransactionManager()
  protected async unexpireLots_(lots: ExpiredLot[], @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    for (const lot of lots) {
      const rows = await sql.execute<{ id: string }[]>(
        `UPDATE lot SET status = ?, updated_at = now() WHERE id = ? AND status = 'expired' RETURNING id`,
        [lot.from_status, lot.id]
      )
      if (rows.length) {
        await insertLotEvents(sql, [
          { lot_id: lot.id, type: LotEventType.REVERTED, from_status: LotStatus.EXPIRED, to_status: lot.from_status, reason: "expiry sweep reverted" },
        ])
      }
    }
  }

  /**
   * Puts units Medusa already stocks, but no lot holds, into a new or existing lot without touching
   * Medusa's level, recorded as a `received` event with reference_type "untracked_assignment". The
   * lot stock is summed again under a transaction-scoped lock on the item and location, so two
   * assignments of the same last units never both succeed, in any number of server processes.
   */
  @InjectManager()
  async assignUntrackedStock(
    input: AssignUntrackedStockInput,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<UntrackedStockAssignment> {
    return await this.assignUntrackedStock_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async assignUntrackedStock_(input: AssignUntrackedStockInput, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const { stocked_quantity, inventory_level_id, ...receipt } = input
    await lockItemLocation(sql, input.inventory_item_id, input.location_id)
    const lotQuantity = await sumItemLotStockAt(sql, input.inventory_item_id, input.location_id)
    const problem = untrackedAssignmentProblem({ ...input, lot_quantity: lotQuantity })
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
    }
    const received = await this.receiveLot_(
      { ...receipt, reference_type: UNTRACKED_ASSIGNMENT, reference_id: inventory_level_id ?? null },
      sharedContext
    )
    return { ...received, untracked_quantity: untrackedQuantity(stocked_quantity, lotQuantity + input.quantity) }
  }

  /** An item's lots at a glance: how many per status, those still holding units, the next to expire. */
  @InjectManager()
  async summarizeItemLots(
    inventoryItemId: string,
    { limit, as_of }: { limit: number; as_of: Date },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ItemLotSummary> {
    const sql = sharedContext.manager!
    const [counts, onHand, next] = await Promise.all([
      countItemLotsByStatus(sql, inventoryItemId),
      listItemLotsOnHand(sql, inventoryItemId, limit),
      listItemLotsOnHand(sql, inventoryItemId, 1, {
        status: [LotStatus.RELEASED, LotStatus.QUARANTINE, LotStatus.ON_HOLD],
        expires_from: as_of,
      }),
    ])
    const byStatus = Object.fromEntries(Object.values(LotStatus).map((status) => [status, 0])) as Record<LotStatus, number>
    for (const { status, count } of counts) {
      byStatus[status] = count
    }
    return {
      lots_by_status: byStatus,
      lot_count: counts.reduce((sum, c) => sum + c.count, 0),
      lots_on_hand: onHand.lots,
      lots_on_hand_count: onHand.count,
      next_expiry: next.lots[0] ?? null,
    }
  }

  /** Next value of a lot-number sequence; safe under concurrent receipts (one atomic upsert). */
  @InjectManager()
  async nextLotNumberSequence(key: string, @MedusaContext() sharedContext: SqlContext = {}): Promise<number> {
    return await nextSequenceValue(sharedContext.manager!, key)
  }

  /**
   * The lots an FSMA 204 export is filtered by, named by id or lot number; NOT_FOUND names the first
   * that does not exist, so a mistyped lot code is refused instead of exporting nothing.
   */
  @InjectManager()
  async resolveFsmaLots(
    filter: { lot_ids: string[]; lot_numbers: string[] },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<string[]> {
    const numbers = filter.lot_numbers.map(normalizeLotNumber)
    const found = await findLotsByIdOrNumber(sharedContext.manager!, filter.lot_ids, numbers)
    const missingId = filter.lot_ids.find((id) => !found.some((lot) => lot.id === id))
    if (missingId) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missingId} was not found`)
    }
    const missingNumber = numbers.find((number) => !found.some((lot) => lot.lot_number === number))
    if (missingNumber) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with lot number: ${missingNumber} was not found`)
    }
    return [...new Set(found.map((lot) => lot.id))]
  }

  /** One page of FSMA 204 Critical Tracking Events in event-time order (see listFsmaEventsSql). */
  @InjectManager()
  async listFsmaEvents(
    filters: FsmaEventFilters,
    page: { after?: FsmaCursor; take: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<FsmaEventRow[]> {
    return await listFsmaEventsSql(sharedContext.manager!, filters, page)
  }

  /** Lot stock summed per inventory item and location, for reconciliation with Medusa's levels. */
  @InjectManager()
  async sumLotStock(
    filter: { inventory_item_id?: string[] } = {},
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotStockTotal[]> {
    const ids = filter.inventory_item_id
    if (ids && !ids.length) {
      return []
    }
    const rows = await sharedContext.manager!.execute<LotStockTotal[]>(
      `SELECT l.inventory_item_id, s.location_id,
              SUM(s.quantity)::bigint AS quantity, SUM(s.allocated_quantity)::bigint AS allocated_quantity
         FROM lot_stock s
         JOIN lot l ON l.id = s.lot_id AND l.deleted_at IS NULL
        WHERE s.deleted_at IS NULL ${ids ? "AND l.inventory_item_id IN (?)" : ""}
        GROUP BY l.inventory_item_id, s.location_id`,
      ids ? [ids] : []
    )
    return rows.map((r) => ({ ...r, quantity: Number(r.quantity), allocated_quantity: Number(r.allocated_quantity) }))
  }

  /** A page of lot ids matching the admin list's filters, and how many match in all. */
  @InjectManager()
  async searchLots(
    filters: LotSearchFilters,
    page: LotSearchPage,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ ids: string[]; count: number }> {
    return await searchLotIds(sharedContext.manager!, filters, page)
  }

  // The lot history is append-only: the generated edit and delete methods are closed.
  updateLotEvents = refuseEventEdit
  deleteLotEvents = refuseEventEdit
  softDeleteLotEvents = refuseEventEdit
  restoreLotEvents = refuseEventEdit

  /**
   * A production or a split in one transaction: locks the input lots (FOR SHARE) and their stock at
   * the location (FOR UPDATE), refuses an input that is not eligible or lacks free units (naming the
   * lot and why), takes the units out (`consumed`), creates the output lots with their stock
   * (`produced`) and records the lineage edges, all under one transformation id.
   */
  @InjectManager()
  async transformLots(
    input: LotTransformationInput,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotTransformation> {
    return await retryOnLockConflict(() => this.transformLots_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async transformLots_(input: LotTransformationInput, @MedusaContext() sharedContext: SqlContext = {}) {
    const sql = sharedContext.transactionManager!
    const rules = transformationRules(input.kind)
    const lotIds = input.inputs.map((i) => i.lot_id)
    if (new Set(lotIds).size !== lotIds.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Each input lot may be listed only once; add its quantities together.")
    }
    for (const part of [...input.inputs, ...input.outputs]) {
      requireWholeUnits(part.quantity, "quantity", { positive: true })
    }
    const known = await findLotsByIdOrNumber(sql, lotIds, [])
    const missing = lotIds.find((id) => !known.some((k) => k.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missing} was not found`)
    }
    const stock = await lockStockRows(sql, { lot_ids: lotIds, location_id: input.location_id })
    const now = new Date()
    const inputs: TransformedLot[] = []
    for (const wanted of input.inputs) {
      const lot = known.find((k) => k.id === wanted.lot_id)!
      const row = stock.find((s) => s.lot_id === lot.id)
      if (!row) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Lot ${lot.lot_number} has no stock at location ${input.location_id}.`)
      }
      const problem = inputIneligibility(row, wanted.quantity, rules, now)
      if (problem) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cannot use ${wanted.quantity} unit(s) of lot ${lot.lot_number}: ${problem}.`)
      }
      await setLotStockQuantity(sql, row.stock_id, row.quantity - wanted.quantity)
      inputs.push({ lot_id: lot.id, lot_number: lot.lot_number, inventory_item_id: lot.inventory_item_id, quantity: wanted.quantity, status: row.status, event_id: "" })
    }

    const outputs: TransformedLot[] = []
    for (const output of input.outputs) {
      const status = rules.outputs_inherit_status ? inputs[0].status : output.status
      const lot = await this.insertLot_({ ...output, status, location_id: input.location_id }, sharedContext)
      const row = (await lockLotStock(sql, lot.id, input.location_id, true))!
      await setLotStockQuantity(sql, row.id, withinStorableRange(lot.lot_number, output.quantity))
      outputs.push({ lot_id: lot.id, lot_number: lot.lot_number, inventory_item_id: lot.inventory_item_id, quantity: output.quantity, status: lot.status, event_id: "" })
    }

    const transformationId = generateEntityId(undefined, "lottrf")
    const edges = lineageEdges(inputs, outputs)
    await insertLineage(sql, { ...input, transformation_id: transformationId }, edges)
    const reference = { reference_type: input.kind, reference_id: transformationId, actor_id: input.actor_id, note: input.note }
    const eventIds = await insertLotEvents(sql, [
      ...inputs.map((lot) => ({
        ...reference,
        lot_id: lot.lot_id,
        type: LotEventType.CONSUMED,
        quantity: -lot.quantity,
        location_id: input.location_id,
        data: { into_lot_ids: outputs.map((o) => o.lot_id) },
      })),
      ...outputs.map((lot) => ({
        ...reference,
        lot_id: lot.lot_id,
        type: LotEventType.PRODUCED,
        quantity: lot.quantity,
        location_id: input.location_id,
        to_status: lot.status,
        data: { from_lot_ids: inputs.map((i) => i.lot_id) },
      })),
    ])
    ;[...inputs, ...outputs].forEach((lot, index) => (lot.event_id = eventIds[index]))
    return { transformation_id: transformationId, kind: input.kind, location_id: input.location_id, inputs, outputs, lineage: edges }
  }

  /**
   * Undoes transformLots (workflow compensation): the output lots are retired, the input units go
   * back, each recorded as a `reverted` event, and the lineage edges are retired.
   */
  @InjectManager()
  async revertLotTransformation(t: LotTransformation, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.revertLotTransformation_(t, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertLotTransformation_(t: LotTransformation, @MedusaContext() sharedContext: SqlContext = {}) {
    for (const output of t.outputs) {
      await this.revertLotReceipt_({ ...output, location_id: t.location_id, created: true }, sharedContext)
    }
    await this.changeLotStock_(
      t.inputs.map((lot) => ({
        lot_id: lot.lot_id,
        location_id: t.location_id,
        delta: lot.quantity,
        event: { type: LotEventType.REVERTED, reason: `${t.kind} reverted`, reference_type: "lot_event", reference_id: lot.event_id },
      })),
      sharedContext
    )
    await retireLineage(sharedContext.transactionManager!, t.transformation_id)
  }

  /**
   * Traces from lots forward (what was made from them, where it shipped, what is on hand), backward
   * (what went into them, from which suppliers) or both: one recursive statement per direction.
   * NOT_FOUND names a starting lot that does not exist.
   */
  @InjectManager()
  async traceFromLots(
    lotIds: string[],
    options: { direction: TraceDirection | "both"; max_depth: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ forward?: LotTrace; backward?: LotTrace }> {
    const directions: TraceDirection[] = options.direction === "both" ? ["forward", "backward"] : [options.direction]
    const traces: { forward?: LotTrace; backward?: LotTrace } = {}
    for (const direction of directions) {
      traces[direction] = await traceLots(sharedContext.manager!, lotIds, direction, options.max_depth)
    }
    const found = new Set(traces[directions[0]]!.lots.map((l) => l.id))
    const missing = lotIds.find((id) => !found.has(id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missing} was not found`)
    }
    return traces
  }

  /** Backward from an order: the lots shipped in it (not canceled), what went into them, their suppliers. */
  @InjectManager()
  async traceFromOrder(
    orderId: string,
    maxDepth: number,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ shipments: TracedShipment[]; backward: LotTrace }> {
    const shipments = await orderShipments(sharedContext.manager!, orderId)
    const backward = await traceBackward(sharedContext.manager!, [...new Set(shipments.map((s) => s.lot_id))], maxDepth)
    return { shipments, backward }
  }

  protected async insertLot_(input: ReceiveLotInput, sharedContext: SqlContext): Promise<LockedLot> {
    const sql = sharedContext.transactionManager!
    const lotNumber = normalizeLotNumber(input.lot_number ?? "")
    if (!lotNumber) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A new lot needs a lot number.")
    }
    const existing = await sql.execute<{ id: string; inventory_item_id: string }[]>(
      `SELECT id, inventory_item_id FROM lot WHERE lot_number = ? AND deleted_at IS NULL`,
      [lotNumber]
    )
    if (existing.length) {
      throw duplicateLotNumber(lotNumber, existing[0].id)
    }
    const lot: LockedLot = {
      id: generateEntityId(undefined, "lot"),
      lot_number: lotNumber,
      inventory_item_id: input.inventory_item_id,
      status: input.status ?? this.options_.receive_status,
    }
    try {
      await sql.execute(
        `INSERT INTO lot (id, lot_number, inventory_item_id, status, manufactured_at, expires_at, best_before_at,
                          received_at, supplier, supplier_lot_number, notes, metadata)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          lot.id,
          lot.lot_number,
          lot.inventory_item_id,
          lot.status,
          input.manufactured_at ?? null,
          input.expires_at ?? null,
          input.best_before_at ?? null,
          input.received_at ?? new Date(),
          input.supplier ?? null,
          input.supplier_lot_number ?? null,
          input.notes ?? null,
          input.metadata ? JSON.stringify(input.metadata) : null,
        ]
      )
    } catch (error) {
      // Two receipts of the same new number raced: the index decided, report it like the check above.
      if (isUniqueViolation(error, "IDX_lot_lot_number_unique")) {
        throw duplicateLotNumber(lotNumber)
      }
      throw error
    }
    return lot
  }

  protected async lockLot_(lotId: string, sharedContext: SqlContext): Promise<LockedLot> {
    const rows = await sharedContext.transactionManager!.execute<LockedLot[]>(
      // NO KEY UPDATE: queues writers of the same lot without blocking the foreign-key check of a
      // concurrent lot_stock insert (FOR UPDATE there deadlocks a receipt against a transfer).
      `SELECT id, lot_number, inventory_item_id, status FROM lot WHERE id = ? AND deleted_at IS NULL FOR NO KEY UPDATE`,
      [lotId]
    )
    if (!rows.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${lotId} was not found`)
    }
    return rows[0]
  }

  protected async findLot_(lotId: string, sharedContext: SqlContext): Promise<LockedLot> {
    const rows = await sharedContext.transactionManager!.execute<LockedLot[]>(
      `SELECT id, lot_number, inventory_item_id, status FROM lot WHERE id = ? AND deleted_at IS NULL`,
      [lotId]
    )
    if (!rows.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${lotId} was not found`)
    }
    return rows[0]
  }
}

// lot_stock quantities are int4; refuse in words rather than let PostgreSQL overflow.
const MAX_LOT_STOCK = 2_147_483_647

function withinStorableRange(lotNumber: string, quantity: number): number {
  if (quantity > MAX_LOT_STOCK) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Lot ${lotNumber} would hold ${quantity} units at one location; at most ${MAX_LOT_STOCK} can be stored.`
    )
  }
  return quantity
}

/** Which lots may serve a line at a location (see pickEligibleStockIds). */
function eligibilityQuery(inventoryItemId: string, locationId: string, rules: AllocationRules, excludedLotIds: string[]) {
  return {
    inventory_item_id: inventoryItemId,
    location_id: locationId,
    strategy: rules.strategy,
    must_outlast: new Date(rules.ship_date.getTime() + rules.min_remaining_shelf_life_days * 86_400_000),
    exclude_lot_ids: excludedLotIds,
    exclude_stock_ids: [],
  }
}

function requireWholeUnits(value: number, field: string, { positive }: { positive: boolean }) {
  if (!Number.isSafeInteger(value) || (positive ? value <= 0 : value < 0 && field === "counted_quantity")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must be a ${positive ? "positive " : ""}whole number of units; got ${value}.`
    )
  }
}

function duplicateLotNumber(lotNumber: string, existingId?: string) {
  return new MedusaError(
    MedusaError.Types.DUPLICATE_ERROR,
    `Lot number ${lotNumber} already exists${existingId ? ` (lot ${existingId})` : ""}. ` +
      `Lot numbers must be unique; to receive more stock into that lot, send its lot_id.`
  )
}

async function refuseEventEdit(): Promise<never> {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Lot events are append-only and cannot be changed or deleted.")
}

export default LotModuleService
