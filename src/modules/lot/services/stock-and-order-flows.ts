import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { LotStockBlockRow } from "../domain/blocked-stock"
import type { LotTransformation, LotTransformationInput } from "../domain/transformation"
import {
  type AssignUntrackedStockInput, type UntrackedStockAssignment, LotStatus, type LotModuleOptions,
  type LotReceipt, type LotShipmentSnapshot, type BookReturnInput, type BookedReturn, type LotStockChange,
  type FulfillLotsInput, type FulfillLotsResult, type LotStockChangeResult, type LotStatusChange,
  type LotStatusChangeInput, type OrderLineAllocation, type OrderLineDemand, type ReceiveLotInput,
  type ReleasedAllocation, type StockGain, type LotEdit, type LotEditInput,
} from "../types"
import { DEFAULT_EXPIRY_WARNING_DAYS, normalizeWarningDays } from "../domain/expiry-warnings"
import { epcisOptions } from "../domain/epcis-identifiers"
import type { PickSwapInput, PickSwapResult } from "../domain/pick-scan"
import { retryOnLockConflict } from "../sql/allocation-sql"
import { earliestFreeLotPerLocation, type EarliestFreeLot, type EarliestFreeLotQuery } from "../sql/pick-scan-sql"
import { listShortLinesOfStock } from "../sql/shortfall-sql"
import {
  listStockBlocksOfLots, listStockBlocksOfReservations, compareAndSetBlockedReservations,
  type StockBlockOfReservation,
} from "../sql/blocked-stock-sql"
import { recordRestoredBlocks, type RestoredBlock } from "../actions/blocks"
import {
  changeLotStockWithLevelChange, receiveLotsWithLevelChange, receiveLotWithLevelChange, revertLotReceiptsWithLevelChange,
  revertLotStockChanges,
  revertLotTransformationWithLevelChange, transformLotsWithLevelChange,
} from "../actions/level-changes"
import { changeLotStatus, revertLotStatusChange } from "../actions/status"
import { editLot, revertLotEdit } from "../actions/edit"
import { allocateOrderLines, undoOrderLineAllocations } from "../actions/allocate"
import {
  releaseAllocations, releaseLotAllocations, releaseOrderAllocations, reopenAllocations,
} from "../actions/release-allocations"
import { fulfillOrderLines, undoFulfillOrderLines } from "../actions/fulfill"
import { swapPickedLot, undoPickedLotSwap } from "../actions/pick-swap"
import { assignUntrackedStock } from "../actions/untracked-stock"
import {
  bookReturnedUnits, designateReturnLots, restockReturnedUnits, returnFulfilledLots, undoReturnedUnits,
  type ReturnLotDesignation, type ReturnRestock,
} from "../actions/returns"
import { syncLotShipments, undoLotShipmentSync, type LotShipmentSync } from "../actions/shipments"
import {
  Lot, LotAllocation, LotAllocationShortfall, LotCorrection, LotEvent, LotLevelChange, LotLineage, LotNumberSequence, LotPolicy, LotReturn,
  LotReturnSurplus, LotShipment, LotStock, LotSupplier, MockRecall, Recall, RecallAction, RecallCustomer, RecallLot, RecallShipment,
} from "../models"
import { drawSequenceValues, releaseSequenceValue } from "../sql/sql"
import { receiptLines } from "../domain/receipt-lines"

export type SqlContext = Context<SqlEntityManager>

/**
 * The lot module's stock and order flows: receipts, stock changes, status, edits, blocks, allocation,
 * fulfillment, picking, returns, shipment links, untracked stock and productions. Each method is a
 * thin decorated wrapper; the flow is the function it calls (actions/, sql/).
 */
export class LotStockAndOrderFlows extends MedusaService({
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
  LotReturnSurplus,
  LotCorrection,
  LotLevelChange,
  LotSupplier,
  Recall,
  RecallLot,
  RecallShipment,
  RecallCustomer,
  RecallAction,
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
      ...epcisOptions(options ?? {}),
    }
  }

  getOptions(): Required<LotModuleOptions> {
    return this.options_
  }

  @InjectTransactionManager()
  async receiveLot(input: ReceiveLotInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotReceipt> {
    return await receiveLotWithLevelChange(sharedContext.transactionManager!, input, this.options_)
  }

  @InjectTransactionManager()
  async revertLotReceipt(receipt: LotReceipt, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotReceiptsWithLevelChange(sharedContext.transactionManager!, [receipt])
  }

  /** A batch of receipts in one transaction; a refusal names its line. */
  @InjectTransactionManager()
  async receiveLots(inputs: ReceiveLotInput[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotReceipt[]> {
    return await receiveLotsWithLevelChange(sharedContext.transactionManager!, inputs, this.options_, receiptLines(inputs))
  }

  @InjectTransactionManager()
  async revertLotReceipts(receipts: LotReceipt[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotReceiptsWithLevelChange(sharedContext.transactionManager!, receipts)
  }

  @InjectTransactionManager()
  async changeLotStock(changes: LotStockChange[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStockChangeResult[]> {
    return await changeLotStockWithLevelChange(sharedContext.transactionManager!, changes)
  }

  @InjectTransactionManager()
  async revertLotStockChanges(results: LotStockChangeResult[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotStockChanges(sharedContext.transactionManager!, results)
  }

  @InjectTransactionManager()
  async changeLotStatus(input: LotStatusChangeInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotStatusChange> {
    return await changeLotStatus(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async revertLotStatusChange(change: LotStatusChange, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotStatusChange(sharedContext.transactionManager!, change)
  }

  @InjectTransactionManager()
  async editLot(input: LotEditInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotEdit> {
    return await editLot(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async revertLotEdit(edit: LotEdit, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotEdit(sharedContext.transactionManager!, edit)
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

  @InjectManager()
  async listShortLinesOfStock(gains: StockGain[], @MedusaContext() sharedContext: SqlContext = {}) {
    return await listShortLinesOfStock(sharedContext.manager!, gains)
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

  @InjectManager()
  async listEarliestFreeLots(query: EarliestFreeLotQuery, @MedusaContext() sharedContext: SqlContext = {}): Promise<EarliestFreeLot[]> {
    return await earliestFreeLotPerLocation(sharedContext.manager!, query)
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
  async assignUntrackedStock(
    input: AssignUntrackedStockInput,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<UntrackedStockAssignment> {
    return await assignUntrackedStock(sharedContext.transactionManager!, input, this.options_)
  }

  @InjectManager()
  async drawLotNumberSequences(
    draws: { key: string; count: number }[],
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ key: string; last_value: number }[]> {
    return await drawSequenceValues(sharedContext.manager!, draws)
  }

  @InjectManager()
  async releaseLotNumberSequence(key: string, value: number, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await releaseSequenceValue(sharedContext.manager!, key, value)
  }

  @InjectManager()
  async transformLots(input: LotTransformationInput, @MedusaContext() sharedContext: SqlContext = {}): Promise<LotTransformation> {
    return await retryOnLockConflict(() => this.transformLots_(input, sharedContext))
  }

  @InjectTransactionManager()
  protected async transformLots_(input: LotTransformationInput, @MedusaContext() sharedContext: SqlContext = {}) {
    return await transformLotsWithLevelChange(sharedContext.transactionManager!, input, this.options_)
  }

  @InjectTransactionManager()
  async revertLotTransformation(t: LotTransformation, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await revertLotTransformationWithLevelChange(sharedContext.transactionManager!, t)
  }
}
