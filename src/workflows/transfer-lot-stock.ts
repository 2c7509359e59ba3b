import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, LotEventType, type LotStockChange } from "../modules/lot"
import { followLotStockChanges } from "./step-sequences"
import { changeLotStockStep, validateLotStockMoveStep } from "./steps"

export type TransferLotStockWorkflowInput = {
  lot_id: string
  from_location_id: string
  to_location_id: string
  quantity: number
  note?: string | null
  actor_id?: string | null
  additional_data?: Record<string, unknown>
}

export const transferLotStockWorkflowId = "transfer-lot-stock"
/**
 * Moves lot quantity from one stock location to another; Medusa's levels at both locations follow
 * (the destination level is created when missing). Only the unallocated part of a lot can move.
 * Used by `POST /admin/lots/:id/transfer`. The `lotStockTransferred` hook can veto it by throwing.
 *
 * @example
 * await transferLotStockWorkflow(container).run({
 *   input: { lot_id: "lot_1", from_location_id: "sloc_main", to_location_id: "sloc_store", quantity: 12 },
 * })
 */
export const transferLotStockWorkflow = createWorkflow(
  transferLotStockWorkflowId,
  (input: WorkflowData<TransferLotStockWorkflowInput>) => {
    validateLotStockMoveStep(
      transform({ input }, ({ input }) => ({
        lot_id: input.lot_id,
        location_ids: [input.from_location_id, input.to_location_id],
      }))
    )

    const changes = transform({ input }, ({ input }): LotStockChange[] => [
      {
        lot_id: input.lot_id,
        location_id: input.from_location_id,
        delta: -input.quantity,
        event: {
          type: LotEventType.TRANSFERRED_OUT,
          to_location_id: input.to_location_id,
          note: input.note,
          actor_id: input.actor_id,
        },
      },
      {
        lot_id: input.lot_id,
        location_id: input.to_location_id,
        delta: input.quantity,
        event: {
          type: LotEventType.TRANSFERRED_IN,
          note: input.note,
          actor_id: input.actor_id,
          data: { from_location_id: input.from_location_id },
        },
      },
    ])
    const results = changeLotStockStep(changes)

    followLotStockChanges(results)

    const lotStockTransferred = createHook("lotStockTransferred", { results, additional_data: input.additional_data })

    emitEventStep({
      eventName: LotEvents.TRANSFERRED,
      data: transform({ input }, ({ input }) => ({
        id: input.lot_id,
        from_location_id: input.from_location_id,
        to_location_id: input.to_location_id,
        quantity: input.quantity,
      })),
    })

    return new WorkflowResponse(results, { hooks: [lotStockTransferred] })
  }
)
