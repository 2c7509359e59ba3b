import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withdrawRecallCustomersNoticeWorkflow } from "../../../../../../../workflows/close-recall"
import { recallDetail } from "../../../../helpers"
import type { AdminRecallResponse } from "../../../../types"
import type { AdminWithdrawRecallCustomersNoticeType } from "../../../../validators"

/** Withdraws the named customers' notices (marked notified by mistake), with the reason recorded. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWithdrawRecallCustomersNoticeType>, res: MedusaResponse<AdminRecallResponse>) => {
  await withdrawRecallCustomersNoticeWorkflow(req.scope).run({
    input: { recall_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ recall: await recallDetail(req.scope, req.params.id) })
}
