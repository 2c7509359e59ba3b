import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../modules/lot"
import type LotModuleService from "../../../../modules/lot/service"
import { inventoryItemInfo, locationNames } from "../expiring/helpers"
import type { AdminExpirySummaryResponse } from "../types"
import type { AdminGetExpirySummaryParamsType } from "../expiring/validators"

/**
 * Stock at risk of expiry: quantity expiring per ISO week (default the next 26), already expired
 * and still on hand, and within each warning window (30/60/90 days by default) — in total, per
 * location and per product.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetExpirySummaryParamsType>, res: MedusaResponse<AdminExpirySummaryResponse>) => {
  const { weeks, products_limit } = req.validatedQuery
  const summary = await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .summarizeExpiry({ as_of: new Date(), weeks, products_limit })
  const [names, items] = await Promise.all([
    locationNames(req.scope, summary.by_location.map((l) => l.location_id)),
    inventoryItemInfo(req.scope, summary.by_product.map((p) => p.inventory_item_id)),
  ])
  res.status(200).json({
    ...summary,
    by_location: summary.by_location.map((l) => ({ ...l, location_name: names.get(l.location_id) ?? null })),
    by_product: summary.by_product.map((p) => ({ ...p, inventory_item: items.get(p.inventory_item_id) ?? null })),
  })
}
