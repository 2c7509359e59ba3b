import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignUntrackedStockWorkflow } from "../../../../../../workflows/assign-untracked-stock"
import { refetchLot } from "../../../../lots/helpers"
import type { AdminAssignUntrackedStockResponse } from "../../../types"
import type { AdminAssignUntrackedStockType } from "../../../validators"

/** Puts units Medusa stocks at a location, but no lot holds, into a new or existing lot of the item. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAssignUntrackedStockType>, res: MedusaResponse<AdminAssignUntrackedStockResponse>) => {
  const { result } = await assignUntrackedStockWorkflow(req.scope).run({
    input: { ...req.validatedBody, inventory_item_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const lot = await refetchLot(result.lot_id, req.scope)
  res.status(200).json({ lot, assignment: result })
}
