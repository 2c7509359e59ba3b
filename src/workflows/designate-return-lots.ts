import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { designateReturnLotsStep, validateReturnLotDesignationStep, type ReturnLotDesignationInput } from "./steps"

export const designateReturnLotsWorkflowId = "designate-return-lots"
/**
 * Lets the merchant say which lot a return's units came from, when a line shipped from several.
 * Receiving the return books the units into those lots first. Used by `POST /admin/returns/:id/lots`.
 *
 * @example
 * await designateReturnLotsWorkflow(container).run({
 *   input: { return_id: "return_1", items: [{ line_item_id: "ordli_1", lot_id: "lot_1", quantity: 1 }] },
 * })
 */
export const designateReturnLotsWorkflow = createWorkflow(
  designateReturnLotsWorkflowId,
  (input: WorkflowData<ReturnLotDesignationInput>) => {
    const { order_id } = validateReturnLotDesignationStep(input)
    const count = designateReturnLotsStep(transform({ input, order_id }, ({ input, order_id }) => ({ ...input, order_id })))
    return new WorkflowResponse(count)
  }
)
