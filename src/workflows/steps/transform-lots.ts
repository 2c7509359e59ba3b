import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type { LotTransformation, LotTransformationInput } from "../../modules/lot/domain/transformation"
import type LotModuleService from "../../modules/lot/service"

export const transformLotsStepId = "transform-lots"
/**
 * Consumes units of input lots and creates output lots from them (a production or a split), with
 * the lineage edges and `consumed` / `produced` history entries, in one transaction. Compensation
 * retires the output lots and the edges and puts the input units back, as `reverted` entries.
 * Used by `produceLotWorkflow` and `splitLotWorkflow`.
 *
 * @example
 * const transformation = transformLotsStep({
 *   kind: "production", location_id: "sloc_1",
 *   inputs: [{ lot_id: "lot_milk", quantity: 40 }],
 *   outputs: [{ inventory_item_id: "iitem_yogurt", lot_number: "YOG-261125-001", quantity: 80 }],
 * })
 */
export const transformLotsStep = createStep(
  transformLotsStepId,
  async (input: LotTransformationInput, { container }) => {
    const transformation = await container.resolve<LotModuleService>(LOT_MODULE).transformLots(input)
    return new StepResponse(transformation, transformation)
  },
  async (transformation: LotTransformation | undefined, { container }) => {
    if (!transformation) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).revertLotTransformation(transformation)
  }
)
