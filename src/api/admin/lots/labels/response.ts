import type { MedusaResponse } from "@medusajs/framework/http"
import type { LabelContent } from "./render"

/**
 * Sends a rendered label file inline (the browser opens it in its PDF viewer or as an image).
 * `X-Label-Gtin` names the GTIN of a single GS1 label; `X-Label-Note` says which lots have no GTIN
 * and so carry only their lot number in the barcode.
 */
export function sendLabelFile(
  res: MedusaResponse,
  file: { body: Uint8Array; format: "pdf" | "png"; name: string; labels: LabelContent[] }
) {
  const withoutGtin = file.labels.filter((label) => !label.barcode.gs1).map((label) => label.lot_number)
  res.setHeader("Content-Type", file.format === "pdf" ? "application/pdf" : "image/png")
  res.setHeader("Content-Disposition", `inline; filename="${file.name.replace(/[^A-Za-z0-9._-]+/g, "_")}.${file.format}"`)
  // Labels show live lot data (expiry can be corrected): never serve a stale one from a cache.
  res.setHeader("Cache-Control", "no-store")
  if (file.labels.length === 1 && file.labels[0].barcode.gtin) {
    res.setHeader("X-Label-Gtin", file.labels[0].barcode.gtin)
  }
  if (withoutGtin.length) {
    res.setHeader(
      "X-Label-Note",
      `No GTIN for lot ${withoutGtin.join(", ")}: no variant of the item has a valid GTIN as barcode, EAN or UPC, ` +
        `so the barcode holds the plain lot number instead of GS1 (01)(17)(10) (GS1 allows a lot and expiry only with a GTIN).`
    )
  }
  res.status(200).send(Buffer.from(file.body))
}
