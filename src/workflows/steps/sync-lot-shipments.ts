import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotShipmentSnapshot } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const syncLotShipmentsStepId = "sync-lot-shipments"
/**
 * Records which lots left in a fulfillment, to whom, and when it shipped and arrived. Idempotent:
 * a replayed or late event changes nothing. Compensation removes the links it added and puts
 * back the dates it filled in.
 * Used by `recordLotShipmentsWorkflow` and `cancelFulfillmentLotsWorkflow`.
 *
 * @example
 * syncLotShipmentsStep(snapshot)
 */
export const syncLotShipmentsStep = createStep(
  syncLotShipmentsStepId,
  async (snapshot: LotShipmentSnapshot | null, { container }) => {
    if (!snapshot) {
      return new StepResponse({ recorded: 0 }, null)
    }
    const state = await container.resolve<LotModuleService>(LOT_MODULE).syncLotShipments(snapshot)
    return new StepResponse({ recorded: state.inserted_ids.length }, state)
  },
  async (state, { container }) => {
    if (state) {
      await container.resolve<LotModuleService>(LOT_MODULE).undoLotShipmentSync(state)
    }
  }
)
