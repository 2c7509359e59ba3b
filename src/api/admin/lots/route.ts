import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"
import { receiveLotWorkflow } from "../../../workflows/receive-lot"
import { graphLots, refetchLot } from "./helpers"
import { lotSearchFilters } from "./search"
import type { AdminLotListResponse, AdminReceiveLotResponse } from "./types"
import type { AdminGetLotsParamsType, AdminReceiveLotWithCodeType } from "./validators"

/** Receives stock into a new or existing lot, described by its fields or by a scanned code. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReceiveLotWithCodeType>, res: MedusaResponse<AdminReceiveLotResponse>) => {
  const { result } = await receiveLotWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  const lot = await refetchLot(result.lot_id, req.scope, req.queryConfig?.fields)
  res.status(200).json({ lot, receipt: result })
}

/** Lists lots, filtered by item, location, status, expiry window and a search of lot numbers, SKUs and product titles. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLotsParamsType>, res: MedusaResponse<AdminLotListResponse>) => {
  const { skip = 0, take = 50, order } = req.queryConfig.pagination
  const [sortField, sortDirection] = Object.entries(order ?? {})[0] ?? []
  const { ids, count } = await req.scope.resolve<LotModuleService>(LOT_MODULE).searchLots(
    await lotSearchFilters(req.scope, req.validatedQuery),
    { skip, take, order: sortField ? `${String(sortDirection).toUpperCase() === "DESC" ? "-" : ""}${sortField}` : undefined }
  )
  const data = await graphLots(ids, req.scope, req.queryConfig.fields)
  const position = new Map(ids.map((id, index) => [id, index]))
  const lots = [...data].sort((a, b) => position.get(a.id)! - position.get(b.id)!)
  res.status(200).json({ lots, count, offset: skip, limit: take })
}
