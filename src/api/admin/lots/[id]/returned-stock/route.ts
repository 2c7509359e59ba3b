import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { inspectReturnedUnitsWorkflow } from "../../../../../workflows/inspect-returned-units"
import { refetchLot } from "../../helpers"
import type { AdminInspectReturnedStockResponse } from "../../types"
import type { AdminInspectReturnedStockType } from "../../validators"

/** Settles returned units awaiting inspection: restock them, or scrap them. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminInspectReturnedStockType>, res: MedusaResponse<AdminInspectReturnedStockResponse>) => {
  await inspectReturnedUnitsWorkflow(req.scope).run({
    input: { ...req.validatedBody, lot_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const lot = await refetchLot(req.params.id, req.scope)
  res.status(200).json({ lot })
}
