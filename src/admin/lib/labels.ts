import type { LabelSize, LabelSymbology } from "../../api/admin/lots/labels/render"
import { sdk } from "./sdk"

export type { LabelSize, LabelSymbology }

/** How labels come out: one label per page for a label printer, labels on A4 sheets, or the barcode alone as an image. */
export type LabelLayout = "roll" | "sheet" | "png"
export type LabelOptions = { layout: LabelLayout; size: LabelSize; symbology: LabelSymbology; copies: number }

export const LABEL_LAYOUT_LABELS: Record<LabelLayout, string> = {
  roll: "Label printer (one label per page)",
  sheet: "A4 sheet of labels",
  png: "Barcode image (PNG)",
}
// The sizes of src/api/admin/lots/labels/render.ts LABEL_SIZES, in millimetres.
export const LABEL_SIZE_LABELS: Record<LabelSize, string> = {
  small: "Small, 50 × 25 mm",
  medium: "Medium, 70 × 40 mm",
  large: "Large, 100 × 60 mm",
}
export const LABEL_SYMBOLOGY_LABELS: Record<LabelSymbology, string> = {
  datamatrix: "GS1 DataMatrix (square)",
  "gs1-128": "GS1-128 (bars)",
}
export const MAX_LABEL_COPIES = 100

const STORAGE_KEY = "lot-tracking.label-options"
const DEFAULT_OPTIONS: LabelOptions = { layout: "roll", size: "medium", symbology: "datamatrix", copies: 1 }

/** The options last printed with on this browser (a printer's stock rarely changes), else the defaults. */
export function savedLabelOptions(): LabelOptions {
  try {
    const saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<LabelOptions>
    return {
      layout: saved.layout && saved.layout in LABEL_LAYOUT_LABELS ? saved.layout : DEFAULT_OPTIONS.layout,
      size: saved.size && saved.size in LABEL_SIZE_LABELS ? saved.size : DEFAULT_OPTIONS.size,
      symbology: saved.symbology && saved.symbology in LABEL_SYMBOLOGY_LABELS ? saved.symbology : DEFAULT_OPTIONS.symbology,
      copies: 1,
    }
  } catch {
    return DEFAULT_OPTIONS
  }
}

function saveLabelOptions(options: LabelOptions) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ layout: options.layout, size: options.size, symbology: options.symbology }))
  } catch {
    // private mode or full storage: the options are simply not remembered
  }
}

/**
 * Opens a file an admin route renders (a label PDF or barcode PNG) in a new tab. The tab is opened
 * before the request so the browser counts it as the user's click (a tab opened after an await is
 * blocked as a pop-up); the file is fetched through the SDK so the admin session authorizes it.
 */
async function openFile(path: string, query: Record<string, string>, accept: string): Promise<void> {
  const tab = window.open("", "_blank")
  try {
    const response = await sdk.client.fetch<Response>(path, { query, headers: { accept } })
    const url = URL.createObjectURL(await response.blob())
    if (tab) {
      tab.location.href = url
    } else {
      window.location.assign(url)
    }
  } catch (error) {
    tab?.close()
    throw error
  }
}

/**
 * Prints lots' labels with the options: one lot on a label printer (GET /admin/lots/:id/label,
 * `copies` pages of the label's size) or as a barcode image; any number of lots on A4 sheets
 * (GET /admin/lots/labels). Several lots always print as a sheet.
 */
export function printLotLabels(lotIds: string[], options: LabelOptions): Promise<void> {
  saveLabelOptions(options)
  const common = { size: options.size, symbology: options.symbology }
  const copies = String(options.copies)
  if (lotIds.length === 1 && options.layout !== "sheet") {
    const path = `/admin/lots/${encodeURIComponent(lotIds[0])}/label`
    return options.layout === "png"
      ? openFile(path, { ...common, format: "png" }, "image/png")
      : openFile(path, { ...common, format: "pdf", copies }, "application/pdf")
  }
  return openFile("/admin/lots/labels", { ...common, lot_ids: lotIds.join(","), copies }, "application/pdf")
}
