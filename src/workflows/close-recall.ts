import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import {
  closeRecallStep,
  markRecallCustomersNotifiedStep,
  withdrawRecallCustomersNoticeStep,
  type CloseRecallStepInput,
  type MarkRecallCustomersNotifiedStepInput,
  type WithdrawRecallCustomersNoticeStepInput,
} from "./steps"

export const closeRecallWorkflowId = "close-recall"
/**
 * Closes a recall, recording who and why, and emits `lot.recall_closed`. Used by
 * `POST /admin/recalls/:id/close`.
 *
 * @example
 * await closeRecallWorkflow(container).run({ input: { recall_id: "rcl_1", reason: "all units recovered", actor_id: "user_1" } })
 */
export const closeRecallWorkflow = createWorkflow(closeRecallWorkflowId, (input: WorkflowData<CloseRecallStepInput>) => {
  const recall = closeRecallStep(input)
  emitEventStep({
    eventName: LotEvents.RECALL_CLOSED,
    data: transform({ recall, input }, ({ recall, input }) => ({ ...recall, reason: input.reason })),
  })
  return new WorkflowResponse(recall)
})

export const markRecallCustomersNotifiedWorkflowId = "mark-recall-customers-notified"
/**
 * Records which customers of an open recall were told, how (e-mail, phone, letter — by a person,
 * or a notification provider reacting to `lot.recall_created`) and with what note; each joins the
 * recall's activity. Used by `POST /admin/recalls/:id/customers/notified`.
 *
 * @example
 * await markRecallCustomersNotifiedWorkflow(container).run({ input: { recall_id: "rcl_1", customer_keys: ["cus_1"], method: "email" } })
 */
export const markRecallCustomersNotifiedWorkflow = createWorkflow(
  markRecallCustomersNotifiedWorkflowId,
  (input: WorkflowData<MarkRecallCustomersNotifiedStepInput>) => new WorkflowResponse(markRecallCustomersNotifiedStep(input))
)

export const withdrawRecallCustomersNoticeWorkflowId = "withdraw-recall-customers-notice"
/**
 * Withdraws customers' notices on an open recall (marked notified by mistake), with the reason in
 * the recall's activity. Used by `POST /admin/recalls/:id/customers/notified/withdraw`.
 *
 * @example
 * await withdrawRecallCustomersNoticeWorkflow(container).run({ input: { recall_id: "rcl_1", customer_keys: ["cus_1"], reason: "wrong customer" } })
 */
export const withdrawRecallCustomersNoticeWorkflow = createWorkflow(
  withdrawRecallCustomersNoticeWorkflowId,
  (input: WorkflowData<WithdrawRecallCustomersNoticeStepInput>) => new WorkflowResponse(withdrawRecallCustomersNoticeStep(input))
)
