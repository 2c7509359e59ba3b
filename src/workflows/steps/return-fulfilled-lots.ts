import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const returnFulfilledLotsStepId = "return-fulfilled-lots"
/**
 * Puts the units of a canceled fulfillment back into the lots they were taken from, as Medusa
 * puts them back on its shelf. It mirrors what already happened in Medusa, so there is nothing
 * to compensate; it is idempotent, so a replayed event changes nothing.
 * Used by `cancelFulfillmentLotsWorkflow`.
 *
 * @example
 * returnFulfilledLotsStep({ fulfillment_id: "ful_1" })
 */
export const returnFulfilledLotsStep = createStep(
  returnFulfilledLotsStepId,
  async (input: { fulfillment_id: string }, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    return new StepResponse(await lots.returnFulfilledLots(input.fulfillment_id, "fulfillment canceled"))
  }
)
