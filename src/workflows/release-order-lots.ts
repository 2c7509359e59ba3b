import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseAllocationsStep } from "./steps"

export const releaseOrderLotsWorkflowId = "release-order-lots"
/**
 * Gives every open lot allocation of a canceled order back to its lot and closes the order's
 * shortfalls. Runs from the `order.canceled` subscriber.
 *
 * @example
 * await releaseOrderLotsWorkflow(container).run({ input: { order_id: "order_1" } })
 */
export const releaseOrderLotsWorkflow = createWorkflow(
  releaseOrderLotsWorkflowId,
  (input: WorkflowData<{ order_id: string }>) =>
    new WorkflowResponse(releaseAllocationsStep({ order_id: input.order_id, reason: "order canceled" }))
)
