import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type { RecallDisposal } from "../../modules/lot/actions/recall-units"
import type LotModuleService from "../../modules/lot/service"

export type ValidateRecallDisposalStepInput = Pick<RecallDisposal, "recall_id" | "lot_id">

export const validateRecallDisposalStepId = "validate-recall-disposal-step"
/**
 * Refuses a disposal before any stock moves: the recall must exist and be open, the lot in its
 * scope. Answers the recall and lot numbers for the write-off's note. Changes nothing, so there is
 * nothing to compensate. Used by `disposeRecalledUnitsWorkflow`.
 *
 * @example
 * const { recall_number } = validateRecallDisposalStep({ recall_id: "rcl_1", lot_id: "lot_1" })
 */
export const validateRecallDisposalStep = createStep(validateRecallDisposalStepId, async (input: ValidateRecallDisposalStepInput, { container }) => {
  return new StepResponse(await container.resolve<LotModuleService>(LOT_MODULE).checkRecallDisposal(input))
})
