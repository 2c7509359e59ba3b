import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export type MarkRecallCustomersNotifiedStepInput = { recall_id: string; customer_keys: string[]; actor_id?: string | null }

export const markRecallCustomersNotifiedStepId = "mark-recall-customers-notified-step"
/**
 * Records that customers of a recall were told. Compensation restores what was recorded before.
 * Used by `markRecallCustomersNotifiedWorkflow`.
 *
 * @example
 * markRecallCustomersNotifiedStep({ recall_id: "rcl_1", customer_keys: ["cus_1"], actor_id: "user_1" })
 */
export const markRecallCustomersNotifiedStep = createStep(
  markRecallCustomersNotifiedStepId,
  async (input: MarkRecallCustomersNotifiedStepInput, { container }) => {
    const before = await container.resolve<LotModuleService>(LOT_MODULE).markRecallCustomersNotified(input)
    return new StepResponse(input.customer_keys.length, { recall_id: input.recall_id, before })
  },
  async (undo, { container }) => {
    if (undo?.before.length) {
      await container
        .resolve<LotModuleService>(LOT_MODULE)
        .markRecallCustomersNotified({ recall_id: undo.recall_id, customer_keys: [], restore: undo.before })
    }
  }
)
