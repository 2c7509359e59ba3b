import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listLotHistory, refetchLot } from "../helpers"
import type { AdminLotResponse } from "../types"

/** One lot with its stock per location and its history, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLotResponse>) => {
  const [lot, events] = await Promise.all([
    refetchLot(req.params.id, req.scope, req.queryConfig.fields),
    listLotHistory(req.params.id, req.scope),
  ])
  res.status(200).json({ lot: { ...lot, events } })
}
