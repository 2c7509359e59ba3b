import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, LotStatus } from "../modules/lot"
import {
  expireDueLotsStep,
  releaseAllocationsStep,
  syncLotStockBlocksStep,
  type ExpireDueLotsStepInput,
} from "./steps"
import { settleOrderLotsWorkflow } from "./settle-order-lots"

export const expireLotsWorkflowId = "expire-lots"
/**
 * The expiry sweep, one batch: lots past their expiry become expired, give up their open
 * allocations (those order lines are allocated again from other eligible lots, or get a
 * shortfall) and their stock is held back from what Medusa can sell. Emits `lot.expired` per lot.
 * Run daily by the `expire-lots` job and on demand by `POST /admin/lots/expire`; with `lot_ids`, by
 * `editLotWorkflow` for a lot whose expiry was moved to a date that has passed.
 *
 * @example
 * const { result } = await expireLotsWorkflow(container).run({ input: { limit: 1000 } })
 */
export const expireLotsWorkflow = createWorkflow(expireLotsWorkflowId, (input: WorkflowData<ExpireDueLotsStepInput>) => {
  const expired = expireDueLotsStep(input)
  const lotIds = transform({ expired }, ({ expired }) => expired.map((lot) => lot.id))
  const released = releaseAllocationsStep(
    transform({ lotIds }, ({ lotIds }) => ({ lot_ids: lotIds, lot_status: LotStatus.EXPIRED, reason: "lot expired" }))
  )
  settleOrderLotsWorkflow.runAsStep({
    input: transform({ released }, ({ released }) => ({
      order_ids: [...new Set(released.map((r) => r.order_id))],
      line_item_ids: [...new Set(released.map((r) => r.line_item_id))],
    })),
  })
  syncLotStockBlocksStep(transform({ lotIds }, ({ lotIds }) => ({ lot_ids: lotIds })))
  emitEventStep({
    eventName: LotEvents.EXPIRED,
    data: transform({ expired }, ({ expired }) =>
      expired.map((lot) => ({ id: lot.id, lot_number: lot.lot_number, inventory_item_id: lot.inventory_item_id }))
    ),
  })
  return new WorkflowResponse(expired)
})
