import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sweepExpiredLots } from "../../../../workflows/runners/expiry-sweep"
import type { AdminExpireLotsResponse } from "../types"

/** Runs the daily expiry sweep now. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminExpireLotsResponse>) => {
  const expired = await sweepExpiredLots(req.scope)
  res.status(200).json({ count: expired.length, expired })
}
