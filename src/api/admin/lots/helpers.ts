import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"
import { defaultAdminLotFields } from "./query-config"
import type { AdminLot, AdminLotActor, AdminLotEvent } from "./types"

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
  const actorIds = [...new Set(events.map((e) => e.actor_id).filter((id): id is string => !!id))]
  const users = actorIds.length
    ? await scope.resolve(Modules.USER).listUsers({ id: actorIds }, { select: ["id", "email", "first_name", "last_name"] })
    : []
  const actors = new Map(
    users.map((u): [string, AdminLotActor] => [
      u.id,
      { id: u.id, email: u.email ?? null, name: [u.first_name, u.last_name].filter(Boolean).join(" ") || null },
    ])
  )
  // An id no user has any more (a deleted user, an API key) is still shown as itself.
  return events.map((e) => ({ ...e, actor: e.actor_id ? (actors.get(e.actor_id) ?? { id: e.actor_id, email: null, name: null }) : null }))
}
