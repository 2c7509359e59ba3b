import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sweepExpiredLots } from "../../../../workflows/lib/expiry-sweep"

/** Runs the daily expiry sweep now. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const expired = await sweepExpiredLots(req.scope)
  res.status(200).json({ count: expired.length, expired })
}
