import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adjustLotStockWorkflow } from "../../../../../workflows/adjust-lot-stock"
import { refetchLot } from "../../helpers"
import type { AdminAdjustLotResponse } from "../../types"
import type { AdminAdjustLotType } from "../../validators"

/** Corrects a lot's stock at a location after a count, or writes units off. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAdjustLotType>, res: MedusaResponse<AdminAdjustLotResponse>) => {
  const { result } = await adjustLotStockWorkflow(req.scope).run({
    input: { ...req.validatedBody, lot_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const lot = await refetchLot(req.params.id, req.scope)
  res.status(200).json({ lot, adjustment: result })
}
