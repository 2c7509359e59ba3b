import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { LotStockBlockRow } from "./domain/blocked-stock"
import type { ExpirySummary } from "./domain/expiry-summary"
import type { LotTrace, TraceDirection, TracedShipment } from "./domain/lot-trace"
import type { RecallProgress } from "./domain/recall-progress"
import { expireDueLotsSql, restoreExpiryWarningsSql, type ExpiredLot, type WarnedLot, type WarningCursor } from "./sql/expiry-sql"
import type { ExpiringLotFilters, ExpiringLotRow } from "./sql/expiry-report-sql"
import { latestRecallOfLotNumber, recallProgress } from "./sql/recall-sql"
import { searchLotIds, type LotSearchFilters, type LotSearchPage } from "./sql/search-sql"
import { listFsmaEventsSql, type FsmaCursor, type FsmaEventFilters, type FsmaEventRow } from "./sql/fsma-sql"
import type { LotTransformation, LotTransformationInput } from "./domain/transformation"
import type { ItemLotSummary } from "./sql/item-stock-sql"
import type { AssignUntrackedStockInput, UntrackedStockAssignment } from "./types"
import { DEFAULT_EXPIRY_WARNING_DAYS, normalizeWarningDays } from "./domain/expiry-warnings"
import type { PickSwapInput, PickSwapResult } from "./domain/pick-scan"
import { retryOnLockConflict } from "./sql/allocation-sql"
import {
  listStockBlocksOfLots, listStockBlocksOfReservations, compareAndSetBlockedReservations, type StockBlockOfReservation,
} from "./sql/blocked-stock-sql"
import { recordRestoredBlocks, type RestoredBlock } from "./actions/blocks"
import { sumLotStockByItemAndLocation, type LotStockTotal } from "./sql/lot-stock-total-sql"
import { doubleRestockedUnits, type DoubleRestock } from "./sql/return-sql"
import { receiveLot, revertLotReceipt } from "./actions/receive"
import { changeLotStock } from "./actions/stock"
import { changeLotStatus, revertLotStatusChange } from "./actions/status"
import { allocateOrderLines, undoOrderLineAllocations } from "./actions/allocate"
import { releaseAllocations, releaseLotAllocations, releaseOrderAllocations, reopenAllocations } from "./actions/release-allocations"
import { fulfillOrderLines, undoFulfillOrderLines } from "./actions/fulfill"
import { swapPickedLot, undoPickedLotSwap } from "./actions/pick-swap"
import { assignUntrackedStock } from "./actions/untracked-stock"
import { revertLotTransformation, transformLots } from "./actions/transform"
import {
  bookReturnedUnits, designateReturnLots, restockReturnedUnits, returnFulfilledLots,
  undoReturnedUnits, type ReturnLotDesignation, type ReturnRestock,
} from "./actions/returns"
import {
  closeRecall, markRecallCustomersNotified, openRecall, runMockRecall, undoOpenRecall,
  type RecallClosing, type RecallCustomersNotice,
} from "./actions/recall"
import { syncLotShipments, undoLotShipmentSync, type LotShipmentSync } from "./actions/shipments"
import { markExpiryWarnings, unexpireLots } from "./actions/expiry"
import { recallScope } from "./queries/recall"
import { listExpiringLots, summarizeExpiry } from "./queries/expiry"
import { summarizeItemLots } from "./queries/item-lots"
import { resolveFsmaLots } from "./queries/fsma"
import { traceFromLots, traceFromOrder } from "./queries/trace"
import {
  Lot, LotAllocation, LotAllocationShortfall, LotEvent, LotLineage, LotNumberSequence, LotPolicy, LotReturn,
  LotShipment, LotStock, MockRecall, Recall, RecallCustomer, RecallLot, RecallShipment,
} from "./models"
import { nextSequenceValue } from "./sql/sql"
import {
  LotStatus, type LotModuleOptions, type LotReceipt, type LotShipmentSnapshot,
  type BookReturnInput, type BookedReturn, type OpenRecallInput, type OpenedRecall, type LotStockChange,
  type FulfillLotsInput, type FulfillLotsResult, type LotStockChangeResult, type LotStatusChange,
  type LotStatusChangeInput, type OrderLineAllocation, type OrderLineDemand, type ReceiveLotInput,
  type ReleasedAllocation,
} from "./types"

type SqlContext = Context<SqlEntityManager>

