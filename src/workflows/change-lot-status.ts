import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, type LotStatusChangeInput } from "../modules/lot"
import { changeLotStatusStep, syncLotStockBlocksStep } from "./steps"

export type ChangeLotStatusWorkflowInput = LotStatusChangeInput & { additional_data?: Record<string, unknown> }

export const changeLotStatusWorkflowId = "change-lot-status"
/**
 * Releases, holds or rejects a lot (and, for the recall and expiry features, recalls or expires
 * it) following the status machine, then holds its unallocated stock back from Medusa's
 * available quantity — or gives it back on release. Used by `POST /admin/lots/:id/hold`,
 * `/release` and `/reject`. The `lotStatusChanged` hook can veto the change by throwing.
 *
 * @example
 * await changeLotStatusWorkflow(container).run({
 *   input: { lot_id: "lot_1", action: "hold", reason: "supplier reported contamination", actor_id: "user_1" },
 * })
 */
export const changeLotStatusWorkflow = createWorkflow(
  changeLotStatusWorkflowId,
  (input: WorkflowData<ChangeLotStatusWorkflowInput>) => {
    const change = changeLotStatusStep(
      transform({ input }, ({ input }) => {
        const { additional_data: _ignored, ...rest } = input
        return rest
      })
    )
    syncLotStockBlocksStep(transform({ change }, ({ change }) => ({ lot_ids: [change.lot_id] })))

    const lotStatusChanged = createHook("lotStatusChanged", { change, additional_data: input.additional_data })

    emitEventStep({
      eventName: LotEvents.STATUS_CHANGED,
      data: transform({ change, input }, ({ change, input }) => ({
        id: change.lot_id,
        lot_number: change.lot_number,
        inventory_item_id: change.inventory_item_id,
        from_status: change.from_status,
        to_status: change.to_status,
        reason: input.reason ?? null,
        actor_id: input.actor_id ?? null,
      })),
    })

    return new WorkflowResponse(change, { hooks: [lotStatusChanged] })
  }
)
