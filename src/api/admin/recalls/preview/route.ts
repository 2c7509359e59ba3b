import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../modules/lot"
import type LotModuleService from "../../../../modules/lot/service"
import { orderNumbers } from "../helpers"
import type { AdminRecallPreviewResponse } from "../types"
import type { AdminRecallScopeType } from "../validators"

/** What recalling the lots would reach — shown before the merchant confirms. Records nothing. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecallScopeType>, res: MedusaResponse<AdminRecallPreviewResponse>) => {
  const { report, summary } = await req.scope.resolve<LotModuleService>(LOT_MODULE).previewRecall(req.validatedBody.lot_ids)
  res.status(200).json({ summary, scope: report, order_numbers: await orderNumbers(req.scope, report.customers.flatMap((c) => c.order_ids)) })
}
