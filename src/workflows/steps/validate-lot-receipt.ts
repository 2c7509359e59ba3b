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
      throw inventoryItemNotFound(input.inventory_item_id)
    }
    await requireStockLocations(container, [input.location_id])
    const policy = await requireTrackedPolicy(lots, input.inventory_item_id)
    return new StepResponse(checkReceiptAgainstPolicy(input, item, policy, lots.getOptions()))
  }
)

type ReceiptPolicy = { shelf_life_days?: number | null; lot_number_pattern?: string | null; lot_number_template?: string | null }

export function inventoryItemNotFound(inventoryItemId: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item with id: ${inventoryItemId} was not found`)
}

/**
 * The rules a receipt meets once its item and tracked policy are read: its dates make sense (with
 * the expiry it will really get) and a typed number of a new lot matches the item's pattern.
 * Returns what numbering and expiry need. Shared by `validateLotReceiptStep` and
 * `validateLotReceiptsStep`.
 */
export function checkReceiptAgainstPolicy(
  input: ValidateLotReceiptStepInput,
  item: { sku?: string | null },
  policy: ReceiptPolicy,
  options: { plant_code: string; line_code: string }
): ValidatedLotReceipt {
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
  return {
    sku: item.sku ?? null,
    plant_code: options.plant_code || null,
    line_code: options.line_code || null,
    shelf_life_days: policy.shelf_life_days ?? null,
    lot_number_template: policy.lot_number_template ?? null,
  }
}
