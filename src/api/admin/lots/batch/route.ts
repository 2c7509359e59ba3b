import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receiveLotsWorkflow } from "../../../../workflows/receive-lots"
import type { AdminReceiveLotsResponse } from "../types"
import type { AdminReceiveLotsType } from "./validators"

/** Receives a batch of receipts (a delivery note, an import) all or nothing; answers the receipts in request order. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReceiveLotsType>, res: MedusaResponse<AdminReceiveLotsResponse>) => {
  const { receipts, additional_data } = req.validatedBody
  const { result } = await receiveLotsWorkflow(req.scope).run({
    input: { receipts, additional_data, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ receipts: result })
}
