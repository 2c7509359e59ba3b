import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../../modules/lot"
import { MedusaError } from "@medusajs/framework/utils"
import { MAX_LOT_NUMBER_LENGTH, normalizeLotNumber } from "../../../../../modules/lot/domain/lot-number-template"
import type LotModuleService from "../../../../../modules/lot/service"
import type { StoreLotRecallStatusResponse } from "../../../types"

/**
 * Tells a shopper whether the lot printed on their pack is recalled, with the public notice — and
 * nothing else. An unknown lot answers exactly like a lot that is not recalled, so the endpoint
 * cannot be used to find out which lot numbers exist.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreLotRecallStatusResponse>) => {
  const lotNumber = normalizeLotNumber(String(req.params.lot_number ?? ""))
  if (!lotNumber || lotNumber.length > MAX_LOT_NUMBER_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Enter the lot number as printed on the pack (1 to ${MAX_LOT_NUMBER_LENGTH} characters).`
    )
  }
  const notice = await req.scope.resolve<LotModuleService>(LOT_MODULE).publicRecallNotice(lotNumber)
  res.status(200).json({ lot_number: lotNumber, recalled: Boolean(notice), recall: notice })
}
