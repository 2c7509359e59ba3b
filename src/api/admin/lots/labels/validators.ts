import { z } from "@medusajs/framework/zod"
import { oneOf, recordId } from "../../../utils/validators"
import { LABEL_SIZES, LABEL_SYMBOLOGIES, type LabelSize } from "./render"

const SIZES = Object.keys(LABEL_SIZES) as [LabelSize, ...LabelSize[]]
/** Most lots and labels one sheet request may print. */
export const MAX_SHEET_LOTS = 100
export const MAX_COPIES = 100

const labelOptions = {
  symbology: z
    .enum(LABEL_SYMBOLOGIES, { error: `symbology must be one of ${LABEL_SYMBOLOGIES.join(", ")}` })
    .default("datamatrix"),
  size: oneOf("size", SIZES).default("medium"),
}

/** GET /admin/lots/:id/label: one label as a PDF page of its size, or the barcode alone as a PNG. */
export const AdminLotLabelParams = z
  .object({
    format: oneOf("format", ["pdf", "png"], "format must be pdf or png").default("pdf"),
    ...labelOptions,
  })
  .strict()
export type AdminLotLabelParamsType = z.infer<typeof AdminLotLabelParams>

/** GET /admin/lots/labels: labels of several lots (e.g. one receipt) on A4 pages. */
export const AdminLotLabelSheetParams = z
  .object({
    lot_ids: z
      .string({ error: "lot_ids must be a comma-separated list of lot ids" })
      .transform((value) => [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))])
      .pipe(
        z
          .array(recordId("lot_ids"))
          .min(1, "lot_ids must name at least one lot")
          .max(MAX_SHEET_LOTS, `lot_ids may name at most ${MAX_SHEET_LOTS} lots`)
      ),
    format: z.literal("pdf", { error: "format must be pdf: a sheet of labels is a PDF" }).default("pdf"),
    copies: z.coerce
      .number({ error: "copies must be a number" })
      .int("copies must be a whole number")
      .min(1, "copies must be at least 1")
      .max(MAX_COPIES, `copies must be at most ${MAX_COPIES}`)
      .default(1),
    ...labelOptions,
  })
  .strict()
export type AdminLotLabelSheetParamsType = z.infer<typeof AdminLotLabelSheetParams>
