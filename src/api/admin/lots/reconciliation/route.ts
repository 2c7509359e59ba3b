import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileLotStockWorkflow } from "../../../../workflows/reconcile-lot-stock"
import type { AdminLotReconciliationResponse } from "../types"
import type { AdminReconcileParamsType } from "../validators"

/** Where lot stock and Medusa's stocked quantity disagree, with the untracked quantity. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReconcileParamsType>, res: MedusaResponse<AdminLotReconciliationResponse>) => {
  const { inventory_item_id } = req.validatedQuery
  const { result } = await reconcileLotStockWorkflow(req.scope).run({
    input: { inventory_item_id: inventory_item_id === undefined ? undefined : [inventory_item_id].flat() },
  })
  res.status(200).json(result)
}
