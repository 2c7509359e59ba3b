import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { closeRecallWorkflow } from "../../../../../workflows/close-recall"
import { recallDetail } from "../../helpers"
import type { AdminRecallResponse } from "../../types"
import type { AdminCloseRecallType } from "../../validators"

/** Closes a recall with a reason; its lots stay recalled. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCloseRecallType>, res: MedusaResponse<AdminRecallResponse>) => {
  await closeRecallWorkflow(req.scope).run({
    input: { recall_id: req.params.id, reason: req.validatedBody.reason, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ recall: await recallDetail(req.scope, req.params.id) })
}
