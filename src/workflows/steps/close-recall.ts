import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export type CloseRecallStepInput = { recall_id: string; reason: string; actor_id?: string | null }

export const closeRecallStepId = "close-recall-step"
/**
 * Closes an open recall with who and why; the recalled lots keep their status (they are disposed
 * by adjustments, never silently released). Compensation opens it again. Used by `closeRecallWorkflow`.
 *
 * @example
 * const recall = closeRecallStep({ recall_id: "rcl_1", reason: "all units recovered", actor_id: "user_1" })
 */
export const closeRecallStep = createStep(
  closeRecallStepId,
  async (input: CloseRecallStepInput, { container }) => {
    const recall = await container.resolve<LotModuleService>(LOT_MODULE).closeRecall(input)
    return new StepResponse({ id: recall.id, recall_number: recall.recall_number }, input)
  },
  async (input: CloseRecallStepInput | undefined, { container }) => {
    if (input) {
      await container.resolve<LotModuleService>(LOT_MODULE).closeRecall({ ...input, reopen: true })
    }
  }
)
