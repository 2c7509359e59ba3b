import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkLotIntegrityStep, type CheckLotIntegrityStepInput } from "./steps"

export const reconcileLotStockWorkflowId = "reconcile-lot-stock"
/**
 * Checks every invariant between the lots and Medusa for lot-tracked items and lists what does
 * not hold: `drift` where lot stock and Medusa's stocked quantity disagree (with the untracked
 * quantity), `findings` for all of it, each saying whether the repair fixes it or a person must
 * look. Read-only. Used by `GET /admin/lots/reconciliation`, `npm run reconcile` and the repair.
 *
 * @example
 * const { result } = await reconcileLotStockWorkflow(container).run({ input: {} })
 */
export const reconcileLotStockWorkflow = createWorkflow(
  reconcileLotStockWorkflowId,
  (input: WorkflowData<CheckLotIntegrityStepInput>) => new WorkflowResponse(checkLotIntegrityStep(input))
)
