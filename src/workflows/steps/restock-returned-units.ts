import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export type RestockReturnedUnitsStepInput = {
  lot_id: string
  location_id: string
  quantity: number
  actor_id?: string | null
  note?: string | null
}

export const restockReturnedUnitsStepId = "restock-returned-units"
/**
 * Returned units that passed inspection leave quarantine and may be sold again. Compensation puts
 * them back into quarantine with a `reverted` event.
 * Used by `inspectReturnedUnitsWorkflow`.
 *
 * @example
 * restockReturnedUnitsStep({ lot_id: "lot_1", location_id: "sloc_1", quantity: 2 })
 */
export const restockReturnedUnitsStep = createStep(
  restockReturnedUnitsStepId,
  async (input: RestockReturnedUnitsStepInput, { container }) => {
    const result = await container.resolve<LotModuleService>(LOT_MODULE).restockReturnedUnits(input)
    return new StepResponse(result, { ...input, event_id: result.event_id })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<LotModuleService>(LOT_MODULE).restockReturnedUnits({ ...undo, undo_of: undo.event_id })
    }
  }
)
