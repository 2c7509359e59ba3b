import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { deleteLotSupplierStep } from "./steps"

export const deleteLotSupplierWorkflowId = "delete-lot-supplier"
/**
 * Retires a supplier from the picker; lots received from it keep its details. Used by
 * `DELETE /admin/lot-suppliers/:id`.
 *
 * @example
 * await deleteLotSupplierWorkflow(container).run({ input: { id: "lotsup_1" } })
 */
export const deleteLotSupplierWorkflow = createWorkflow(deleteLotSupplierWorkflowId, (input: WorkflowData<{ id: string }>) => {
  const id = deleteLotSupplierStep(input)
  emitEventStep({ eventName: LotEvents.SUPPLIER_DELETED, data: transform({ id }, ({ id }) => ({ id })) })
  return new WorkflowResponse(id)
})
