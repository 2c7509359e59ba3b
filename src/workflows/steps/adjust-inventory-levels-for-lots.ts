import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type InventoryLevelAdjustment = { inventory_item_id: string; location_id: string; adjustment: number }

type Compensation = { adjustments: InventoryLevelAdjustment[]; created_level_ids: string[] }

export const adjustInventoryLevelsForLotsStepId = "adjust-inventory-levels-for-lots"
/**
 * Moves Medusa's stocked quantity by the same amount as the lot stock, creating the inventory
 * level first where the item was never stocked at that location. Runs under the Locking module
 * like Medusa's own inventory steps. Compensation reverses each adjustment and removes the levels
 * it created.
 * Used by the receive, adjust, transfer, produce and split workflows.
 *
 * @example
 * adjustInventoryLevelsForLotsStep([{ inventory_item_id, location_id, adjustment: 24 }])
 */
export const adjustInventoryLevelsForLotsStep = createStep(
  adjustInventoryLevelsForLotsStepId,
  async (input: InventoryLevelAdjustment[], { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const adjustments = input.filter((a) => a.adjustment !== 0)
    if (!adjustments.length) {
      return new StepResponse([], { adjustments: [], created_level_ids: [] } as Compensation)
    }
    const lockKeys = [...new Set(adjustments.map((a) => a.inventory_item_id))]
    return await locking.execute(lockKeys, async () => {
      const existing = await inventory.listInventoryLevels(
        {
          inventory_item_id: [...new Set(adjustments.map((a) => a.inventory_item_id))],
          location_id: [...new Set(adjustments.map((a) => a.location_id))],
        },
        { select: ["id", "inventory_item_id", "location_id"] }
      )
      const have = new Set(existing.map((l) => `${l.inventory_item_id}|${l.location_id}`))
      const missing = adjustments.filter((a) => !have.has(`${a.inventory_item_id}|${a.location_id}`))
      const created = missing.length
        ? await inventory.createInventoryLevels(
            [...new Map(missing.map((a) => [`${a.inventory_item_id}|${a.location_id}`, a])).values()].map((a) => ({
              inventory_item_id: a.inventory_item_id,
              location_id: a.location_id,
              stocked_quantity: 0,
            }))
          )
        : []
      const levels = await inventory.adjustInventory(
        adjustments.map((a) => ({ inventoryItemId: a.inventory_item_id, locationId: a.location_id, adjustment: a.adjustment }))
      )
      return new StepResponse(levels, { adjustments, created_level_ids: created.map((l) => l.id) } as Compensation)
    })
  },
  async (data: Compensation | undefined, { container }) => {
    if (!data?.adjustments.length) {
      return
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    await locking.execute([...new Set(data.adjustments.map((a) => a.inventory_item_id))], async () => {
      await inventory.adjustInventory(
        data.adjustments.map((a) => ({ inventoryItemId: a.inventory_item_id, locationId: a.location_id, adjustment: -a.adjustment }))
      )
      if (data.created_level_ids.length) {
        await inventory.deleteInventoryLevels(data.created_level_ids)
      }
    })
  }
)
