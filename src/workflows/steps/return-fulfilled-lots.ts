import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../modules/lot"
import { fulfillmentCancelRefusal, type FulfillmentState } from "../../modules/lot/domain/return-plan"
import type LotModuleService from "../../modules/lot/service"

export const returnFulfilledLotsStepId = "return-fulfilled-lots"
/**
 * Puts the units of a canceled fulfillment back into the lots they were taken from, as Medusa
 * puts them back on its shelf — but only when Medusa shows the fulfillment canceled and neither
 * shipped nor delivered (else nothing changes and a warning is logged), and not the units that
 * already came back by a return. It mirrors what already happened in Medusa, so there is nothing
 * to compensate; it is idempotent, so a replayed event changes nothing.
 * Used by `cancelFulfillmentLotsWorkflow`.
 *
 * @example
 * returnFulfilledLotsStep({ fulfillment_id: "ful_1" })
 */
export const returnFulfilledLotsStep = createStep(
  returnFulfilledLotsStepId,
  async (input: { fulfillment_id: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "fulfillment",
      fields: ["id", "canceled_at", "shipped_at", "delivered_at"],
      filters: { id: input.fulfillment_id },
    })
    const refusal = fulfillmentCancelRefusal((data[0] as FulfillmentState) ?? null)
    if (refusal) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Fulfillment ${input.fulfillment_id} canceled: no units go back into lots, ${refusal}.`)
      return new StepResponse({ order_ids: [], lot_ids: [], returned: 0 })
    }
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    return new StepResponse(await lots.returnFulfilledLots(input.fulfillment_id, "fulfillment canceled"))
  }
)
