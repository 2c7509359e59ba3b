import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { StockGain } from "../modules/lot"
import { reallocateShortLines } from "./step-sequences"

export const reallocateShortLinesWorkflowId = "reallocate-short-lines"
/**
 * Allocates the order lines left short where lots just gained free units — received, returned,
 * released, or given back by another line (an order edit lowered it, Medusa moved its reservation,
 * a fulfillment was canceled) — through `allocateOrderLotsWorkflow`, hooks included. Each gain
 * names a lot and its location (null: wherever the lot is stocked).
 *
 * @example
 * await reallocateShortLinesWorkflow(container).run({ input: [{ lot_id: "lot_1", location_id: "sloc_1" }] })
 */
export const reallocateShortLinesWorkflow = createWorkflow(reallocateShortLinesWorkflowId, (gains: WorkflowData<StockGain[]>) => {
  return new WorkflowResponse(reallocateShortLines(gains))
})
