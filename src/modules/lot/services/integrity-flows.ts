import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { recountAllocatedCounters, recountReservedQuantities } from "../actions/integrity"
import { readLotIntegrityState, type LotIntegrityState } from "../queries/integrity"
import {
  listPendingLevelChangesOfItems, listPendingLevelChangesOfWrites, setLevelChangesApplied, setLevelChangesPending,
  type LevelChangeRow,
} from "../sql/level-change-sql"
import { orphanedFulfillments, type OrphanedFulfillment } from "../sql/medusa-inventory-sql"
import { insertCorrections, sumFulfillmentBookings, type LotCorrectionInput } from "../sql/integrity-sql"
import { sumReturnSurplus, type ReturnSurplusUnits } from "../sql/return-surplus-sql"
import { LotRecallExpiryAndReportFlows } from "./recall-expiry-and-report-flows"
import type { SqlContext } from "./stock-and-order-flows"

/**
 * The integrity checks' reads and the repair's own writes, on top of the other flows; each
 * method a thin decorated wrapper of the query, action or SQL function it calls.
 */
export class LotIntegrityFlows extends LotRecallExpiryAndReportFlows {
  async readLotIntegrityState(itemIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotIntegrityState> {
    // One snapshot: the stock rows, allocations and history compared were all true at one moment.
    return await this.readLotIntegrityState_(itemIds, { ...sharedContext, isolationLevel: "repeatable read" })
  }

  @InjectTransactionManager()
  protected async readLotIntegrityState_(itemIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LotIntegrityState> {
    return await readLotIntegrityState(sharedContext.transactionManager!, itemIds)
  }

  @InjectManager()
  async sumReturnSurplus(itemIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<ReturnSurplusUnits[]> {
    return await sumReturnSurplus(sharedContext.manager!, itemIds)
  }

  @InjectManager()
  async sumFulfillmentBookings(fulfillmentIds: string[], @MedusaContext() sharedContext: SqlContext = {}) {
    return await sumFulfillmentBookings(sharedContext.manager!, fulfillmentIds)
  }

  @InjectTransactionManager()
  async recountAllocatedCounters(
    input: { stock_ids: string[]; actor_id?: string | null },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotCorrectionInput[]> {
    return await recountAllocatedCounters(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async recountReservedQuantities(
    input: { levels: { inventory_item_id: string; location_id: string }[]; actor_id?: string | null },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<LotCorrectionInput[]> {
    return await recountReservedQuantities(sharedContext.transactionManager!, input)
  }

  @InjectTransactionManager()
  async recordCorrections(corrections: LotCorrectionInput[], @MedusaContext() sharedContext: SqlContext = {}): Promise<string[]> {
    return await insertCorrections(sharedContext.transactionManager!, corrections)
  }

  @InjectManager()
  async listPendingLevelChangesOfWrites(changeIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LevelChangeRow[]> {
    return await listPendingLevelChangesOfWrites(sharedContext.manager!, changeIds)
  }

  @InjectManager()
  async listPendingLevelChangesOfItems(itemIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<LevelChangeRow[]> {
    return await listPendingLevelChangesOfItems(sharedContext.manager!, itemIds)
  }

  @InjectTransactionManager()
  async markLevelChangesApplied(ids: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await setLevelChangesApplied(sharedContext.transactionManager!, ids)
  }

  @InjectTransactionManager()
  async markLevelChangesPending(ids: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await setLevelChangesPending(sharedContext.transactionManager!, ids)
  }

  @InjectManager()
  async listOrphanedFulfillments(itemIds: string[], @MedusaContext() sharedContext: SqlContext = {}): Promise<OrphanedFulfillment[]> {
    return await orphanedFulfillments(sharedContext.manager!, itemIds)
  }
}
