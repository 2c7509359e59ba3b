import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type { RecallCustomersNotice, RecallNoticeUndo } from "../../modules/lot/actions/recall-notices"
import type LotModuleService from "../../modules/lot/service"

export type MarkRecallCustomersNotifiedStepInput = RecallCustomersNotice

export const markRecallCustomersNotifiedStepId = "mark-recall-customers-notified-step"
/**
 * Records that customers of an open recall were told, how (`method`) and with what note; each is
 * added to the recall's activity. Compensation restores what was recorded before.
 * Used by `markRecallCustomersNotifiedWorkflow`.
 *
 * @example
 * markRecallCustomersNotifiedStep({ recall_id: "rcl_1", customer_keys: ["cus_1"], method: "phone", actor_id: "user_1" })
 */
export const markRecallCustomersNotifiedStep = createStep(
  markRecallCustomersNotifiedStepId,
  async (input: MarkRecallCustomersNotifiedStepInput, { container }) => {
    const before = await container.resolve<LotModuleService>(LOT_MODULE).markRecallCustomersNotified(input)
    return new StepResponse(before.length, { recall_id: input.recall_id, before, actor_id: input.actor_id } as RecallNoticeUndo)
  },
  async (undo, { container }) => {
    if (undo?.before.length) {
      await container.resolve<LotModuleService>(LOT_MODULE).restoreRecallCustomersNotice(undo)
    }
  }
)
