import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import type { LotCorrectionInput } from "../../modules/lot/sql/integrity-sql"
import { underInventoryLock } from "../locking"

/**
 * Sets Medusa's reserved quantity of the lot-tracked items, at every location they have a level,
 * to what their reservations add up to — one item at a time, under Medusa's inventory lock with
 * that item's key — and records each change as a correction. Untracked items are left alone.
 *
 * Needed because Medusa 2.21 moves a reservation to another location (a partial fulfillment from
 * another location than the one reserved) without taking its quantity off the old location's
 * level: `reserved_quantity` there stays too high until someone recounts it.
 */
export async function recountReservedQuantitiesOfItems(
  container: MedusaContainer,
  input: { inventory_item_ids: string[]; actor_id?: string | null }
): Promise<LotCorrectionInput[]> {
  const ids = [...new Set(input.inventory_item_ids)]
  if (!ids.length) {
    return []
  }
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const tracked = await lots.listLotPolicies({ tracked: true, inventory_item_id: ids }, { select: ["inventory_item_id"] })
  const levels = tracked.length
    ? await container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: tracked.map((p) => p.inventory_item_id) }, { select: ["inventory_item_id", "location_id"] })
    : []
  const corrections: LotCorrectionInput[] = []
  for (const policy of tracked) {
    const itemId = policy.inventory_item_id
    const ofItem = levels.filter((l) => l.inventory_item_id === itemId).map((l) => ({ inventory_item_id: itemId, location_id: l.location_id }))
    if (ofItem.length) {
      corrections.push(...(await underInventoryLock(container, [itemId], () => lots.recountReservedQuantities({ levels: ofItem, actor_id: input.actor_id }))))
    }
  }
  return corrections
}

