import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { updateLotSupplierStep, type LotSupplierInput } from "./steps"

export const updateLotSupplierWorkflowId = "update-lot-supplier"
/**
 * Edits a supplier; lots already received from it keep the details they were received with.
 * Used by `POST /admin/lot-suppliers/:id`.
 *
 * @example
 * await updateLotSupplierWorkflow(container).run({ input: { id: "lotsup_1", phone: "+1 555 0100" } })
 */
export const updateLotSupplierWorkflow = createWorkflow(
  updateLotSupplierWorkflowId,
  (input: WorkflowData<LotSupplierInput & { id: string }>) => {
    const supplier = updateLotSupplierStep(input)
    emitEventStep({ eventName: LotEvents.SUPPLIER_UPDATED, data: transform({ supplier }, ({ supplier }) => ({ id: supplier.id })) })
    return new WorkflowResponse(supplier)
  }
)
