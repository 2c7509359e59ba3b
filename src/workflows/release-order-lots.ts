import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reallocateShortLines } from "./step-sequences"
import { releaseAllocationsStep } from "./steps"

export const releaseOrderLotsWorkflowId = "release-order-lots"
/**
 * Gives every open lot allocation of a canceled order back to its lot and closes the order's
 * shortfalls; other orders' lines short where those units came free are allocated again. Runs from
 * the `order.canceled` subscriber.
 *
 * @example
 * await releaseOrderLotsWorkflow(container).run({ input: { order_id: "order_1" } })
 */
export const releaseOrderLotsWorkflow = createWorkflow(
  releaseOrderLotsWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    const released = releaseAllocationsStep({ order_id: input.order_id, reason: "order canceled" })
    reallocateShortLines(transform({ released }, ({ released }) => released.map((a) => ({ lot_id: a.lot_id, location_id: a.location_id }))))
    return new WorkflowResponse(released)
  }
)
