import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { editLotWorkflow } from "../../../../workflows/edit-lot"
import { listLotHistory, refetchLot } from "../helpers"
import type { AdminEditLotResponse, AdminLotResponse } from "../types"
import type { AdminEditLotType } from "../validators"

/** One lot with its stock per location and its history, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLotResponse>) => {
  const [lot, events] = await Promise.all([
    refetchLot(req.params.id, req.scope, req.queryConfig.fields),
    listLotHistory(req.params.id, req.scope),
  ])
  res.status(200).json({ lot: { ...lot, events } })
}

/** Corrects a lot's dates, supplier or notes; the history records each change with who made it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEditLotType>, res: MedusaResponse<AdminEditLotResponse>) => {
  const { result } = await editLotWorkflow(req.scope).run({
    input: { ...req.validatedBody, lot_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const { previous: _previous, ...edit } = result
  const lot = await refetchLot(req.params.id, req.scope)
  res.status(200).json({ lot, edit })
}
