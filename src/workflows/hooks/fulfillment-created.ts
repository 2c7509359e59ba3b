import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { confirmFulfillmentLots, undoFulfillmentLots } from "../runners/fulfillment-lots"

// Medusa allows one handler per hook and a second registration throws. An app that handles this
// hook itself sets LOT_TRACKING_SKIP_FULFILLMENT_HOOK=true and calls confirmFulfillmentLots /
// undoFulfillmentLots from its own handler.
if (process.env.LOT_TRACKING_SKIP_FULFILLMENT_HOOK !== "true") {
  createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(
    async ({ fulfillment, additional_data }, { container }) => {
      const result = await confirmFulfillmentLots(container, { fulfillment, additional_data })
      return new StepResponse(result, result)
    },
    async (result, { container }) => {
      await undoFulfillmentLots(container, result)
    }
  )
}
