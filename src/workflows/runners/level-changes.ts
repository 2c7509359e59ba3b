import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../modules/lot"
import { IntegrityCheck } from "../../modules/lot/domain/integrity"
import { netLevelChanges, PendingLevelChangeAction, pendingLevelChangeAction, type LevelChange } from "../../modules/lot/domain/level-changes"
import type LotModuleService from "../../modules/lot/service"
import type { LotCorrectionInput } from "../../modules/lot/sql/integrity-sql"
import type { LevelChangeRow } from "../../modules/lot/sql/level-change-sql"
import { underInventoryLock } from "../locking"

/**
 * Moves Medusa's stocked quantities by the changes, creating the inventory level (already holding
 * the change) where the item was never stocked at that location; returns the ids of the levels it
 * created. One read, one create and one update call for all levels, not a read and a write per
 * level as the inventory module's `adjustInventory` does. The caller holds Medusa's inventory lock
 * of the items, so the quantities read stay true until written.
 */
export async function adjustStockedQuantities(container: MedusaContainer, changes: LevelChange[]): Promise<string[]> {
  const net = netLevelChanges(changes)
  if (!net.length) {
    return []
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const existing = await inventory.listInventoryLevels(
    { inventory_item_id: [...new Set(net.map((c) => c.inventory_item_id))], location_id: [...new Set(net.map((c) => c.location_id))] },
    { select: ["id", "inventory_item_id", "location_id", "stocked_quantity"] }
  )
  const stocked = new Map(existing.map((l) => [`${l.inventory_item_id}|${l.location_id}`, Number(l.stocked_quantity)]))
  const missing = net.filter((c) => !stocked.has(`${c.inventory_item_id}|${c.location_id}`))
  const present = net.filter((c) => stocked.has(`${c.inventory_item_id}|${c.location_id}`))
  const created = missing.length
    ? await inventory.createInventoryLevels(
        missing.map((c) => ({ inventory_item_id: c.inventory_item_id, location_id: c.location_id, stocked_quantity: c.quantity }))
      )
    : []
  if (present.length) {
    await inventory.updateInventoryLevels(
      present.map((c) => ({
        inventory_item_id: c.inventory_item_id,
        location_id: c.location_id,
        stocked_quantity: stocked.get(`${c.inventory_item_id}|${c.location_id}`)! + c.quantity,
      }))
    )
  }
  return created.map((l) => l.id)
}

/**
 * Settles level changes a crash left pending, older than `settle_seconds` (younger ones may still
 * be on their way): per item and location, under Medusa's inventory lock, Medusa gets what the
 * lots are ahead of it when some of the pending changes add up to exactly that (the others reached
 * Medusa before the crash), or the changes are only marked when Medusa already has them all;
 * anything else is left for the stock check to list. Returns the
 * corrections made (Medusa's stocked quantity before and after).
 */
export async function applyPendingLevelChanges(
  container: MedusaContainer,
  input: { inventory_item_ids: string[]; settle_seconds: number; actor_id?: string | null }
): Promise<LotCorrectionInput[]> {
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const pending = await lots.listPendingLevelChangesOfItems(input.inventory_item_ids)
  const settledBefore = Date.now() - input.settle_seconds * 1000
  const itemIds = [...new Set(pending.filter((r) => new Date(r.created_at).getTime() <= settledBefore).map((r) => r.inventory_item_id))]
  const corrections: LotCorrectionInput[] = []
  for (const itemId of itemIds) {
    corrections.push(...(await underInventoryLock(container, [itemId], () => settleItem(container, itemId, settledBefore, input.actor_id ?? null))))
  }
  return corrections
}

async function settleItem(container: MedusaContainer, itemId: string, settledBefore: number, actorId: string | null): Promise<LotCorrectionInput[]> {
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  // Read again under the lock: the workflow that wrote a change may have applied it meanwhile.
  const [pending, levels, totals] = await Promise.all([
    lots.listPendingLevelChangesOfItems([itemId]),
    container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId }, { select: ["location_id", "stocked_quantity"] }),
    lots.sumLotStock({ inventory_item_id: [itemId] }),
  ])
  const byLocation = new Map<string, LevelChangeRow[]>()
  for (const row of pending) byLocation.set(row.location_id, [...(byLocation.get(row.location_id) ?? []), row])
  const corrections: LotCorrectionInput[] = []
  for (const [locationId, rows] of byLocation) {
    if (rows.some((r) => new Date(r.created_at).getTime() > settledBefore)) continue
    const stocked = Number(levels.find((l) => l.location_id === locationId)?.stocked_quantity ?? 0)
    const inLots = totals.filter((t) => t.location_id === locationId).reduce((sum, t) => sum + Number(t.quantity), 0)
    const quantity = inLots - stocked
    const action = pendingLevelChangeAction(quantity, rows.map((r) => r.quantity))
    if (action === PendingLevelChangeAction.MANUAL) continue
    if (action === PendingLevelChangeAction.APPLY) {
      await adjustStockedQuantities(container, [{ inventory_item_id: itemId, location_id: locationId, quantity }])
      corrections.push({
        check: IntegrityCheck.STOCK,
        inventory_item_id: itemId,
        location_id: locationId,
        before: stocked,
        after: stocked + quantity,
        source: "lots",
        message: `lot changes of ${quantity} unit(s) the server stopped before carrying into Medusa's stock, applied`,
        actor_id: actorId,
      })
    }
    await lots.markLevelChangesApplied(rows.map((r) => r.id))
  }
  return corrections
}
