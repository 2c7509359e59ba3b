import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markRecallCustomersNotifiedWorkflow } from "../../../../../../workflows/close-recall"
import { recallDetail } from "../../../helpers"
import type { AdminRecallResponse } from "../../../types"
import type { AdminMarkRecallCustomersNotifiedType } from "../../../validators"

/** Records that the named customers of a recall were told, how and with what note. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkRecallCustomersNotifiedType>, res: MedusaResponse<AdminRecallResponse>) => {
  await markRecallCustomersNotifiedWorkflow(req.scope).run({
    input: { recall_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ recall: await recallDetail(req.scope, req.params.id) })
}
