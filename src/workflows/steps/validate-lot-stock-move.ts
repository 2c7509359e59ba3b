import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import { requireStockLocations } from "./lookups/locations-and-policies"

export type ValidateLotStockMoveStepInput = { lot_id: string; location_ids: string[] }

export const validateLotStockMoveStepId = "validate-lot-stock-move"
/**
 * Checks that the lot and every location named in an adjustment or transfer exist, and returns
 * the lot. Writes nothing; quantities are checked under row locks when the stock is changed.
 * Used by the adjust, transfer and returned-unit inspection workflows.
 *
 * @example
 * const lot = validateLotStockMoveStep({ lot_id: "lot_1", location_ids: ["sloc_1", "sloc_2"] })
 */
export const validateLotStockMoveStep = createStep(
  validateLotStockMoveStepId,
  async (input: ValidateLotStockMoveStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const lot = await lots.retrieveLot(input.lot_id, {
      select: ["id", "lot_number", "inventory_item_id", "status"],
    })
    await requireStockLocations(container, input.location_ids)
    return new StepResponse({
      id: lot.id,
      lot_number: lot.lot_number,
      inventory_item_id: lot.inventory_item_id,
      status: lot.status,
    })
  }
)
