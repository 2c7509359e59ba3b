import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotStatus } from "../../modules/lot"
import { planBlockChanges, type BlockChange, type LotStockBlockRow } from "../../modules/lot/domain/blocked-stock"
import type LotModuleService from "../../modules/lot/service"
import { underInventoryLock, underInventoryLockToUndo } from "../locking"

export type SyncLotStockBlocksStepInput = {
  lot_ids: string[]
  /**
   * Plan the blocks as if the lots already had this status: a hold blocks the lot's units before
   * its new status becomes visible, so there is no moment when a held unit can be sold.
   */
  as_status?: LotStatus
}

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
 * Both run under Medusa's locking module with the keys its checkout uses (the inventory item
 * ids), and read the lots' stock inside the lock, so neither a checkout nor another sync of the
 * same item can interleave with the read-then-write of `reserved_quantity`.
 * Used by every workflow that changes a lot's stock or status, and when a block is deleted.
 *
 * @example
 * syncLotStockBlocksStep({ lot_ids: ["lot_1"] })
 */
export const syncLotStockBlocksStep = createStep(
  syncLotStockBlocksStepId,
  async (input: SyncLotStockBlocksStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const lotIds = [...new Set(input.lot_ids)]
    // A lot's inventory item never changes: the rows read here name the keys, the rows read
    // under the lock say what to write.
    const itemIds = (await lots.listLotStockBlocks(lotIds)).map((r) => r.inventory_item_id)
    const applied = await underInventoryLock(container, itemIds, async () => {
      const rows = await lots.listLotStockBlocks(lotIds)
      const status = input.as_status
      return await applyBlocks(container, status ? rows.map((r) => ({ ...r, status })) : rows)
    })
    return new StepResponse(applied, applied)
  },
  async (applied: AppliedBlock[] | undefined, { container }) => {
    if (!applied?.length) {
      return
    }
    await underInventoryLockToUndo(container, applied.map((b) => b.inventory_item_id), () => restoreBlocks(container, applied))
  }
)

/**
 * Applies the planned changes with one inventory-module call per kind (create, update, delete)
 * and one compare-and-set statement for the stock rows' pointers: a sweep of a thousand lots
 * costs a handful of round trips, not a few per lot.
 */
async function applyBlocks(container: MedusaContainer, rows: LotStockBlockRow[]): Promise<AppliedBlock[]> {
  const inventory = container.resolve(Modules.INVENTORY)
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const ids = rows.map((r) => r.blocked_reservation_id).filter((id): id is string => Boolean(id))
  const existing = ids.length ? await inventory.listReservationItems({ id: ids }, { select: ["id", "quantity"] }) : []
  const reservations = new Map(existing.map((r) => [r.id, Number(r.quantity)]))
  const changes = planBlockChanges(rows, reservations)
  const base = ({ row }: BlockChange) => ({
    stock_id: row.stock_id,
    inventory_item_id: row.inventory_item_id,
    location_id: row.location_id,
    description: `Lot ${row.lot_number} is ${row.status.replace("_", " ")}: not for sale`,
  })
  const creates = changes.filter((c): c is Extract<BlockChange, { kind: "create" }> => c.kind === "create")
  const updates = changes.filter((c): c is Extract<BlockChange, { kind: "update" }> => c.kind === "update")
  const deletes = changes.filter((c): c is Extract<BlockChange, { kind: "delete" }> => c.kind === "delete")
  const applied: AppliedBlock[] = []

  if (creates.length) {
    const created = await inventory.createReservationItems(
      creates.map((c) => ({
        inventory_item_id: c.row.inventory_item_id,
        location_id: c.row.location_id,
        quantity: c.quantity,
        // Held stock stays blocked even when orders already reserved the rest of the level.
        allow_backorder: true,
        description: base(c).description,
        metadata: { lot_id: c.row.lot_id, lot_stock_id: c.row.stock_id },
      }))
    )
    const attached = new Set(
      await lots.setBlockedReservations(
        creates.map((c, i) => ({ stock_id: c.row.stock_id, expected: c.row.blocked_reservation_id, next: created[i].id }))
      )
    )
    // Another process attached its own block first where the pointer moved; ours would double-count.
    const lost = created.filter((_, i) => !attached.has(creates[i].row.stock_id)).map((r) => r.id)
    if (lost.length) {
      await inventory.deleteReservationItems(lost)
    }
    creates.forEach((c, i) => {
      if (attached.has(c.row.stock_id)) {
        applied.push({ ...base(c), before: { reservation_id: null, quantity: 0 }, after: { reservation_id: created[i].id, quantity: c.quantity } })
      }
    })
  }
  if (updates.length) {
    await inventory.updateReservationItems(
      updates.map((c) => ({ id: c.reservation_id, quantity: c.quantity, description: base(c).description }))
    )
    for (const c of updates) {
      applied.push({
        ...base(c),
        before: { reservation_id: c.reservation_id, quantity: c.from },
        after: { reservation_id: c.reservation_id, quantity: c.quantity },
      })
    }
  }
  if (deletes.length) {
    const stillThere = deletes.map((c) => c.reservation_id).filter((id) => reservations.has(id))
    if (stillThere.length) {
      await inventory.deleteReservationItems(stillThere)
    }
    await lots.setBlockedReservations(deletes.map((c) => ({ stock_id: c.row.stock_id, expected: c.reservation_id, next: null })))
    for (const c of deletes) {
      applied.push({ ...base(c), before: { reservation_id: c.reservation_id, quantity: c.from }, after: { reservation_id: null, quantity: 0 } })
    }
  }
  return applied
}

/** Undoes applyBlocks, batched the same way: resized blocks get their size back, created ones go, removed ones return. */
async function restoreBlocks(container: MedusaContainer, applied: AppliedBlock[]): Promise<void> {
  const inventory = container.resolve(Modules.INVENTORY)
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const resized = applied.filter((b) => b.after.reservation_id && b.before.reservation_id === b.after.reservation_id)
  const replaced = applied.filter((b) => !resized.includes(b))
  if (resized.length) {
    await inventory.updateReservationItems(resized.map((b) => ({ id: b.after.reservation_id!, quantity: b.before.quantity })))
  }
  const added = replaced.filter((b) => b.after.reservation_id)
  if (added.length) {
    await inventory.deleteReservationItems(added.map((b) => b.after.reservation_id!))
    await lots.setBlockedReservations(added.map((b) => ({ stock_id: b.stock_id, expected: b.after.reservation_id, next: null })))
  }
  const removed = replaced.filter((b) => b.before.quantity > 0)
  if (removed.length) {
    const recreated = await inventory.createReservationItems(
      removed.map((b) => ({
        inventory_item_id: b.inventory_item_id,
        location_id: b.location_id,
        quantity: b.before.quantity,
        allow_backorder: true,
        description: b.description,
      }))
    )
    await lots.setBlockedReservations(removed.map((b, i) => ({ stock_id: b.stock_id, expected: null, next: recreated[i].id })))
  }
}
