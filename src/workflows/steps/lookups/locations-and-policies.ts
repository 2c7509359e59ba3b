import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type LotModuleService from "../../../modules/lot/service"

/** The ids among `locationIds` that are stock locations. */
export async function findStockLocationIds(container: MedusaContainer, locationIds: string[]): Promise<Set<string>> {
  const found = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ id: [...new Set(locationIds)] }, { select: ["id"] })
  return new Set(found.map((l) => l.id))
}

/** Throws NOT_FOUND naming the first of `locationIds` that is not a stock location. */
export async function requireStockLocations(container: MedusaContainer, locationIds: string[]): Promise<void> {
  const known = await findStockLocationIds(container, locationIds)
  const missing = locationIds.find((id) => !known.has(id))
  if (missing) {
    throw stockLocationNotFound(missing)
  }
}

export function stockLocationNotFound(locationId: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location with id: ${locationId} was not found`)
}

type LotPolicy = Awaited<ReturnType<LotModuleService["listLotPolicies"]>>[number]

/** The item's lot policy; refuses items that are not lot-tracked. */
export async function requireTrackedPolicy(lots: LotModuleService, inventoryItemId: string) {
  const [policy] = await lots.listLotPolicies({ inventory_item_id: inventoryItemId })
  return trackedPolicy(policy, inventoryItemId)
}

/** `policy` when it tracks lots; NOT_ALLOWED naming the item when there is none or it does not. */
export function trackedPolicy(policy: LotPolicy | undefined, inventoryItemId: string): LotPolicy {
  if (!policy?.tracked) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Inventory item ${inventoryItemId} is not lot-tracked. Turn on lot tracking in its lot policy before receiving lots.`
    )
  }
  return policy
}
