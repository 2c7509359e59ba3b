import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type StockGain } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import type { GetOrderLotDemandStepInput } from "./get-order-lot-demand"

export const findShortLinesStepId = "find-short-lines"
/**
 * Finds the order lines that stock which just gained units may now cover: lines with an open
 * shortfall of a gaining lot's item at the gain's location (any location when it is null), if the
 * lot is released. Read-only; answers as `allocateOrderLotsWorkflow`'s input.
 * Used by `reallocateShortLines` (step-sequences) and `changeLotStatusWorkflow`.
 *
 * @example
 * const short = findShortLinesStep([{ lot_id: "lot_1", location_id: "sloc_1" }])
 */
export const findShortLinesStep = createStep(findShortLinesStepId, async (gains: StockGain[], { container }) => {
  const lines = await container.resolve<LotModuleService>(LOT_MODULE).listShortLinesOfStock(gains)
  const found: GetOrderLotDemandStepInput = {
    order_ids: [...new Set(lines.map((l) => l.order_id))],
    line_item_ids: lines.map((l) => l.line_item_id),
  }
  return new StepResponse(found)
})
