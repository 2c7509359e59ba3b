import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { upsertLotPolicyStep, type LotPolicyInput } from "./steps"

export const upsertLotPolicyWorkflowId = "upsert-lot-policy"
/**
 * Turns lot tracking on or off for an inventory item and sets how its lots are allocated, dated
 * and numbered. Used by `POST /admin/inventory-items/:id/lot-policy`.
 *
 * @example
 * await upsertLotPolicyWorkflow(container).run({
 *   input: { inventory_item_id: "iitem_1", tracked: true, strategy: "fefo", shelf_life_days: 21 },
 * })
 */
export const upsertLotPolicyWorkflow = createWorkflow(upsertLotPolicyWorkflowId, (input: WorkflowData<LotPolicyInput>) => {
  const policy = upsertLotPolicyStep(input)
  emitEventStep({
    eventName: LotEvents.POLICY_UPDATED,
    data: transform({ policy }, ({ policy }) => ({ id: policy.id, inventory_item_id: policy.inventory_item_id })),
  })
  return new WorkflowResponse(policy)
})
