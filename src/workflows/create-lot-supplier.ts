import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { createLotSupplierStep, type LotSupplierInput } from "./steps"

export const createLotSupplierWorkflowId = "create-lot-supplier"
/**
 * Adds a supplier to the master data receipts pick from (FSMA 204 location description and
 * references). Used by `POST /admin/lot-suppliers`.
 *
 * @example
 * const { result } = await createLotSupplierWorkflow(container).run({
 *   input: { name: "Alpine Dairy", city: "Innsbruck", country_code: "at", gln: "0614141000005" },
 * })
 */
export const createLotSupplierWorkflow = createWorkflow(
  createLotSupplierWorkflowId,
  (input: WorkflowData<LotSupplierInput & { name: string }>) => {
    const supplier = createLotSupplierStep(input)
    emitEventStep({ eventName: LotEvents.SUPPLIER_CREATED, data: transform({ supplier }, ({ supplier }) => ({ id: supplier.id })) })
    return new WorkflowResponse(supplier)
  }
)
