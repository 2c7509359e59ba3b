import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { disposeRecalledUnitsWorkflow } from "../../../../../workflows/recall-units"
import { recallDetail } from "../../helpers"
import type { AdminRecallResponse } from "../../types"
import type { AdminDisposeRecalledUnitsType } from "../../validators"

/** Writes off units of a recalled lot held at a location, on the recall. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDisposeRecalledUnitsType>, res: MedusaResponse<AdminRecallResponse>) => {
  await disposeRecalledUnitsWorkflow(req.scope).run({
    input: { recall_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ recall: await recallDetail(req.scope, req.params.id) })
}
