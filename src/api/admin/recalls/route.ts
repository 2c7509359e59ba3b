import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"
import { createRecallWorkflow } from "../../../workflows/create-recall"
import { asRecalls, recallDetail } from "./helpers"
import type { AdminRecallListResponse, AdminRecallResponse } from "./types"
import type { AdminCreateRecallType, AdminListRecallsParamsType } from "./validators"

/** Recalls, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListRecallsParamsType>, res: MedusaResponse<AdminRecallListResponse>) => {
  const { offset, limit, status } = req.validatedQuery
  const [recalls, count] = await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .listAndCountRecalls(status ? { status } : {}, { order: { created_at: "DESC", id: "DESC" }, skip: offset, take: limit })
  res.status(200).json({ recalls: asRecalls(recalls), count, offset, limit })
}

/** Recalls lots and everything made from them; answers with the recall and its scope. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateRecallType>, res: MedusaResponse<AdminRecallResponse>) => {
  const { result } = await createRecallWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ recall: await recallDetail(req.scope, result.id) })
}
