import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordRecallRecoveryWorkflow } from "../../../../../workflows/recall-units"
import { recallDetail } from "../../helpers"
import type { AdminRecallResponse } from "../../types"
import type { AdminRecordRecallRecoveryType } from "../../validators"

/** Records units of a recalled lot that came back or were destroyed without a Medusa return. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecordRecallRecoveryType>, res: MedusaResponse<AdminRecallResponse>) => {
  await recordRecallRecoveryWorkflow(req.scope).run({
    input: { recall_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ recall: await recallDetail(req.scope, req.params.id) })
}
