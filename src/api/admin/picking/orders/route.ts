import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireStockLocations } from "../../../../workflows/steps/lookups/locations-and-policies"
import { loadPickQueue } from "../../../../workflows/steps/lookups/pick-queue"
import type { AdminPickQueueResponse } from "../types"
import type { AdminGetPickQueueParamsType } from "../validators"

/** Orders with units to pick at a stock location, oldest first (the Picking screen's list). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPickQueueParamsType>, res: MedusaResponse<AdminPickQueueResponse>) => {
  const { location_id, limit, offset } = req.validatedQuery
  // A mistyped location is said so, not answered with an empty list.
  await requireStockLocations(req.scope, [location_id])
  const { orders, count } = await loadPickQueue(req.scope, { location_id, limit, offset })
  res.status(200).json({ location_id, orders, count, offset, limit })
}
