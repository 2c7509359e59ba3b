import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { blockedQuantity } from "../../modules/lot/domain/blocked-stock"
import type { StockBlockOfReservation } from "../../modules/lot/sql/blocked-stock-sql"
import type LotModuleService from "../../modules/lot/service"

export type RecordRestoredLotBlocksStepInput = {
  deleted: StockBlockOfReservation[]
  /** What was done to the blocks in Medusa (default "deleted"). */
  change?: "deleted" | "edited"
}

export const recordRestoredLotBlocksStepId = "record-restored-lot-blocks"
/**
 * Writes a `block_restored` entry in each affected lot's history: which reservation was deleted or edited,
 * which one holds the units back now and how many. Runs last, after the blocks were put back, and
 * the lot history is append-only, so it has nothing to compensate.
 * Used by `restoreDeletedLotBlocksWorkflow` and `restoreEditedLotBlocksWorkflow`.
 *
 * @example
 * recordRestoredLotBlocksStep({ deleted: [{ stock_id, lot_id, location_id, reservation_id }] })
 */
export const recordRestoredLotBlocksStep = createStep(
  recordRestoredLotBlocksStepId,
  async (input: RecordRestoredLotBlocksStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const rows = await lots.listLotStockBlocks([...new Set(input.deleted.map((d) => d.lot_id))])
    const now = new Map(rows.map((r) => [r.stock_id, r]))
    const ids = await lots.recordRestoredBlocks(
      input.deleted.map((d) => {
        const row = now.get(d.stock_id)
        const reservationId = row?.blocked_reservation_id ?? null
        return {
          lot_id: d.lot_id,
          location_id: d.location_id,
          deleted_reservation_id: d.reservation_id,
          reservation_id: reservationId,
          quantity: row && reservationId ? blockedQuantity(row) : 0,
          change: input.change ?? "deleted",
        }
      })
    )
    return new StepResponse(ids)
  }
)
