import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type OrderLineAllocation, type OrderLineDemand } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const allocateOrderLotsStepId = "allocate-order-lots-step"
/**
 * Allocates lots to reserved order lines by each item's strategy (FEFO, FIFO, LIFO), skipping
 * lots that are not released or will not keep until shipment, under row locks so no lot is ever
 * oversold. Records shortfalls. Compensation releases what it allocated and removes the shortfalls
 * it recorded.
 * Used by `allocateOrderLotsWorkflow`.
 *
 * @example
 * const allocated = allocateOrderLotsStep(lines)
 */
export const allocateOrderLotsStep = createStep(
  allocateOrderLotsStepId,
  async (lines: OrderLineDemand[], { container }) => {
    if (!lines.length) {
      return new StepResponse([] as OrderLineAllocation[], [] as OrderLineAllocation[])
    }
    const results = await container.resolve<LotModuleService>(LOT_MODULE).allocateOrderLines(lines)
    return new StepResponse(results, results)
  },
  async (results: OrderLineAllocation[] | undefined, { container }) => {
    if (!results?.length) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).undoOrderLineAllocations(results)
  }
)
