import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, type LotStatusChangeInput } from "../modules/lot"
import { isAllocatableStatus, statusAfter } from "../modules/lot/domain/lot-status"
import {
  changeLotStatusStep,
  findShortLinesStep,
  releaseAllocationsStep,
  syncLotStockBlocksStep,
} from "./steps"
import { settleOrderLotsWorkflow } from "./settle-order-lots"

export type ChangeLotStatusWorkflowInput = LotStatusChangeInput & { additional_data?: Record<string, unknown> }

export const changeLotStatusWorkflowId = "change-lot-status"
/**
 * Releases, holds or rejects a lot (and, for the recall and expiry features, recalls or expires
 * it) following the status machine. A lot that may no longer be sold gives up its open
 * allocations and the affected order lines are allocated again from other eligible lots (or get a
 * shortfall); its stock is held back from Medusa's available quantity — or given back on release,
 * when order lines short of its item are allocated again. Used by `POST /admin/lots/:id/hold`,
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
    // A lot that may no longer be sold has its units held back before its new status shows, so
    // the hold is in force the moment it is visible and no checkout can take a held unit after it.
    when({ input }, ({ input }) => !isAllocatableStatus(statusAfter(input.action))).then(() => {
      syncLotStockBlocksStep(
        transform({ input }, ({ input }) => ({ lot_ids: [input.lot_id], as_status: statusAfter(input.action) }))
      ).config({ name: "hold-back-lot-stock-before-status-change" })
    })
    const change = changeLotStatusStep(
      transform({ input }, ({ input }) => {
        const { additional_data: _ignored, ...rest } = input
        return rest
      })
    )
    // A lot that may no longer be sold gives up its open allocations; their order lines are
    // allocated again from other eligible lots, or show a shortfall.
    const released = releaseAllocationsStep(
      transform({ change }, ({ change }) => ({
        lot_ids: [change.lot_id],
        lot_status: change.to_status,
        reason: `lot ${change.to_status.replace("_", " ")}`,
      }))
    )
    // A lot released again may cover lines left short (wherever it is stocked); a held one finds none.
    const short = findShortLinesStep(transform({ change }, ({ change }) => [{ lot_id: change.lot_id, location_id: null }]))
    const reallocated = settleOrderLotsWorkflow.runAsStep({
      input: transform({ released, short }, ({ released, short }) => ({
        order_ids: [...new Set([...released.map((r) => r.order_id), ...short.order_ids])],
        line_item_ids: [...new Set([...released.map((r) => r.line_item_id), ...(short.line_item_ids ?? [])])],
      })),
    })
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

    const result = transform({ change, released, reallocated }, ({ change, released, reallocated }) => ({
      ...change,
      released_allocations: released,
      reallocated,
    }))
    return new WorkflowResponse(result, { hooks: [lotStatusChanged] })
  }
)
