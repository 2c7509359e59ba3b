import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { ExpirySummary } from "../domain/expiry-summary"
import type { LotTrace, TraceDirection, TracedShipment } from "../domain/lot-trace"
import type { RecallProgress } from "../domain/recall-progress"
import {
  expireDueLotsSql, restoreExpiryWarningsSql, unexpireLotsSql, type ExpiredLot, type ExpirySweepScope, type WarnedLot, type WarningCursor,
} from "../sql/expiry-sql"
import type { ExpiringLotFilters, ExpiringLotRow } from "../sql/expiry-report-sql"
import { latestRecallOfLotNumber, recallProgress } from "../sql/recall-sql"
import { searchLotIds, searchLotIdsAfterNumber, type LotSearchFilters, type LotSearchPage } from "../sql/search-sql"
import { listEpcisEventsSql, type EpcisEventFilters } from "../sql/epcis-sql"
import type { EventCursor } from "../sql/event-page"
import type { EpcisEventRow } from "../domain/epcis-event-row"
import { listFsmaEventsSql, type FsmaCursor, type FsmaEventFilters, type FsmaEventRow } from "../sql/fsma-sql"
import type { ItemLotSummary } from "../sql/item-stock-sql"
import { retryOnLockConflict } from "../sql/allocation-sql"
import { sumLotStockByItemAndLocation, type LotStockTotal } from "../sql/lot-stock-total-sql"
import { doubleRestockedUnits, type DoubleRestock } from "../sql/return-sql"
import { closeRecall, openRecall, runMockRecall, undoOpenRecall, type RecallClosing } from "../actions/recall"
import {
  markRecallCustomersNotified, restoreRecallCustomersNotice, withdrawRecallCustomersNotice, type RecallCustomersNotice,
  type RecallNoticeUndo, type RecallNoticeWithdrawal,
} from "../actions/recall-notices"
import {
  checkRecallDisposal, recordRecallDisposal, recordRecallRecovery, reverseRecallUnits, type RecallDisposal, type RecallRecovery,
  type RecallUnitsReversal,
} from "../actions/recall-units"
import { markExpiryWarnings } from "../actions/expiry"
import { recallScope } from "../queries/recall"
import { listExpiringLots, refreshExpirySummary, summarizeExpiry } from "../queries/expiry"
import { summarizeItemLots } from "../queries/item-lots"
import { resolveFsmaLots } from "../queries/fsma"
import { traceFromLots, traceFromOrder } from "../queries/trace"
import type { OpenRecallInput, OpenedRecall } from "../types"
import { LotStockAndOrderFlows, type SqlContext } from "./stock-and-order-flows"

/**
 * Recalls, expiry, traces and reports over the lots, on top of the stock and order flows; each
 * method a thin decorated wrapper of the query, action or SQL function it calls.
 */
export class LotRecallExpiryAndReportFlows extends LotStockAndOrderFlows {
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

  @InjectTransactionManager()
  async withdrawRecallCustomersNotice(input: RecallNoticeWithdrawal, @MedusaContext() sharedContext: SqlContext = {}) {
    return await withdrawRecallCustomersNotice(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async restoreRecallCustomersNotice(undo: RecallNoticeUndo, @MedusaContext() sharedContext: SqlContext = {}) {
    await restoreRecallCustomersNotice(sharedContext.transactionManager!, undo)
  }

  @InjectTransactionManager()
  async recordRecallRecovery(input: RecallRecovery, @MedusaContext() sharedContext: SqlContext = {}) {
    return await recordRecallRecovery(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async checkRecallDisposal(input: Pick<RecallDisposal, "recall_id" | "lot_id">, @MedusaContext() sharedContext: SqlContext = {}) {
    return await checkRecallDisposal(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async recordRecallDisposal(input: RecallDisposal, @MedusaContext() sharedContext: SqlContext = {}) {
    await recordRecallDisposal(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async reverseRecallUnits(entry: RecallUnitsReversal, @MedusaContext() sharedContext: SqlContext = {}) {
    await reverseRecallUnits(sharedContext.transactionManager!, entry)
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

  /**
   * Recomputes the expiry summary's weeks changed since the last refresh (the Expiry page's reads
   * do it first; the scheduled job keeps the backlog short). Returns how many (item, week) keys.
   */
  @InjectTransactionManager()
  async refreshExpirySummary(@MedusaContext() sharedContext: SqlContext = {}): Promise<number> {
    return await refreshExpirySummary(sharedContext.transactionManager!)
  }

  async listExpiringLots(
    filters: Omit<ExpiringLotFilters, "statuses">,
    page: { skip: number; take: number }
  ): Promise<{ lots: ExpiringLotRow[]; count: number }> {
    await this.refreshExpirySummary()
    return await this.readExpiringLots(filters, page)
  }

  @InjectManager()
  protected async readExpiringLots(
    filters: Omit<ExpiringLotFilters, "statuses">,
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ lots: ExpiringLotRow[]; count: number }> {
    return await listExpiringLots(sharedContext.manager!, filters, page)
  }

  async summarizeExpiry(input: { as_of: Date; weeks: number; products_limit: number }): Promise<ExpirySummary> {
    await this.refreshExpirySummary()
    return await this.readExpirySummary(input)
  }

  @InjectManager()
  protected async readExpirySummary(
    input: { as_of: Date; weeks: number; products_limit: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<ExpirySummary> {
    return await summarizeExpiry(sharedContext.manager!, input, this.options_)
  }

  @InjectTransactionManager()
  async expireDueLots(scope: ExpirySweepScope, @MedusaContext() sharedContext: SqlContext = {}): Promise<ExpiredLot[]> {
    return await expireDueLotsSql(sharedContext.transactionManager!, scope)
  }

  @InjectTransactionManager()
  async unexpireLots(lots: ExpiredLot[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await unexpireLotsSql(sharedContext.transactionManager!, lots)
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

  /** A page of the lot history an EPCIS 2.0 export maps, in event-time order (GTINs and location GLNs left to the caller). */
  @InjectManager()
  async listEpcisEvents(
    filters: EpcisEventFilters,
    page: { after?: EventCursor; take: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<EpcisEventRow[]> {
    return await listEpcisEventsSql(sharedContext.manager!, filters, page)
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

  /** The next page of a search in lot-number order, for exports that read every matching lot. */
  @InjectManager()
  async searchLotsAfterNumber(
    filters: LotSearchFilters,
    page: { after?: string; take: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ id: string; lot_number: string }[]> {
    return await searchLotIdsAfterNumber(sharedContext.manager!, filters, page)
  }

  // The lot history is append-only: the generated edit and delete methods are closed.

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
