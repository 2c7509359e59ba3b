import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { recountReservedQuantitiesOfItems } from "../runners/reserved-recount"

export type RecountReservedQuantitiesStepInput = { inventory_item_ids: string[] }

export const recountReservedQuantitiesStepId = "recount-reserved-quantities"
/**
 * Sets Medusa's reserved quantity of the items, at each location, to what their reservations add
 * up to (under Medusa's inventory lock; each change recorded in `lot_correction`). Nothing to
 * compensate: the recount only makes the number agree with the reservations, whatever came before.
 * Used by `restoreEditedLotBlocksWorkflow`, after Medusa moved a reservation between locations
 * (which it does without lowering the first location's reserved quantity).
 *
 * @example
 * recountReservedQuantitiesStep({ inventory_item_ids: ["iitem_1"] })
 */
export const recountReservedQuantitiesStep = createStep(
  recountReservedQuantitiesStepId,
  async (input: RecountReservedQuantitiesStepInput, { container }) => {
    return new StepResponse(await recountReservedQuantitiesOfItems(container, input))
  }
)
