import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPickQueue } from "../../../../workflows/steps/lookups/pick-queue"
import type { AdminPickQueueResponse } from "../types"
import type { AdminGetPickQueueParamsType } from "../validators"

/** Orders with units to pick at a stock location, oldest first (the Picking screen's list). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPickQueueParamsType>, res: MedusaResponse<AdminPickQueueResponse>) => {
  const { location_id, limit, offset } = req.validatedQuery
  const { orders, count } = await loadPickQueue(req.scope, { location_id, limit, offset })
  res.status(200).json({ location_id, orders, count, offset, limit })
}
