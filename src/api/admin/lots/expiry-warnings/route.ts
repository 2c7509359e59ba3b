import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sweepExpiryWarnings } from "../../../../workflows/runners/expiry-warnings"
import type { AdminExpiryWarningsResponse } from "../types"

/**
 * Runs the daily expiry warning pass now: lots that entered a smaller warning window are announced
 * (`lot.expiring_soon`, a history entry, one admin notification for the run). Idempotent.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminExpiryWarningsResponse>) => {
  const warned = await sweepExpiryWarnings(req.scope)
  res.status(200).json({ count: warned.length, warned })
}
