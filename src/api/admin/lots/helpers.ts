import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"
import { defaultAdminLotFields } from "./query-config"

/** Reads a lot back through query.graph after a workflow changed it. */
export async function refetchLot(lotId: string, scope: MedusaContainer, fields: string[] = defaultAdminLotFields) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "lot", fields, filters: { id: lotId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${lotId} was not found`)
  }
  return data[0]
}

/** A lot's history, newest first. */
export async function listLotHistory(lotId: string, scope: MedusaContainer, limit = 200) {
  return await scope
    .resolve<LotModuleService>(LOT_MODULE)
    .listLotEvents({ lot_id: lotId }, { order: { created_at: "DESC", id: "DESC" }, take: limit })
}
