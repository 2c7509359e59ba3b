import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadLabelContents } from "../../labels/lookups"
import { renderBarcodePng, renderLabelPdf } from "../../labels/render"
import { sendLabelFile } from "../../labels/response"
import type { AdminLotLabelParamsType } from "../../labels/validators"

/**
 * A lot's label: product name, lot number, expiry and a GS1 DataMatrix or GS1-128 carrying
 * (01) GTIN + (17) expiry + (10) lot, as PDF pages of the label's size (`copies` of them, for a
 * label printer) — or, as a PNG, the barcode alone for other label software.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminLotLabelParamsType>, res: MedusaResponse) => {
  const { format, symbology, size, copies } = req.validatedQuery
  const [label] = await loadLabelContents(req.scope, [req.params.id])
  const body =
    format === "png"
      ? await renderBarcodePng(label.barcode, symbology, size, { withText: true })
      : await renderLabelPdf(label, symbology, size, copies)
  sendLabelFile(res, { body, format, name: `lot-${label.lot_number}-label`, labels: [label] })
}
