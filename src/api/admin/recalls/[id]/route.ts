import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recallDetail } from "../helpers"
import type { AdminRecallResponse } from "../types"

/** A recall: its lots, customers and progress (customers told, units recovered and disposed). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRecallResponse>) => {
  res.status(200).json({ recall: await recallDetail(req.scope, req.params.id) })
}
