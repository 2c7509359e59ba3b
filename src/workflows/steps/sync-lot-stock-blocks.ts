import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { planBlockChanges, type LotStockBlockRow } from "../../modules/lot/domain/blocked-stock"
import type LotModuleService from "../../modules/lot/service"

export type SyncLotStockBlocksStepInput = { lot_ids: string[] }

/** What was done, so compensation can undo it. */
type AppliedBlock = {
  stock_id: string
  inventory_item_id: string
  location_id: string
  description: string
  before: { reservation_id: string | null; quantity: number }
  after: { reservation_id: string | null; quantity: number }
}

export const syncLotStockBlocksStepId = "sync-lot-stock-blocks"
/**
 * Keeps Medusa's available stock honest: for each stock row of the given lots, a reservation
 * without a line item holds back every unallocated unit of a lot that may not be sold
 * (quarantine, on hold, rejected, recalled, expired), so the storefront and checkout cannot sell
 * it. Creates, resizes or removes those reservations to match; compensation restores them.
 *
 * @example
 * syncLotStockBlocksStep({ lot_ids: ["lot_1"] })
 */
export const syncLotStockBlocksStep = createStep(
  syncLotStockBlocksStepId,
  async (input: SyncLotStockBlocksStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const rows = await lots.listLotStockBlocks([...new Set(input.lot_ids)])
    const applied = await applyBlocks(container, rows)
    return new StepResponse(applied, applied)
  },
  async (applied: AppliedBlock[] | undefined, { container }) => {
    if (!applied?.length) {
      return
    }
    await restoreBlocks(container, applied)
  }
)

async function applyBlocks(container: MedusaContainer, rows: LotStockBlockRow[]): Promise<AppliedBlock[]> {
  const inventory = container.resolve(Modules.INVENTORY)
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const ids = rows.map((r) => r.blocked_reservation_id).filter((id): id is string => Boolean(id))
  const existing = ids.length ? await inventory.listReservationItems({ id: ids }, { select: ["id", "quantity"] }) : []
  const reservations = new Map(existing.map((r) => [r.id, Number(r.quantity)]))
  const applied: AppliedBlock[] = []

  for (const change of planBlockChanges(rows, reservations)) {
    const { row } = change
    const description = `Lot ${row.lot_number} is ${row.status.replace("_", " ")}: not for sale`
    const base = { stock_id: row.stock_id, inventory_item_id: row.inventory_item_id, location_id: row.location_id, description }
    if (change.kind === "create") {
      const created = await inventory.createReservationItems({
        inventory_item_id: row.inventory_item_id,
        location_id: row.location_id,
        quantity: change.quantity,
        // Held stock stays blocked even when orders already reserved the rest of the level.
        allow_backorder: true,
        description,
        metadata: { lot_id: row.lot_id, lot_stock_id: row.stock_id },
      })
      if (!(await lots.setBlockedReservation(row.stock_id, row.blocked_reservation_id, created.id))) {
        // Another process attached its own block first; ours would double-count.
        await inventory.deleteReservationItems([created.id])
        continue
      }
      applied.push({ ...base, before: { reservation_id: null, quantity: 0 }, after: { reservation_id: created.id, quantity: change.quantity } })
    } else if (change.kind === "update") {
      await inventory.updateReservationItems({ id: change.reservation_id, quantity: change.quantity, description })
      applied.push({
        ...base,
        before: { reservation_id: change.reservation_id, quantity: change.from },
        after: { reservation_id: change.reservation_id, quantity: change.quantity },
      })
    } else {
      if (reservations.has(change.reservation_id)) {
        await inventory.deleteReservationItems([change.reservation_id])
      }
      await lots.setBlockedReservation(row.stock_id, change.reservation_id, null)
      applied.push({ ...base, before: { reservation_id: change.reservation_id, quantity: change.from }, after: { reservation_id: null, quantity: 0 } })
    }
  }
  return applied
}

async function restoreBlocks(container: MedusaContainer, applied: AppliedBlock[]): Promise<void> {
  const inventory = container.resolve(Modules.INVENTORY)
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  for (const block of [...applied].reverse()) {
    const { before, after } = block
    if (after.reservation_id && before.reservation_id === after.reservation_id) {
      await inventory.updateReservationItems({ id: after.reservation_id, quantity: before.quantity })
      continue
    }
    if (after.reservation_id) {
      await inventory.deleteReservationItems([after.reservation_id])
      await lots.setBlockedReservation(block.stock_id, after.reservation_id, null)
    }
    if (before.quantity > 0) {
      const recreated = await inventory.createReservationItems({
        inventory_item_id: block.inventory_item_id,
        location_id: block.location_id,
        quantity: before.quantity,
        allow_backorder: true,
        description: block.description,
      })
      await lots.setBlockedReservation(block.stock_id, null, recreated.id)
    }
  }
}
