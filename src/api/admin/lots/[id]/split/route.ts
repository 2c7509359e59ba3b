import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { splitLotWorkflow } from "../../../../../workflows/split-lot"
import { refetchLot } from "../../helpers"
import type { AdminSplitLotResponse } from "../../types"
import type { AdminSplitLotType } from "../../genealogy-validators"

/** Moves units of a lot into new child lots (repack, relabel), keeping the parent link. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSplitLotType>, res: MedusaResponse<AdminSplitLotResponse>) => {
  const { result } = await splitLotWorkflow(req.scope).run({
    input: { ...req.validatedBody, lot_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const [lot, ...children] = await Promise.all(
    [req.params.id, ...result.outputs.map((o) => o.lot_id)].map((id) => refetchLot(id, req.scope))
  )
  res.status(200).json({ lot, children, split: result })
}
