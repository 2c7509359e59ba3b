import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import type { LevelChangeRow } from "../../modules/lot/sql/level-change-sql"
import { underInventoryLock, underInventoryLockToUndo } from "../locking"
import { adjustStockedQuantities } from "../runners/level-changes"

export type AdjustInventoryLevelsForLotsStepInput = { level_change_ids: string[] }

type Compensation = { applied: LevelChangeRow[]; created_level_ids: string[] }

export const adjustInventoryLevelsForLotsStepId = "adjust-inventory-levels-for-lots"
/**
 * Moves Medusa's stocked quantity by the level changes the lot write recorded (creating the
 * inventory level first where the item was never stocked at that location), then marks them
 * applied — under Medusa's inventory lock, like Medusa's own inventory steps. A change already
 * applied (by the integrity repair after a crash) is not applied again. Compensation takes the
 * changes back out of Medusa, marks them pending again for the lot write's own compensation to
 * revert, and removes the levels it created.
 * Used by the receive, adjust, transfer, produce and split workflows.
 *
 * @example
 * adjustInventoryLevelsForLotsStep({ level_change_ids: [receipt.level_change_id] })
 */
export const adjustInventoryLevelsForLotsStep = createStep(
  adjustInventoryLevelsForLotsStepId,
  async (input: AdjustInventoryLevelsForLotsStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const changeIds = input.level_change_ids.filter(Boolean)
    const itemIds = (await lots.listPendingLevelChangesOfWrites(changeIds)).map((r) => r.inventory_item_id)
    if (!itemIds.length) {
      return new StepResponse({ applied: 0 }, { applied: [], created_level_ids: [] } as Compensation)
    }
    return await underInventoryLock(container, itemIds, async () => {
      const pending = await lots.listPendingLevelChangesOfWrites(changeIds)
      const created = await adjustStockedQuantities(container, pending)
      await lots.markLevelChangesApplied(pending.map((r) => r.id))
      return new StepResponse({ applied: pending.length }, { applied: pending, created_level_ids: created } as Compensation)
    })
  },
  async (data: Compensation | undefined, { container }) => {
    if (!data?.applied.length) {
      return
    }
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const inventory = container.resolve(Modules.INVENTORY)
    await underInventoryLockToUndo(container, data.applied.map((r) => r.inventory_item_id), async () => {
      await adjustStockedQuantities(container, data.applied.map((r) => ({ ...r, quantity: -r.quantity })))
      await lots.markLevelChangesPending(data.applied.map((r) => r.id))
      if (data.created_level_ids.length) {
        await inventory.deleteInventoryLevels(data.created_level_ids)
      }
    })
  }
)
