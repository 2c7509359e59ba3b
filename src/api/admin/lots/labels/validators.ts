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

// A refinement: Medusa rewrites the messages of .int() / .min() / .max() into its own words.
const copies = z.coerce
  .number({ error: "copies must be a number" })
  .refine((n) => Number.isInteger(n) && n >= 1 && n <= MAX_COPIES, { message: `copies must be a whole number from 1 to ${MAX_COPIES}` })
  .default(1)

/** GET /admin/lots/:id/label: the label as PDF pages of its size (`copies` of them), or the barcode alone as a PNG. */
export const AdminLotLabelParams = z
  .object({
    format: oneOf("format", ["pdf", "png"], "format must be pdf or png").default("pdf"),
    copies,
    ...labelOptions,
  })
  .strict()
  .refine((query) => query.format === "pdf" || query.copies === 1, {
    path: ["copies"],
    message: "copies is for PDF labels: a PNG is one barcode image",
  })
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
    copies,
    ...labelOptions,
  })
  .strict()
export type AdminLotLabelSheetParamsType = z.infer<typeof AdminLotLabelSheetParams>
