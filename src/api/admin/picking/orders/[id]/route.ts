import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPickSheet } from "../../../../../workflows/steps/lookups/pick-sheet"
import type { AdminPickSheetResponse } from "../../types"
import type { AdminGetPickSheetParamsType } from "../../validators"

/**
 * One order's pick at a stock location: every line with units to pick there in walking order,
 * with the lots to take. Reads only; picks are confirmed by `POST /admin/orders/:id/pick-scan` and
 * shipped by Medusa's `POST /admin/orders/:id/fulfillments` with `additional_data.lots`.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPickSheetParamsType>, res: MedusaResponse<AdminPickSheetResponse>) => {
  res.status(200).json(await loadPickSheet(req.scope, req.params.id, req.validatedQuery.location_id))
}
