import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { repairAndReportLotIntegrity } from "../../../../../workflows/runners/integrity-repair"
import type { AdminLotIntegrityRepairResponse } from "../../types"
import type { AdminRepairLotIntegrityType } from "../../validators"

/**
 * Runs the integrity repair now: what was found, each correction made, what could not be
 * repaired and why, and the check afterwards (what is left for a person).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRepairLotIntegrityType>,
  res: MedusaResponse<AdminLotIntegrityRepairResponse>
) => {
  const { inventory_item_id } = req.validatedBody
  const result = await repairAndReportLotIntegrity(req.scope, {
    inventory_item_id: inventory_item_id === undefined ? undefined : [inventory_item_id].flat(),
    actor_id: req.auth_context.actor_id,
  })
  res.status(200).json(result)
}
