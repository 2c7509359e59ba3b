import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderLineAllocation, StockGain } from "../modules/lot"
import { allocateOrderLotsWorkflow, type AllocateOrderLotsWorkflowInput } from "./allocate-order-lots"
import { reallocateShortLinesWorkflow } from "./reallocate-short-lines"

/** The lots and locations where allocations gave units back. */
export function freedStock(allocations: OrderLineAllocation[]): StockGain[] {
  const seen = new Map<string, StockGain>()
  for (const part of allocations.flatMap((a) => a.released ?? [])) {
    seen.set(`${part.lot_id}|${part.location_id}`, { lot_id: part.lot_id, location_id: part.location_id })
  }
  return [...seen.values()]
}

export const settleOrderLotsWorkflowId = "settle-order-lots"
/**
 * Brings orders' lot allocations to what Medusa now reserves for their lines
 * (`allocateOrderLotsWorkflow`), then hands the units that gave back — a line an edit lowered or
 * removed, a reservation Medusa moved — to other orders' lines left short there, so no shortfall
 * waits beside free stock. Runs from the order subscribers (placed, edited, claim, exchange) and
 * after Medusa moved an order's reservations.
 *
 * @example
 * await settleOrderLotsWorkflow(container).run({ input: { order_ids: ["order_1"] } })
 */
export const settleOrderLotsWorkflow = createWorkflow(
  settleOrderLotsWorkflowId,
  (input: WorkflowData<AllocateOrderLotsWorkflowInput>) => {
    const allocations = allocateOrderLotsWorkflow.runAsStep({ input })
    const freed = transform({ allocations }, ({ allocations }) => freedStock(allocations))
    when({ freed }, ({ freed }) => freed.length > 0).then(() => {
      reallocateShortLinesWorkflow.runAsStep({ input: freed })
    })
    return new WorkflowResponse(allocations)
  }
)
