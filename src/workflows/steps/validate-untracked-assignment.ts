import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { untrackedAssignmentProblem, untrackedQuantity } from "../../modules/lot/domain/untracked-stock"
import type LotModuleService from "../../modules/lot/service"

export type ValidateUntrackedAssignmentStepInput = {
  inventory_item_id: string
  location_id: string
  quantity: number
}

export type UntrackedStockLevel = {
  inventory_level_id: string | null
  stocked_quantity: number
  lot_quantity: number
  untracked_quantity: number
}

export const validateUntrackedAssignmentStepId = "validate-untracked-assignment"
/**
 * Reads Medusa's stocked quantity and the lot stock of an item at a location and refuses an
 * assignment of more units than no lot holds, before anything is written (a generated lot number
 * would otherwise be used up by a request that fails). The assignment checks again under a lock;
 * this early check only spares the write. Writes nothing.
 *
 * @example
 * const level = validateUntrackedAssignmentStep({ inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 5 })
 */
export const validateUntrackedAssignmentStep = createStep(
  validateUntrackedAssignmentStepId,
  async (input: ValidateUntrackedAssignmentStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const [[level], totals] = await Promise.all([
      container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels(
          { inventory_item_id: input.inventory_item_id, location_id: input.location_id },
          { select: ["id", "stocked_quantity"] }
        ),
      lots.sumLotStock({ inventory_item_id: [input.inventory_item_id] }),
    ])
    const stocked = level ? Number(level.stocked_quantity) : 0
    const lotQuantity = totals.find((t) => t.location_id === input.location_id)?.quantity ?? 0
    const problem = untrackedAssignmentProblem({ ...input, stocked_quantity: stocked, lot_quantity: lotQuantity })
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
    }
    return new StepResponse<UntrackedStockLevel>({
      inventory_level_id: level?.id ?? null,
      stocked_quantity: stocked,
      lot_quantity: lotQuantity,
      untracked_quantity: untrackedQuantity(stocked, lotQuantity),
    })
  }
)
