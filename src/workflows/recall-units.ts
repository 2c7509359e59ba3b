import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AdjustmentReason } from "../modules/lot"
import type { RecallDisposal } from "../modules/lot/actions/recall-units"
import { adjustLotStockWorkflow } from "./adjust-lot-stock"
import {
  recordRecallDisposalStep,
  recordRecallRecoveryStep,
  validateRecallDisposalStep,
  type RecordRecallRecoveryStepInput,
} from "./steps"

export const recordRecallRecoveryWorkflowId = "record-recall-recovery"
/**
 * Records units of a recalled lot that came back, or were destroyed, without a Medusa return: they
 * count as recovered in the recall's progress and do not go back into stock. Used by
 * `POST /admin/recalls/:id/recoveries`.
 *
 * @example
 * await recordRecallRecoveryWorkflow(container).run({ input: { recall_id: "rcl_1", lot_id: "lot_1", quantity: 3, customer_key: "cus_1", note: "destroyed by the store" } })
 */
export const recordRecallRecoveryWorkflow = createWorkflow(
  recordRecallRecoveryWorkflowId,
  (input: WorkflowData<RecordRecallRecoveryStepInput>) => new WorkflowResponse(recordRecallRecoveryStep(input))
)

export type DisposeRecalledUnitsWorkflowInput = RecallDisposal & {
  /** Take the units from the returned units awaiting inspection at the location. */
  from_returns?: boolean
}

export const disposeRecalledUnitsWorkflowId = "dispose-recalled-units"
/**
 * Disposes of units of a recalled lot held at a location: writes them off as scrap (Medusa's
 * stocked quantity follows, the lot's history says which recall), then adds them to the recall's
 * activity. Used by `POST /admin/recalls/:id/disposals`.
 *
 * @example
 * await disposeRecalledUnitsWorkflow(container).run({ input: { recall_id: "rcl_1", lot_id: "lot_1", location_id: "sloc_1", quantity: 4 } })
 */
export const disposeRecalledUnitsWorkflow = createWorkflow(disposeRecalledUnitsWorkflowId, (input: WorkflowData<DisposeRecalledUnitsWorkflowInput>) => {
  const recalled = validateRecallDisposalStep(transform({ input }, ({ input }) => ({ recall_id: input.recall_id, lot_id: input.lot_id })))

  const adjustment = adjustLotStockWorkflow.runAsStep({
    input: transform({ input, recalled }, ({ input, recalled }) => ({
      lot_id: input.lot_id,
      location_id: input.location_id,
      quantity_change: -input.quantity,
      reason: AdjustmentReason.SCRAP,
      from_returns: input.from_returns,
      note: [`Recall ${recalled.recall_number}`, input.note?.trim()].filter(Boolean).join(": "),
      actor_id: input.actor_id,
    })),
  })

  recordRecallDisposalStep(
    transform({ input }, ({ input }) => ({
      recall_id: input.recall_id,
      lot_id: input.lot_id,
      location_id: input.location_id,
      quantity: input.quantity,
      note: input.note,
      actor_id: input.actor_id,
    }))
  )
  return new WorkflowResponse(adjustment)
})
