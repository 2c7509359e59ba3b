import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadLabelContents } from "./lookups"
import { renderLabelSheetPdf } from "./render"
import { sendLabelFile } from "./response"
import type { AdminLotLabelSheetParamsType } from "./validators"

/** Labels of several lots (say, everything one receipt brought in) on A4 pages, `copies` of each. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminLotLabelSheetParamsType>, res: MedusaResponse) => {
  const { lot_ids, symbology, size, copies } = req.validatedQuery
  const labels = await loadLabelContents(req.scope, lot_ids)
  const body = await renderLabelSheetPdf(labels, symbology, size, copies)
  sendLabelFile(res, { body, format: "pdf", name: "lot-labels", labels })
}
