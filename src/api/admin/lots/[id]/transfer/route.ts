import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transferLotStockWorkflow } from "../../../../../workflows/transfer-lot-stock"
import { refetchLot } from "../../helpers"
import type { AdminTransferLotResponse } from "../../types"
import type { AdminTransferLotType } from "../../validators"

/** Moves lot quantity between two stock locations. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminTransferLotType>, res: MedusaResponse<AdminTransferLotResponse>) => {
  const { result } = await transferLotStockWorkflow(req.scope).run({
    input: { ...req.validatedBody, lot_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const lot = await refetchLot(req.params.id, req.scope)
  res.status(200).json({ lot, transfer: result })
}
