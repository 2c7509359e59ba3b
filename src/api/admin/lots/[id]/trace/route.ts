import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../../modules/lot"
import { buildTraceReport } from "../../../../../modules/lot/domain/trace-report"
import type LotModuleService from "../../../../../modules/lot/service"
import type { AdminLotTraceResponse } from "../../types"
import type { AdminLotTraceParamsType } from "../../genealogy-validators"

/** Forward (made from it, shipped to whom, on hand where), backward (inputs, suppliers) or both. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminLotTraceParamsType>, res: MedusaResponse<AdminLotTraceResponse>) => {
  const { direction, depth } = req.validatedQuery
  const traces = await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .traceFromLots([req.params.id], { direction, max_depth: depth })
  res.status(200).json({ lot_id: req.params.id, trace: buildTraceReport(traces, [req.params.id]) })
}
