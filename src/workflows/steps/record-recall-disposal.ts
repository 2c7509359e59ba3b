import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, RecallActionType } from "../../modules/lot"
import type { RecallDisposal } from "../../modules/lot/actions/recall-units"
import type LotModuleService from "../../modules/lot/service"

export type RecordRecallDisposalStepInput = RecallDisposal

export const recordRecallDisposalStepId = "record-recall-disposal-step"
/**
 * Adds units already written off from stock to the recall's activity; refused (and the write-off
 * undone by its own step) when the recall closed meanwhile. The activity is append-only, so the
 * compensation records the same units taken back. Used by `disposeRecalledUnitsWorkflow`.
 *
 * @example
 * recordRecallDisposalStep({ recall_id: "rcl_1", lot_id: "lot_1", location_id: "sloc_1", quantity: 4 })
 */
export const recordRecallDisposalStep = createStep(
  recordRecallDisposalStepId,
  async (input: RecordRecallDisposalStepInput, { container }) => {
    await container.resolve<LotModuleService>(LOT_MODULE).recordRecallDisposal(input)
    return new StepResponse(undefined, input)
  },
  async (input, { container }) => {
    if (input) {
      await container.resolve<LotModuleService>(LOT_MODULE).reverseRecallUnits({ ...input, type: RecallActionType.UNITS_DISPOSED })
    }
  }
)
