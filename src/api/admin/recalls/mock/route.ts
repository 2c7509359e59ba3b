import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../modules/lot"
import { firstPages } from "../../../../modules/lot/domain/trace-view"
import type LotModuleService from "../../../../modules/lot/service"
import { asMockRecalls, orderNumbers, pageOrderIds } from "../helpers"
import type { AdminMockRecallListResponse, AdminMockRecallResponse } from "../types"
import { SCOPE_PAGE_SIZE, SCOPE_TABLES, type AdminListMockRecallsParamsType, type AdminRecallScopeType } from "../validators"

/** The history of mock recalls, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListMockRecallsParamsType>, res: MedusaResponse<AdminMockRecallListResponse>) => {
  const { offset, limit } = req.validatedQuery
  const [mock_recalls, count] = await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .listAndCountMockRecalls({}, { order: { created_at: "DESC", id: "DESC" }, skip: offset, take: limit })
  res.status(200).json({ mock_recalls: asMockRecalls(mock_recalls), count, offset, limit })
}

/**
 * Rehearses a recall of the lots, changing nothing else: the run with its totals, mass balance and
 * time, and the first page of the scope's customers, shipments and lots with their order numbers.
 * The rest is paged with GET /admin/recalls/mock/:id/scope, or exported.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecallScopeType>, res: MedusaResponse<AdminMockRecallResponse>) => {
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const { id, report } = await lots.runMockRecall({ lot_ids: req.validatedBody.lot_ids, actor_id: req.auth_context.actor_id })
  const [mock_recall] = asMockRecalls(await lots.listMockRecalls({ id }))
  const tables = firstPages(report, SCOPE_TABLES, SCOPE_PAGE_SIZE)
  const order_numbers = await orderNumbers(req.scope, [...pageOrderIds(tables.customers.rows), ...pageOrderIds(tables.shipments.rows)])
  res.status(200).json({ mock_recall, tables, order_numbers })
}
