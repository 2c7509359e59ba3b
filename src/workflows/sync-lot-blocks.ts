import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncLotStockBlocksStep, type SyncLotStockBlocksStepInput } from "./steps"

export const syncLotBlocksWorkflowId = "sync-lot-blocks"
/**
 * Brings the reservations that hold the lots' unsellable units back in line with the lots, under
 * Medusa's locking module. Used by the integrity repair for blocks found wrong.
 *
 * @example
 * await syncLotBlocksWorkflow(container).run({ input: { lot_ids: ["lot_1"] } })
 */
export const syncLotBlocksWorkflow = createWorkflow(
  syncLotBlocksWorkflowId,
  (input: WorkflowData<SyncLotStockBlocksStepInput>) => new WorkflowResponse(syncLotStockBlocksStep(input))
)
