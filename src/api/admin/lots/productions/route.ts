import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { produceLotWorkflow } from "../../../../workflows/produce-lot"
import { refetchLot } from "../helpers"
import type { AdminProduceLotResponse } from "../types"
import type { AdminProduceLotType } from "../genealogy-validators"

/** Consumes input lots at a location into a new output lot, recording the genealogy. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminProduceLotType>, res: MedusaResponse<AdminProduceLotResponse>) => {
  const { result } = await produceLotWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  const lot = await refetchLot(result.outputs[0].lot_id, req.scope)
  res.status(200).json({ lot, production: result })
}
