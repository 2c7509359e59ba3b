import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { receiveLotWorkflow } from "../../../workflows/receive-lot"
import { refetchLot } from "./helpers"
import type { AdminGetLotsParamsType, AdminReceiveLotType } from "./validators"

const asList = <T>(value: T | T[] | undefined) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])

/** Receives stock into a new or existing lot. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReceiveLotType>, res: MedusaResponse) => {
  const { result } = await receiveLotWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  const lot = await refetchLot(result.lot_id, req.scope, req.queryConfig?.fields)
  res.status(200).json({ lot, receipt: result })
}

/** Lists lots, filtered by item, location, status, expiry window and lot-number search. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLotsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, inventory_item_id, location_id, status, expires_before, expires_after } = req.validatedQuery
  const expiry = { ...(expires_before && { $lt: expires_before }), ...(expires_after && { $gte: expires_after }) }
  const filters = {
    ...(q && { lot_number: { $ilike: `%${q.trim().toUpperCase().replace(/[\\%_]/g, "\\$&")}%` } }),
    ...(inventory_item_id && { inventory_item_id: asList(inventory_item_id) }),
    ...(status && { status: asList(status) }),
    ...(Object.keys(expiry).length && { expires_at: expiry }),
    ...(location_id && { stock: { location_id: asList(location_id) } }),
  }
  const { data: lots, metadata } = await query.graph({
    entity: "lot",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.status(200).json({ lots, count: metadata?.count ?? lots.length, offset: metadata?.skip ?? 0, limit: metadata?.take ?? lots.length })
}
