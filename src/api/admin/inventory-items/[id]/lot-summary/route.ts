import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../modules/lot"
import { itemLocationStock } from "../../../../../modules/lot/domain/untracked-stock"
import type LotModuleService from "../../../../../modules/lot/service"
import type { AdminItemLotSummaryResponse } from "../../types"
import type { AdminGetLotSummaryParamsType } from "../../validators"

/**
 * An item's lots at a glance, for the admin's variant and inventory-item widgets: lots per status,
 * per location Medusa's stocked quantity beside the lot stock (and the untracked rest), the lots
 * still holding units (earliest expiry first) and the next to expire.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLotSummaryParamsType>, res: MedusaResponse<AdminItemLotSummaryResponse>) => {
  const inventoryItemId = req.params.id
  const inventory = req.scope.resolve(Modules.INVENTORY)
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const [[item], levels, totals, summary] = await Promise.all([
    inventory.listInventoryItems({ id: inventoryItemId }, { select: ["id"] }),
    inventory.listInventoryLevels({ inventory_item_id: inventoryItemId }, { select: ["location_id", "stocked_quantity"] }),
    lots.sumLotStock({ inventory_item_id: [inventoryItemId] }),
    lots.summarizeItemLots(inventoryItemId, { limit: req.validatedQuery.lot_limit, as_of: startOfTodayUtc() }),
  ])
  if (!item) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item with id: ${inventoryItemId} was not found`)
  }
  res.status(200).json({
    lot_summary: {
      inventory_item_id: inventoryItemId,
      ...summary,
      locations: itemLocationStock(
        levels.map((l) => ({ location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) })),
        totals
      ),
    },
  })
}

// Expiry dates are calendar days stored as midnight UTC: a lot expiring today still counts.
function startOfTodayUtc(): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}
