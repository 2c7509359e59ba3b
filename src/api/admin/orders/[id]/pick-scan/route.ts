import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pickByScanWorkflow } from "../../../../../workflows/pick-by-scan"
import type { AdminOrderPickScanResponse } from "../../types"
import type { AdminOrderPickScanType } from "./validators"

/**
 * One scan while picking an order: confirms an allocated lot, or moves the line onto the scanned
 * lot when it may ship and has free units; refuses anything else with a 400 a picker understands.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminOrderPickScanType>, res: MedusaResponse<AdminOrderPickScanResponse>) => {
  const { result } = await pickByScanWorkflow(req.scope).run({
    input: { ...req.validatedBody, order_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json(result)
}
