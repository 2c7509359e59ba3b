import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type LotModuleService from "../../../modules/lot/service"

/** Throws NOT_FOUND naming the first of `locationIds` that is not a stock location. */
export async function requireStockLocations(container: MedusaContainer, locationIds: string[]): Promise<void> {
  const ids = [...new Set(locationIds)]
  const found = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ id: ids }, { select: ["id"] })
  const known = new Set(found.map((l) => l.id))
  const missing = ids.find((id) => !known.has(id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location with id: ${missing} was not found`)
  }
}

/** The item's lot policy; refuses items that are not lot-tracked. */
export async function requireTrackedPolicy(lots: LotModuleService, inventoryItemId: string) {
  const [policy] = await lots.listLotPolicies({ inventory_item_id: inventoryItemId })
  if (!policy?.tracked) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Inventory item ${inventoryItemId} is not lot-tracked. Turn on lot tracking in its lot policy before receiving lots.`
    )
  }
  return policy
}
