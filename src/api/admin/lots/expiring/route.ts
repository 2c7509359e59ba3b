import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../modules/lot"
import { daysLeft } from "../../../../modules/lot/domain/expiry-warnings"
import type LotModuleService from "../../../../modules/lot/service"
import type { AdminExpiringLotListResponse } from "../types"
import { inventoryItemInfo } from "./helpers"
import type { AdminGetExpiringLotsParamsType } from "./validators"
import { DAY_MS } from "../../../../modules/lot/domain/time-units"

const asList = (value: string | string[] | undefined) => (value === undefined ? undefined : [value].flat())

/**
 * Lots with stock on hand expiring within `within_days` (default 30), earliest first, with on-hand
 * per location, days left and the item's product / variant. Lots already past expiry that are still
 * on hand (negative days left): `include_expired=true` lists them first, `include_expired=only` alone.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetExpiringLotsParamsType>, res: MedusaResponse<AdminExpiringLotListResponse>) => {
  const { within_days, include_expired, location_id, inventory_item_id, offset, limit } = req.validatedQuery
  const asOf = new Date()
  const { lots, count } = await req.scope.resolve<LotModuleService>(LOT_MODULE).listExpiringLots(
    {
      as_of: asOf,
      until: new Date(asOf.getTime() + within_days * DAY_MS),
      expired: include_expired,
      location_id: asList(location_id),
      inventory_item_id: asList(inventory_item_id),
    },
    { skip: offset, take: limit }
  )
  const items = await inventoryItemInfo(req.scope, lots.map((lot) => lot.inventory_item_id))
  res.status(200).json({
    lots: lots.map((lot) => ({
      ...lot,
      days_left: daysLeft(lot.expires_at, asOf),
      inventory_item: items.get(lot.inventory_item_id) ?? null,
    })),
    count,
    offset,
    limit,
    within_days,
    as_of: asOf.toISOString(),
  })
}
