import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../../modules/lot"
import type LotModuleService from "../../../../../../modules/lot/service"
import { asMockRecalls } from "../../../helpers"
import { scopeRows, sendScopeExport } from "../../../export-tables"
import type { AdminExportRecallParamsType } from "../../../validators"

/**
 * A mock recall's lots traced again as they stand now, exported like a recall's scope (customers,
 * shipments, lots; CSV or XLSX) — what an auditor asks to see after the rehearsal. Changes nothing.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportRecallParamsType>, res: MedusaResponse) => {
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const [mock] = asMockRecalls(await lots.listMockRecalls({ id: req.params.id }))
  if (!mock) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Mock recall with id: ${req.params.id} was not found`)
  }
  const { report } = await lots.previewRecall(mock.lot_ids)
  const fileName = `mock-recall-${new Date(mock.created_at).toISOString().slice(0, 10)}`
  await sendScopeExport(req.scope, res, scopeRows(report), { kind: "mock", fileName, ...req.validatedQuery })
}
