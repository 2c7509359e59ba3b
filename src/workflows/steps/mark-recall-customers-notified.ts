import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export type MarkRecallCustomersNotifiedStepInput = { recall_id: string; customer_keys: string[]; actor_id?: string | null }

export const markRecallCustomersNotifiedStepId = "mark-recall-customers-notified"
/** Records that customers of a recall were told. Compensation restores what was recorded before. */
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
