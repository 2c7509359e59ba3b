import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotStockChange, type LotStockChangeResult } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const changeLotStockStepId = "change-lot-stock"
/**
 * Applies signed or counted changes to lot stock under row locks, with one lot event each.
 * Compensation applies the opposite changes and records them as `reverted` events.
 * Used by `adjustLotStockWorkflow` and `transferLotStockWorkflow`.
 *
 * @example
 * const results = changeLotStockStep([{ lot_id, location_id, delta: -2, event: { type: "scrapped", reason: "damage" } }])
 */
export const changeLotStockStep = createStep(
  changeLotStockStepId,
  async (changes: LotStockChange[], { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const results = await lots.changeLotStock(changes)
    return new StepResponse(results, results)
  },
  async (results: LotStockChangeResult[] | undefined, { container }) => {
    if (!results?.length) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).revertLotStockChanges(results)
  }
)
