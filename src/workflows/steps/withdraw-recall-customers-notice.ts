import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type { RecallNoticeUndo, RecallNoticeWithdrawal } from "../../modules/lot/actions/recall-notices"
import type LotModuleService from "../../modules/lot/service"

export type WithdrawRecallCustomersNoticeStepInput = RecallNoticeWithdrawal

export const withdrawRecallCustomersNoticeStepId = "withdraw-recall-customers-notice-step"
/**
 * Withdraws customers' notices on an open recall (marked notified by mistake): they count as not
 * told again, and the reason joins the recall's activity. Compensation restores the notices.
 * Used by `withdrawRecallCustomersNoticeWorkflow`.
 *
 * @example
 * withdrawRecallCustomersNoticeStep({ recall_id: "rcl_1", customer_keys: ["cus_1"], reason: "wrong customer", actor_id: "user_1" })
 */
export const withdrawRecallCustomersNoticeStep = createStep(
  withdrawRecallCustomersNoticeStepId,
  async (input: WithdrawRecallCustomersNoticeStepInput, { container }) => {
    const before = await container.resolve<LotModuleService>(LOT_MODULE).withdrawRecallCustomersNotice(input)
    return new StepResponse(before.length, { recall_id: input.recall_id, before, actor_id: input.actor_id } as RecallNoticeUndo)
  },
  async (undo, { container }) => {
    if (undo?.before.length) {
      await container.resolve<LotModuleService>(LOT_MODULE).restoreRecallCustomersNotice(undo)
    }
  }
)
