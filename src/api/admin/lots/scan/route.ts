import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Gs1ParseError, parseGs1Scan, type ScanResult } from "../../../../modules/lot/domain/gs1"
import { normalizeLotNumber } from "../../../../modules/lot/domain/lot-number-template"
import { assessScan, variantItemId, pickVariant } from "../../../../modules/lot/domain/scan-assessment"
import { findLotByNumber, findVariantsByGtin, shipTodayRules } from "../../../../workflows/steps/lookups/scan"
import type { AdminLotScanErrorResponse, AdminLotScanResponse } from "../types"
import type { AdminLotScanType } from "./validators"

/**
 * Reads one scan at a receiving or picking station — GS1 element string, Digital Link or plain lot
 * number — and answers which product and lot it is, whether those goods may ship today, and, for a
 * lot not received yet, what the receive form should be filled with. Reads only.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminLotScanType>, res: MedusaResponse<AdminLotScanResponse | AdminLotScanErrorResponse>) => {
  const { code, fnc1, associations } = req.validatedBody
  const now = new Date()
  let scan: ScanResult
  try {
    scan = parseGs1Scan(code, { fnc1, now, associations })
  } catch (error) {
    if (error instanceof Gs1ParseError) {
      res.status(400).json({
        type: "invalid_data",
        message: error.message,
        scan_error: { code: error.code, position: error.position, ai: error.ai ?? null },
      })
      return
    }
    throw error
  }

  const rawLot = scan.kind === "gs1" ? scan.lot : scan.lot_number
  const lotNumber = rawLot ? normalizeLotNumber(rawLot) : null
  const gtin = scan.kind === "gs1" ? scan.gtin : undefined
  const [variants, lot] = await Promise.all([
    gtin ? findVariantsByGtin(req.scope, gtin) : Promise.resolve([]),
    lotNumber ? findLotByNumber(req.scope, lotNumber) : Promise.resolve(null),
  ])
  const variant = pickVariant(variants, lot?.inventory_item_id ?? null)
  const itemId = lot?.inventory_item_id ?? (variant ? variantItemId(variant, null) : null)
  const policy = itemId ? await shipTodayRules(req.scope, itemId, now) : null

  const body: AdminLotScanResponse = {
    scan,
    ...assessScan({
      scan,
      lotNumber,
      variants,
      lot,
      lotRules: policy?.rules ?? null,
      itemTracked: policy?.tracked ?? false,
    }),
  }
  res.status(200).json(body)
}
