import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StockBlockOfReservation } from "../../modules/lot/sql/blocked-stock-sql"
import { underInventoryLock, underInventoryLockToUndo } from "../locking"

export type RemoveMovedLotBlocksStepInput = { blocks: StockBlockOfReservation[] }

type MovedBlock = { id: string; inventory_item_id: string; location_id: string; quantity: number; description: string | null; metadata: Record<string, unknown> | null }

export const removeMovedLotBlocksStepId = "remove-moved-lot-blocks"
/**
 * Deletes the lot blocks someone moved to another location in Medusa's Reservations page: there
 * they hold back units the lot does not have, while its own units became sellable. The lots'
 * blocks are then written again where their stock is (`syncLotStockBlocksStep`). Runs under
 * Medusa's inventory lock; compensation re-creates what it deleted.
 * Used by `restoreEditedLotBlocksWorkflow`.
 *
 * @example
 * removeMovedLotBlocksStep({ blocks })
 */
export const removeMovedLotBlocksStep = createStep(
  removeMovedLotBlocksStepId,
  async (input: RemoveMovedLotBlocksStepInput, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const home = new Map(input.blocks.map((b) => [b.reservation_id, b.location_id]))
    const ids = [...home.keys()]
    const reservations = ids.length
      ? await inventory.listReservationItems({ id: ids }, { select: ["id", "inventory_item_id", "location_id", "quantity", "description", "metadata"] })
      : []
    const moved: MovedBlock[] = reservations
      .filter((r) => r.location_id !== home.get(r.id))
      .map((r) => ({
        id: r.id,
        inventory_item_id: r.inventory_item_id,
        location_id: r.location_id,
        quantity: Number(r.quantity),
        description: r.description ?? null,
        metadata: (r.metadata as Record<string, unknown> | null) ?? null,
      }))
    if (moved.length) {
      await underInventoryLock(container, moved.map((m) => m.inventory_item_id), () => inventory.deleteReservationItems(moved.map((m) => m.id)))
    }
    return new StepResponse(moved, moved)
  },
  async (moved: MovedBlock[] | undefined, { container }) => {
    if (!moved?.length) {
      return
    }
    const inventory = container.resolve(Modules.INVENTORY)
    await underInventoryLockToUndo(container, moved.map((m) => m.inventory_item_id), () =>
      inventory.createReservationItems(
        moved.map((m) => ({
          inventory_item_id: m.inventory_item_id,
          location_id: m.location_id,
          quantity: m.quantity,
          allow_backorder: true,
          description: m.description ?? undefined,
          metadata: m.metadata ?? undefined,
        }))
      )
    )
  }
)
