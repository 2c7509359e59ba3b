import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../modules/lot"
import type LotModuleService from "../../../../../modules/lot/service"
import { sendScopeExport } from "../../export-tables"
import type { AdminExportRecallParamsType } from "../../validators"

/**
 * A recall's scope as it was copied when it opened, with each customer's notice: customers,
 * shipments and lots — CSV (one table, `table=`) or XLSX (one sortable sheet per table).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportRecallParamsType>, res: MedusaResponse) => {
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const [recall] = await lots.listRecalls({ id: req.params.id })
  if (!recall) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Recall with id: ${req.params.id} was not found`)
  }
  const filter = { recall_id: recall.id }
  const [customers, shipments, recallLots] = await Promise.all([
    lots.listRecallCustomers(filter, { order: { outstanding_quantity: "DESC", customer_key: "ASC" } }),
    lots.listRecallShipments(filter, { order: { shipped_at: "ASC", id: "ASC" } }),
    lots.listRecallLots(filter, { order: { depth: "ASC", lot_number: "ASC" } }),
  ])
  await sendScopeExport(req.scope, res, { customers, shipments, lots: recallLots }, { kind: "recall", fileName: recall.recall_number, ...req.validatedQuery })
}
