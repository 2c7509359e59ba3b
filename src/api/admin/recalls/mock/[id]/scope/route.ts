import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../../modules/lot"
import { traceTablePage } from "../../../../../../modules/lot/domain/trace-view"
import type LotModuleService from "../../../../../../modules/lot/service"
import { asMockRecalls, orderNumbers, pageOrderIds } from "../../../helpers"
import type { AdminMockRecallScopeResponse } from "../../../types"
import type { AdminMockRecallScopeParamsType } from "../../../validators"

/**
 * `GET /admin/recalls/mock/:id/scope?table=customers|shipments|lots&offset=25&limit=25`: one page of
 * a mock recall's scope, its lots traced again as they stand now (as the export does), with the
 * display numbers of the orders on the page. Changes nothing.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminMockRecallScopeParamsType>, res: MedusaResponse<AdminMockRecallScopeResponse>) => {
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const [mock] = asMockRecalls(await lots.listMockRecalls({ id: req.params.id }))
  if (!mock) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Mock recall with id: ${req.params.id} was not found`)
  }
  const { table, offset, limit } = req.validatedQuery
  const { report } = await lots.previewRecall(mock.lot_ids)
  const page = traceTablePage(report, table, offset, limit)
  res.status(200).json({ ...page, order_numbers: await orderNumbers(req.scope, pageOrderIds(page.rows)) })
}
