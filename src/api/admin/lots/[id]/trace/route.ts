import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../modules/lot"
import { buildTraceTables } from "../../../../../modules/lot/domain/trace-report"
import { traceSummary, traceTablePage, traceTreeLevel } from "../../../../../modules/lot/domain/trace-view"
import type LotModuleService from "../../../../../modules/lot/service"
import type { AdminLotTraceNodeResponse, AdminLotTraceResponse, AdminLotTraceTableResponse } from "../../types"
import type { AdminLotTraceParamsType } from "../../genealogy-validators"

/**
 * The lot's trace — forward (made from it, shipped to whom, on hand where), backward (inputs,
 * suppliers) or both — a screen at a time, since a raw-material lot reaches thousands of shipments:
 * - `GET /admin/lots/:id/trace?direction=forward`: the totals with the mass balance, the lot with
 *   the first `limit` of its children (the tree's top levels), the first `limit` rows of each table;
 * - `…&table=shipments|customers|on_hand|suppliers|lots&offset=40&limit=20`: one page of a table;
 * - `…&node=<lot id>&offset=0&limit=20`: a lot of the trace opened in the tree, with a page of its children.
 * Every answer runs the same set-based trace (two statements) and sends only its part.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminLotTraceParamsType>,
  res: MedusaResponse<AdminLotTraceResponse | AdminLotTraceTableResponse | AdminLotTraceNodeResponse>
) => {
  const { direction, depth, table, node, offset, limit } = req.validatedQuery
  const lot_id = req.params.id
  const traces = await req.scope.resolve<LotModuleService>(LOT_MODULE).traceFromLots([lot_id], { direction, max_depth: depth })
  const tables = buildTraceTables(traces, [lot_id])
  if (table) {
    res.status(200).json({ lot_id, ...traceTablePage(tables, table, offset, limit) })
    return
  }
  if (node) {
    const level = traceTreeLevel(tables, node, offset, limit)
    if (!level) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${node} is not in this lot's ${direction === "both" ? "" : `${direction} `}trace`)
    }
    res.status(200).json({ lot_id, ...level })
    return
  }
  res.status(200).json({ lot_id, trace: traceSummary(tables, lot_id, limit) })
}