export type { LotStockTotal }

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
  @InjectTransactionManager()
  async receiveLot(input: ReceiveLotInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotReceipt> {
    return await receiveLot(sharedContext.transactionManager!, input, this.options_)
  }

  /** Undoes a receipt (workflow compensation): a created lot is retired, added stock taken back. */
  @InjectTransactionManager()
  async revertLotReceipt(receipt: LotReceipt, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotReceipt(sharedContext.transactionManager!, receipt)
  }

  /**
   * Applies signed or counted changes to lot stock, each under a row lock, refusing any that would
   * take a lot below zero or below what is allocated. One lot event per change, in the same transaction.
   */
  @InjectTransactionManager()
  async changeLotStock(changes: LotStockChange[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockChangeResult[]> {
    return await changeLotStock(sharedContext.transactionManager!, changes)
  }

  /** Moves a lot through the status machine under a row lock, recording who did it and why. */
  @InjectTransactionManager()
  async changeLotStatus(input: LotStatusChangeInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStatusChange> {
    return await changeLotStatus(sharedContext.transactionManager!, input)
  }

  /** Undoes a status change (workflow compensation), recorded as a `reverted` event. */
  @InjectTransactionManager()
  async revertLotStatusChange(change: LotStatusChange, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotStatusChange(sharedContext.transactionManager!, change)
  }

  /** Stock rows of the given lots with what is needed to keep their blocking reservations right. */
  @InjectManager()
  async listLotStockBlocks(lotIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockBlockRow[]> {
    return await listStockBlocksOfLots(sharedContext.manager!, lotIds)
  }

  /** The stock rows whose blocking reservation is one of the given reservations. */
  @InjectManager()
  async listStockBlocksOfReservations(
    reservationIds: string[],
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<StockBlockOfReservation[]> {
    return await listStockBlocksOfReservations(sharedContext.manager!, reservationIds)
  }

  /** Records in the lots' history that their deleted blocks were put back. */
  @InjectTransactionManager()
  async recordRestoredBlocks(blocks: RestoredBlock[], @MedusaContext() sharedContext: SqlContext = {}): Promise<string[]> {
    return await recordRestoredBlocks(sharedContext.transactionManager!, blocks)
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
    return await compareAndSetBlockedReservations(sharedContext.manager!, changes)
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
    return await allocateOrderLines(sharedContext.transactionManager!, lines)
  }

  /** Undoes allocateOrderLines (workflow compensation). */
  @InjectTransactionManager()
  async undoOrderLineAllocations(results: OrderLineAllocation[], @MedusaContext() sharedContext: SqlContext = {}) {
    await undoOrderLineAllocations(sharedContext.transactionManager!, results)
  }

  /**
   * Gives open allocations back to their lots (order canceled, lot put on hold, compensation):
   * allocated quantity goes down under row locks, one `deallocated` event per allocation.
   * Allocations that are no longer open are left alone, so releasing twice is harmless.
   */
  @InjectTransactionManager()
  async releaseAllocations(
    allocationIds: string[],
    reason: string,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ReleasedAllocation[]> {
    return await releaseAllocations(sharedContext.transactionManager!, allocationIds, reason)
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
    return await fulfillOrderLines(sharedContext.transactionManager!, input)
  }

  /**
   * Undoes fulfillOrderLines (workflow compensation, when Medusa rolls the fulfillment back):
   * the units go back into their lots, still allocated to their lines, and allocations given
   * back during the fulfillment are open again. Recorded as `reverted` events.
   */
  @InjectTransactionManager()
  async undoFulfillOrderLines(result: FulfillLotsResult, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoFulfillOrderLines(sharedContext.transactionManager!, result)
  }

  /** Re-opens released allocations (compensation of a release). */
  @InjectTransactionManager()
  async reopenAllocations(released: ReleasedAllocation[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await reopenAllocations(sharedContext.transactionManager!, released)
  }

  /** Releases every open allocation of these lots (on hold, rejected, recalled or expired). */
  @InjectTransactionManager()
  async releaseLotAllocations(lotIds: string[], reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await releaseLotAllocations(sharedContext.transactionManager!, lotIds, reason)
  }

  /**
   * Puts the units of a canceled (or rolled back) fulfillment back into their lots and closes its
   * fulfilled allocations as canceled. Idempotent: a second call finds nothing left to return.
   */
  @InjectTransactionManager()
  async returnFulfilledLots(
    fulfillmentId: string,
    reason: string,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ order_ids: string[]; lot_ids: string[]; returned: number }> {
    return await returnFulfilledLots(sharedContext.transactionManager!, fulfillmentId, reason)
  }

  /**
   * Books a received return's units back into the lots they shipped from, at the return's
   * location — into quarantine unless configured otherwise. `units` per line is what Medusa has
   * restocked for it so far, so a replayed event or a second partial receipt books only the rest.
   */
  @InjectTransactionManager()
  async bookReturnedUnits(input: BookReturnInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<BookedReturn> {
    return await bookReturnedUnits(sharedContext.transactionManager!, input)
  }

  /** Undoes bookReturnedUnits (compensation): units out again, counts back, `reverted` events. */
  @InjectTransactionManager()
  async undoReturnedUnits(booked: BookedReturn, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoReturnedUnits(sharedContext.transactionManager!, booked)
  }

  /** Records which lot the units of returned lines came from, before the return is received. */
  @InjectTransactionManager()
  async designateReturnLots(input: ReturnLotDesignation, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await designateReturnLots(sharedContext.transactionManager!, input)
  }

  /**
   * Returned units passed inspection: they leave quarantine and may be sold again. `undo_of`
   * (compensation) puts the units of that earlier restock back into quarantine instead.
   */
  @InjectTransactionManager()
  async restockReturnedUnits(input: ReturnRestock, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockChangeResult> {
    return await restockReturnedUnits(sharedContext.transactionManager!, input)
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
    return await openRecall(sharedContext.transactionManager!, input)
  }

  /** Undoes openRecall (compensation): statuses back with `reverted` events, the recall removed. */
  @InjectTransactionManager()
  async undoOpenRecall(opened: OpenedRecall, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoOpenRecall(sharedContext.transactionManager!, opened)
  }

  /**
   * A recall rehearsal: the same scope computed without changing anything, timed, with its mass
   * balance, and kept in the mock recall history.
   */
  @InjectTransactionManager()
  async runMockRecall(input: { lot_ids: string[]; actor_id?: string | null }, @MedusaContext() sharedContext: SqlContext = {}) {
    return await runMockRecall(sharedContext.transactionManager!, input)
  }

  /** Closes an open recall, recording who closed it and why. Lots keep their status. */
  @InjectTransactionManager()
  async closeRecall(input: RecallClosing, @MedusaContext() sharedContext: SqlContext = {}) {
    return await closeRecall(sharedContext.transactionManager!, input)
  }

  /** Marks customers of a recall as told; unknown customer keys are refused, nothing changes. */
  @InjectTransactionManager()
  async markRecallCustomersNotified(input: RecallCustomersNotice, @MedusaContext() sharedContext: SqlContext = {}) {
    return await markRecallCustomersNotified(sharedContext.transactionManager!, input)
  }

  /** What a recall of the lots would reach, computed and timed without recording anything. */
  @InjectManager()
  async previewRecall(lotIds: string[], @MedusaContext() sharedContext: SqlContext = {}) {
    return await recallScope(sharedContext.manager!, lotIds)
  }

  /**
   * The public face of a recall for a lot number: number, class, notice and date of the most
   * recent recall (open or closed) whose scope holds that lot; null when there is none.
   */
  @InjectManager()
  async publicRecallNotice(lotNumber: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await latestRecallOfLotNumber(sharedContext.manager!, lotNumber)
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
  protected async swapPickedLot_(input: PickSwapInput, @MedusaContext() sharedContext: SqlContext = {}) {
    return await swapPickedLot(sharedContext.transactionManager!, input)
  }

  /**
   * Undoes swapPickedLot (compensation): the scanned lot's allocation is released and the parts
   * taken from the other lots are open again, recorded as `deallocated` and `reverted` events.
   */
  @InjectTransactionManager()
  async undoPickedLotSwap(result: PickSwapResult, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoPickedLotSwap(sharedContext.transactionManager!, result)
  }

  /** Records or updates the shipment links of one fulfillment; idempotent (see actions/shipments.ts). */
  @InjectTransactionManager()
  async syncLotShipments(snapshot: LotShipmentSnapshot, @MedusaContext() sharedContext: SqlContext = {}) {
    return await syncLotShipments(sharedContext.transactionManager!, snapshot)
  }

  @InjectTransactionManager()
  async undoLotShipmentSync(state: LotShipmentSync, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoLotShipmentSync(sharedContext.transactionManager!, state)
  }

  /** Releases every open allocation of an order (order canceled) and closes its shortfalls. */
  @InjectTransactionManager()
  async releaseOrderAllocations(orderId: string, reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await releaseOrderAllocations(sharedContext.transactionManager!, orderId, reason)
  }

  /**
   * Announces lots that entered a smaller expiry warning window than the last one announced: one
   * batch of at most `limit` lots after `after` in expiry order, in one statement that also writes
   * their `expiry_warning` history entries. Returns them in expiry order (the last is the next cursor).
   */
  @InjectTransactionManager()
  async markExpiryWarnings(
    input: { as_of: Date; limit: number; after?: WarningCursor | null },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<WarnedLot[]> {
    return await markExpiryWarnings(sharedContext.transactionManager!, input, this.options_)
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
    return await listExpiringLots(sharedContext.manager!, filters, page)
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
    return await summarizeExpiry(sharedContext.manager!, input, this.options_)
  }

  /**
   * Marks lots whose expiry has passed as expired — one set-based statement per batch, with one
   * `expired` event per lot written by the same statement. Lots locked by another transaction are
   * skipped (SKIP LOCKED) and caught by the next run.
   */
  @InjectTransactionManager()
  async expireDueLots(asOf: Date, limit: number, @MedusaContext() sharedContext: SqlContext = {}): Promise<ExpiredLot[]> {
    return await expireDueLotsSql(sharedContext.transactionManager!, asOf, limit)
  }

  /** Undoes expireDueLots (compensation): each lot back to the status it had, as `reverted` events. */
  @InjectTransactionManager()
  async unexpireLots(lots: ExpiredLot[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await unexpireLots(sharedContext.transactionManager!, lots)
  }

  /**
   * Puts units Medusa already stocks, but no lot holds, into a new or existing lot without touching
   * Medusa's level, recorded as a `received` event with reference_type "untracked_assignment". The
   * lot stock is summed again under a transaction-scoped lock on the item and location, so two
   * assignments of the same last units never both succeed, in any number of server processes.
   */
  @InjectTransactionManager()
  async assignUntrackedStock(
    input: AssignUntrackedStockInput,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<UntrackedStockAssignment> {
    return await assignUntrackedStock(sharedContext.transactionManager!, input, this.options_)
  }

  /** An item's lots at a glance: how many per status, those still holding units, the next to expire. */
  @InjectManager()
  async summarizeItemLots(
    inventoryItemId: string,
    { limit, as_of }: { limit: number; as_of: Date },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ItemLotSummary> {
    return await summarizeItemLots(sharedContext.manager!, inventoryItemId, { limit, as_of })
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
    return await resolveFsmaLots(sharedContext.manager!, filter)
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
    return await sumLotStockByItemAndLocation(sharedContext.manager!, filter.inventory_item_id)
  }

  /** Units Medusa restocked twice (a fulfillment canceled after a return), per item and location. */
  @InjectManager()
  async listDoubleRestockedUnits(inventoryItemIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<DoubleRestock[]> {
    return await doubleRestockedUnits(sharedContext.manager!, inventoryItemIds)
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
  async transformLots(input: LotTransformationInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotTransformation> {
    return await retryOnLockConflict(() => this.transformLots_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async transformLots_(input: LotTransformationInput, @MedusaContext() sharedContext: SqlContext = {}) {
    return await transformLots(sharedContext.transactionManager!, input, this.options_)
  }

  /**
   * Undoes transformLots (workflow compensation): the output lots are retired, the input units go
   * back, each recorded as a `reverted` event, and the lineage edges are retired.
   */
  @InjectTransactionManager()
  async revertLotTransformation(t: LotTransformation, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotTransformation(sharedContext.transactionManager!, t)
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
    return await traceFromLots(sharedContext.manager!, lotIds, options)
  }

  /** Backward from an order: the lots shipped in it (not canceled), what went into them, their suppliers. */
  @InjectManager()
  async traceFromOrder(
    orderId: string,
    maxDepth: number,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ shipments: TracedShipment[]; backward: LotTrace }> {
    return await traceFromOrder(sharedContext.manager!, orderId, maxDepth)
  }
}

async function refuseEventEdit(): Promise<never> {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Lot events are append-only and cannot be changed or deleted.")
}

export default LotModuleService
