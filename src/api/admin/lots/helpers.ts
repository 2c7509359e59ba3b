import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"
import { defaultAdminLotFields } from "./query-config"
import { withActors } from "../../utils/actors"
import type { AdminLot, AdminLotEvent } from "./types"

/**
 * Lots by id through query.graph, in no particular order. The entity types a host app generates
 * for query.graph widen dates to `Date | string` and list items to nullable; the lot module's rows
 * carry Dates and no null items, so they are the AdminLot the routes answer with.
 */
export async function graphLots(ids: string[], scope: MedusaContainer, fields: string[] = defaultAdminLotFields): Promise<AdminLot[]> {
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "lot", fields, filters: { id: ids } })
  return data as unknown as AdminLot[]
}

/** Reads a lot back through query.graph after a workflow changed it. */
export async function refetchLot(lotId: string, scope: MedusaContainer, fields: string[] = defaultAdminLotFields) {
  const [lot] = await graphLots([lotId], scope, fields)
  if (!lot) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${lotId} was not found`)
  }
  return lot
}

/** A lot's history, newest first, each entry with the admin user who made it. */
export async function listLotHistory(lotId: string, scope: MedusaContainer, limit = 200): Promise<AdminLotEvent[]> {
  const events = await scope
    .resolve<LotModuleService>(LOT_MODULE)
    .listLotEvents({ lot_id: lotId }, { order: { created_at: "DESC", id: "DESC" }, take: limit })
  return await withActors(scope, events)
}
