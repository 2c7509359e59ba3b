import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AdjustmentReason, LotEvents, LotEventType, type LotStockChange } from "../modules/lot"
import { followLotStockChanges } from "./step-sequences"
import { changeLotStockStep, validateLotStockMoveStep } from "./steps"

export type AdjustLotStockWorkflowInput = {
  lot_id: string
  location_id: string
  /** Signed change in whole units. Exactly one of quantity_change / counted_quantity. */
  quantity_change?: number
  /** What was physically counted; the change is computed under the row lock. */
  counted_quantity?: number
  reason: AdjustmentReason
  /** Take the units from the returned units awaiting inspection (writing off a failed inspection). */
  from_returns?: boolean
  note?: string | null
  actor_id?: string | null
  additional_data?: Record<string, unknown>
}

const WRITE_OFF_REASONS: AdjustmentReason[] = [AdjustmentReason.SCRAP, AdjustmentReason.DAMAGE, AdjustmentReason.SAMPLE]

export const adjustLotStockWorkflowId = "adjust-lot-stock"
/**
 * Corrects a lot's stock at one location after a count, or writes units off (scrap, damage,
 * samples), with a reason; Medusa's stocked quantity follows by the same amount. Used by
 * `POST /admin/lots/:id/adjust`. The `lotStockAdjusted` hook can veto the change by throwing.
 *
 * @example
 * await adjustLotStockWorkflow(container).run({
 *   input: { lot_id: "lot_1", location_id: "sloc_1", quantity_change: -2, reason: "damage", note: "crushed case" },
 * })
 */
export const adjustLotStockWorkflow = createWorkflow(
  adjustLotStockWorkflowId,
  (input: WorkflowData<AdjustLotStockWorkflowInput>) => {
    validateLotStockMoveStep(transform({ input }, ({ input }) => ({ lot_id: input.lot_id, location_ids: [input.location_id] })))

    const changes = transform({ input }, ({ input }): LotStockChange[] => [
      {
        lot_id: input.lot_id,
        location_id: input.location_id,
        delta: input.quantity_change,
        counted_quantity: input.counted_quantity,
        quarantined: input.from_returns,
        event: {
          type: WRITE_OFF_REASONS.includes(input.reason) ? LotEventType.SCRAPPED : LotEventType.ADJUSTED,
          reason: input.reason,
          note: input.note,
          actor_id: input.actor_id,
        },
      },
    ])
    const results = changeLotStockStep(changes)

    followLotStockChanges(results)

    const lotStockAdjusted = createHook("lotStockAdjusted", { results, additional_data: input.additional_data })

    emitEventStep({
      eventName: LotEvents.ADJUSTED,
      data: transform({ results, input }, ({ results, input }) => ({
        id: input.lot_id,
        location_id: input.location_id,
        quantity_change: results[0].delta,
        quantity: results[0].quantity,
        reason: input.reason,
      })),
    })

    return new WorkflowResponse(results[0], { hooks: [lotStockAdjusted] })
  }
)
