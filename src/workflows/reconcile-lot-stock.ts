import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeLotStockDriftStep, type ComputeLotStockDriftStepInput } from "./steps"

export const reconcileLotStockWorkflowId = "reconcile-lot-stock"
/**
 * Lists where lot stock and Medusa's stocked quantity disagree for lot-tracked items, with the
 * untracked quantity per item and location. Used by `GET /admin/lots/reconciliation` and
 * `npm run reconcile`.
 *
 * @example
 * const { result } = await reconcileLotStockWorkflow(container).run({ input: {} })
 */
export const reconcileLotStockWorkflow = createWorkflow(
  reconcileLotStockWorkflowId,
  (input: WorkflowData<ComputeLotStockDriftStepInput>) => new WorkflowResponse(computeLotStockDriftStep(input))
)
