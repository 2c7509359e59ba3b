import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../modules/lot"
import type LotModuleService from "../../../../modules/lot/service"
import { asMockRecalls, scopeOrderNumbers } from "../helpers"
import type { AdminMockRecallListResponse, AdminMockRecallResponse } from "../types"
import type { AdminListMockRecallsParamsType, AdminRecallScopeType } from "../validators"

/** The history of mock recalls, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListMockRecallsParamsType>, res: MedusaResponse<AdminMockRecallListResponse>) => {
  const { offset, limit } = req.validatedQuery
  const [mock_recalls, count] = await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .listAndCountMockRecalls({}, { order: { created_at: "DESC", id: "DESC" }, skip: offset, take: limit })
  res.status(200).json({ mock_recalls: asMockRecalls(mock_recalls), count, offset, limit })
}

/** Rehearses a recall of the lots: the scope with its customers' order numbers, how long it took and the mass balance; changes nothing else. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecallScopeType>, res: MedusaResponse<AdminMockRecallResponse>) => {
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const { id, report } = await lots.runMockRecall({ lot_ids: req.validatedBody.lot_ids, actor_id: req.auth_context.actor_id })
  const [mock_recall] = asMockRecalls(await lots.listMockRecalls({ id }))
  res.status(200).json({ mock_recall, scope: report, order_numbers: await scopeOrderNumbers(req.scope, report) })
}
