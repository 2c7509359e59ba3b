import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type AssignUntrackedStockInput, type UntrackedStockAssignment } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const assignUntrackedStockStepId = "assign-untracked-stock-step"
/**
 * Puts untracked units (Medusa stocks them, no lot holds them) into a new or existing lot and
 * records a `received` event with reference_type "untracked_assignment", checking the untracked
 * quantity again under a lock on the item and location. Medusa's level is left alone: the units
 * are already counted there. Compensation takes the units back out (a `reverted` event) and
 * retires a lot it created.
 * Used by `assignUntrackedStockWorkflow`.
 *
 * @example
 * const assignment = assignUntrackedStockStep({ inventory_item_id, location_id, quantity: 5, lot_id, stocked_quantity: 20 })
 */
export const assignUntrackedStockStep = createStep(
  assignUntrackedStockStepId,
  async (input: AssignUntrackedStockInput, { container }) => {
    const assignment = await container.resolve<LotModuleService>(LOT_MODULE).assignUntrackedStock(input)
    return new StepResponse(assignment, assignment)
  },
  async (assignment: UntrackedStockAssignment | undefined, { container }) => {
    if (!assignment) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).revertLotReceipt(assignment)
  }
)
