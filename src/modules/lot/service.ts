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

  @InjectTransactionManager()
  async receiveLot(input: ReceiveLotInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotReceipt> {
    return await receiveLot(sharedContext.transactionManager!, input, this.options_)
  }

  @InjectTransactionManager()
  async revertLotReceipt(receipt: LotReceipt, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotReceipt(sharedContext.transactionManager!, receipt)
  }

  @InjectTransactionManager()
  async changeLotStock(changes: LotStockChange[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockChangeResult[]> {
    return await changeLotStock(sharedContext.transactionManager!, changes)
  }

  @InjectTransactionManager()
  async changeLotStatus(input: LotStatusChangeInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStatusChange> {
    return await changeLotStatus(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async revertLotStatusChange(change: LotStatusChange, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotStatusChange(sharedContext.transactionManager!, change)
  }

  @InjectManager()
  async listLotStockBlocks(lotIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockBlockRow[]> {
    return await listStockBlocksOfLots(sharedContext.manager!, lotIds)
  }

  @InjectManager()
  async listStockBlocksOfReservations(
    reservationIds: string[],
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<StockBlockOfReservation[]> {
    return await listStockBlocksOfReservations(sharedContext.manager!, reservationIds)
  }

  @InjectTransactionManager()
  async recordRestoredBlocks(blocks: RestoredBlock[], @MedusaContext() sharedContext: SqlContext = {}): Promise<string[]> {
    return await recordRestoredBlocks(sharedContext.transactionManager!, blocks)
  }

  @InjectManager()
  async setBlockedReservations(
    changes: { stock_id: string; expected: string | null; next: string | null }[],
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<string[]> {
    return await compareAndSetBlockedReservations(sharedContext.manager!, changes)
  }

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

  @InjectTransactionManager()
  async undoOrderLineAllocations(results: OrderLineAllocation[], @MedusaContext() sharedContext: SqlContext = {}) {
    await undoOrderLineAllocations(sharedContext.transactionManager!, results)
  }

  @InjectTransactionManager()
  async releaseAllocations(
    allocationIds: string[],
    reason: string,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ReleasedAllocation[]> {
    return await releaseAllocations(sharedContext.transactionManager!, allocationIds, reason)
  }

  @InjectManager()
  async fulfillOrderLines(input: FulfillLotsInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<FulfillLotsResult> {
    return await retryOnLockConflict(() => this.fulfillOrderLines_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async fulfillOrderLines_(input: FulfillLotsInput, @MedusaContext() sharedContext: SqlContext = {}) {
    return await fulfillOrderLines(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async undoFulfillOrderLines(result: FulfillLotsResult, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoFulfillOrderLines(sharedContext.transactionManager!, result)
  }

  @InjectTransactionManager()
  async reopenAllocations(released: ReleasedAllocation[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await reopenAllocations(sharedContext.transactionManager!, released)
  }

  @InjectTransactionManager()
  async releaseLotAllocations(lotIds: string[], reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await releaseLotAllocations(sharedContext.transactionManager!, lotIds, reason)
  }

  @InjectTransactionManager()
  async returnFulfilledLots(
    fulfillmentId: string,
    reason: string,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ order_ids: string[]; lot_ids: string[]; returned: number }> {
    return await returnFulfilledLots(sharedContext.transactionManager!, fulfillmentId, reason)
  }

  @InjectTransactionManager()
  async bookReturnedUnits(input: BookReturnInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<BookedReturn> {
    return await bookReturnedUnits(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async undoReturnedUnits(booked: BookedReturn, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoReturnedUnits(sharedContext.transactionManager!, booked)
  }

  @InjectTransactionManager()
  async designateReturnLots(input: ReturnLotDesignation, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await designateReturnLots(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async restockReturnedUnits(input: ReturnRestock, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockChangeResult> {
    return await restockReturnedUnits(sharedContext.transactionManager!, input)
  }

  @InjectManager()
  async openRecall(input: OpenRecallInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<OpenedRecall> {
    return await retryOnLockConflict(() => this.openRecall_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async openRecall_(input: OpenRecallInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<OpenedRecall> {
    return await openRecall(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async undoOpenRecall(opened: OpenedRecall, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoOpenRecall(sharedContext.transactionManager!, opened)
  }

  @InjectTransactionManager()
  async runMockRecall(input: { lot_ids: string[]; actor_id?: string | null }, @MedusaContext() sharedContext: SqlContext = {}) {
    return await runMockRecall(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async closeRecall(input: RecallClosing, @MedusaContext() sharedContext: SqlContext = {}) {
    return await closeRecall(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async markRecallCustomersNotified(input: RecallCustomersNotice, @MedusaContext() sharedContext: SqlContext = {}) {
    return await markRecallCustomersNotified(sharedContext.transactionManager!, input)
  }

  @InjectManager()
  async previewRecall(lotIds: string[], @MedusaContext() sharedContext: SqlContext = {}) {
    return await recallScope(sharedContext.manager!, lotIds)
  }

  @InjectManager()
  async publicRecallNotice(lotNumber: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await latestRecallOfLotNumber(sharedContext.manager!, lotNumber)
  }

  @InjectManager()
  async getRecallProgress(recallId: string, @MedusaContext() sharedContext: SqlContext = {}): Promise<RecallProgress> {
    return await recallProgress(sharedContext.manager!, recallId)
  }

  @InjectManager()
  async swapPickedLot(input: PickSwapInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<PickSwapResult> {
    return await retryOnLockConflict(() => this.swapPickedLot_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async swapPickedLot_(input: PickSwapInput, @MedusaContext() sharedContext: SqlContext = {}) {
    return await swapPickedLot(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async undoPickedLotSwap(result: PickSwapResult, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoPickedLotSwap(sharedContext.transactionManager!, result)
  }

  @InjectTransactionManager()
  async syncLotShipments(snapshot: LotShipmentSnapshot, @MedusaContext() sharedContext: SqlContext = {}) {
    return await syncLotShipments(sharedContext.transactionManager!, snapshot)
  }

  @InjectTransactionManager()
  async undoLotShipmentSync(state: LotShipmentSync, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await undoLotShipmentSync(sharedContext.transactionManager!, state)
  }

  @InjectTransactionManager()
  async releaseOrderAllocations(orderId: string, reason: string, @MedusaContext() sharedContext: SqlContext = {}) {
    return await releaseOrderAllocations(sharedContext.transactionManager!, orderId, reason)
  }

  @InjectTransactionManager()
  async markExpiryWarnings(
    input: { as_of: Date; limit: number; after?: WarningCursor | null },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<WarnedLot[]> {
    return await markExpiryWarnings(sharedContext.transactionManager!, input, this.options_)
  }

  @InjectManager()
  async restoreExpiryWarnings(warned: WarnedLot[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await restoreExpiryWarningsSql(sharedContext.manager!, warned)
  }

  @InjectManager()
  async listExpiringLots(
    filters: Omit<ExpiringLotFilters, "statuses">,
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ lots: ExpiringLotRow[]; count: number }> {
    return await listExpiringLots(sharedContext.manager!, filters, page)
  }

  @InjectManager()
  async summarizeExpiry(
    input: { as_of: Date; weeks: number; products_limit: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ExpirySummary> {
    return await summarizeExpiry(sharedContext.manager!, input, this.options_)
  }

  @InjectTransactionManager()
  async expireDueLots(asOf: Date, limit: number, @MedusaContext() sharedContext: SqlContext = {}): Promise<ExpiredLot[]> {
    return await expireDueLotsSql(sharedContext.transactionManager!, asOf, limit)
  }

  @InjectTransactionManager()
  async unexpireLots(lots: ExpiredLot[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await unexpireLots(sharedContext.transactionManager!, lots)
  }

  @InjectTransactionManager()
  async assignUntrackedStock(
    input: AssignUntrackedStockInput,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<UntrackedStockAssignment> {
    return await assignUntrackedStock(sharedContext.transactionManager!, input, this.options_)
  }

  @InjectManager()
  async summarizeItemLots(
    inventoryItemId: string,
    { limit, as_of }: { limit: number; as_of: Date },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ItemLotSummary> {
    return await summarizeItemLots(sharedContext.manager!, inventoryItemId, { limit, as_of })
  }

  @InjectManager()
  async nextLotNumberSequence(key: string, @MedusaContext() sharedContext: SqlContext = {}): Promise<number> {
    return await nextSequenceValue(sharedContext.manager!, key)
  }

  @InjectManager()
  async resolveFsmaLots(
    filter: { lot_ids: string[]; lot_numbers: string[] },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<string[]> {
    return await resolveFsmaLots(sharedContext.manager!, filter)
  }

  @InjectManager()
  async listFsmaEvents(
    filters: FsmaEventFilters,
    page: { after?: FsmaCursor; take: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<FsmaEventRow[]> {
    return await listFsmaEventsSql(sharedContext.manager!, filters, page)
  }

  @InjectManager()
  async sumLotStock(
    filter: { inventory_item_id?: string[] } = {},
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotStockTotal[]> {
    return await sumLotStockByItemAndLocation(sharedContext.manager!, filter.inventory_item_id)
  }

  @InjectManager()
  async listDoubleRestockedUnits(inventoryItemIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<DoubleRestock[]> {
    return await doubleRestockedUnits(sharedContext.manager!, inventoryItemIds)
  }

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

  @InjectManager()
  async transformLots(input: LotTransformationInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotTransformation> {
    return await retryOnLockConflict(() => this.transformLots_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async transformLots_(input: LotTransformationInput, @MedusaContext() sharedContext: SqlContext = {}) {
    return await transformLots(sharedContext.transactionManager!, input, this.options_)
  }

  @InjectTransactionManager()
  async revertLotTransformation(t: LotTransformation, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotTransformation(sharedContext.transactionManager!, t)
  }

  @InjectManager()
  async traceFromLots(
    lotIds: string[],
    options: { direction: TraceDirection | "both"; max_depth: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ forward?: LotTrace; backward?: LotTrace }> {
    return await traceFromLots(sharedContext.manager!, lotIds, options)
  }

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
