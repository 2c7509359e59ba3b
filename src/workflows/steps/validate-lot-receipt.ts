import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { type DateLike, deriveExpiry, lotDateProblems } from "../../modules/lot/domain/lot-dates"
import { checkLotNumberAgainstPattern, normalizeLotNumber } from "../../modules/lot/domain/lot-number-template"
import type LotModuleService from "../../modules/lot/service"
import { requireStockLocations, requireTrackedPolicy } from "./lookups/locations-and-policies"

export type ValidateLotReceiptStepInput = {
  inventory_item_id: string
  location_id: string
  lot_id?: string
  lot_number?: string
  manufactured_at?: DateLike
  expires_at?: DateLike
  best_before_at?: DateLike
  received_at?: DateLike
}

export type ValidatedLotReceipt = {
  sku: string | null
  plant_code: string | null
  line_code: string | null
  shelf_life_days: number | null
  lot_number_template: string | null
}

export const validateLotReceiptStepId = "validate-lot-receipt"
/**
 * Checks that a receipt can be booked: the item exists and is lot-tracked, the location exists,
 * the lot's dates make sense and a typed lot number matches the item's pattern. Writes nothing.
 * Used by the receive, untracked-stock assignment and production workflows.
 *
 * @example
 * const { sku } = validateLotReceiptStep({ inventory_item_id: "iitem_1", location_id: "sloc_1" })
 */
export const validateLotReceiptStep = createStep(
  validateLotReceiptStepId,
  async (input: ValidateLotReceiptStepInput, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const [item] = await inventory.listInventoryItems({ id: input.inventory_item_id }, { select: ["id", "sku"] })
    if (!item) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item with id: ${input.inventory_item_id} was not found`)
    }
    await requireStockLocations(container, [input.location_id])
    const policy = await requireTrackedPolicy(lots, input.inventory_item_id)

    // Check the expiry the lot will really get, derived from the shelf life when none was typed.
    const problems = lotDateProblems({ ...input, expires_at: deriveExpiry(input, policy.shelf_life_days, input.received_at ?? new Date()) })
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join(" "))
    }
    if (input.lot_number && !input.lot_id) {
      const mismatch = checkLotNumberAgainstPattern(normalizeLotNumber(input.lot_number), policy.lot_number_pattern)
      if (mismatch) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, mismatch)
      }
    }
    const { plant_code, line_code } = lots.getOptions()
    return new StepResponse<ValidatedLotReceipt>({
      sku: item.sku ?? null,
      plant_code: plant_code || null,
      line_code: line_code || null,
      shelf_life_days: policy.shelf_life_days ?? null,
      lot_number_template: policy.lot_number_template ?? null,
    })
  }
)
