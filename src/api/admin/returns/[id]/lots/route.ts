import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../../modules/lot"
import type LotModuleService from "../../../../../modules/lot/service"
import { designateReturnLotsWorkflow } from "../../../../../workflows/designate-return-lots"
import type { AdminReturnLotsResponse } from "../../types"
import type { AdminDesignateReturnLotsType } from "../../validators"

async function listReturnLots(req: AuthenticatedMedusaRequest<unknown>) {
  return await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .listLotReturns({ return_id: req.params.id }, { order: { created_at: "ASC" } })
}

/** Which lots a return's units came from (named by the merchant) or went back to (received). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnLotsResponse>) => {
  res.status(200).json({ return_lots: await listReturnLots(req) })
}

/** Names the lots a return's units came from, before the return is received. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDesignateReturnLotsType>, res: MedusaResponse<AdminReturnLotsResponse>) => {
  await designateReturnLotsWorkflow(req.scope).run({ input: { return_id: req.params.id, items: req.validatedBody.items } })
  res.status(200).json({ return_lots: await listReturnLots(req) })
}
