import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type { PickSwapInput, PickSwapResult } from "../../modules/lot/domain/pick-scan"
import type LotModuleService from "../../modules/lot/service"

export const swapPickedLotStepId = "swap-picked-lot"
/**
 * Moves an order line's allocation onto the lot a picker scanned, as far as that lot has free
 * units at the location, under the allocation row locks (see `LotModuleService.swapPickedLot`).
 * Compensation swaps back: the scanned lot's allocation is released, the old ones re-opened.
 * Used by `pickByScanWorkflow`.
 *
 * @example
 * const swap = swapPickedLotStep({ order_id, line_item_id, inventory_item_id, location_id, lot_id, lot_number, rules, location_names })
 */
export const swapPickedLotStep = createStep(
  swapPickedLotStepId,
  async (input: PickSwapInput, { container }) => {
    const result = await container.resolve<LotModuleService>(LOT_MODULE).swapPickedLot(input)
    return new StepResponse(result, result)
  },
  async (result: PickSwapResult | undefined, { container }) => {
    if (!result) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).undoPickedLotSwap(result)
  }
)
