import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { type DateLike, lotDateProblems } from "../../modules/lot/domain/lot-dates"
import { checkLotNumberAgainstPattern, normalizeLotNumber } from "../../modules/lot/domain/lot-number-template"
import type LotModuleService from "../../modules/lot/service"
import { requireStockLocations, requireTrackedPolicy } from "./lookups/locations-and-policies"

export type LotSplitChildInput = {
  quantity: number
  lot_number?: string
  /** Defaults to the parent's item; another item relabels the units. */
  inventory_item_id?: string
  manufactured_at?: DateLike
  expires_at?: DateLike
  best_before_at?: DateLike
}

export type ValidateLotSplitStepInput = { lot_id: string; location_id: string; children: LotSplitChildInput[] }

export type ValidatedLotSplitChild = {
  quantity: number
  lot_number: string | null
  inventory_item_id: string
  manufactured_at: DateLike
  expires_at: DateLike
  best_before_at: DateLike
  sku: string | null
  lot_number_template: string | null
}

export type ValidatedLotSplit = {
  parent: { id: string; lot_number: string; inventory_item_id: string }
  children: ValidatedLotSplitChild[]
  plant_code: string | null
  line_code: string | null
}

export const validateLotSplitStepId = "validate-lot-split"
/**
 * Checks a split before anything is written: the parent lot and the location exist, every child's
 * item exists and is lot-tracked, typed child lot numbers are distinct and match their item's
 * pattern, and each child's dates (the parent's unless given) make sense. Returns the children
 * with their dates, SKU and template filled in. Stock is checked under row locks when it moves.
 * Used first by `splitLotWorkflow`.
 *
 * @example
 * const split = validateLotSplitStep({ lot_id: "lot_1", location_id: "sloc_1", children: [{ quantity: 4 }, { quantity: 6 }] })
 */
export const validateLotSplitStep = createStep(
  validateLotSplitStepId,
  async (input: ValidateLotSplitStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const parent = await lots.retrieveLot(input.lot_id, {
      select: ["id", "lot_number", "inventory_item_id", "manufactured_at", "expires_at", "best_before_at"],
    })
    await requireStockLocations(container, [input.location_id])

    const itemIds = [...new Set(input.children.map((c) => c.inventory_item_id ?? parent.inventory_item_id))]
    const items = await container.resolve(Modules.INVENTORY).listInventoryItems({ id: itemIds }, { select: ["id", "sku"] })
    const missing = itemIds.find((id) => !items.some((item) => item.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item with id: ${missing} was not found`)
    }
    const policies = new Map<string, Awaited<ReturnType<typeof requireTrackedPolicy>>>()
    for (const id of itemIds) {
      policies.set(id, await requireTrackedPolicy(lots, id))
    }

    const typed = input.children.map((c) => (c.lot_number ? normalizeLotNumber(c.lot_number) : null)).filter((n): n is string => Boolean(n))
    const repeated = typed.find((n, index) => typed.indexOf(n) !== index)
    if (repeated) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Lot number ${repeated} is given to more than one child; each child lot needs its own.`)
    }

    const children = input.children.map((child, index): ValidatedLotSplitChild => {
      const itemId = child.inventory_item_id ?? parent.inventory_item_id
      const policy = policies.get(itemId)!
      const dates = {
        manufactured_at: child.manufactured_at ?? parent.manufactured_at,
        expires_at: child.expires_at ?? parent.expires_at,
        best_before_at: child.best_before_at ?? parent.best_before_at,
      }
      const problems = lotDateProblems(dates)
      const lotNumber = child.lot_number ? normalizeLotNumber(child.lot_number) : null
      const mismatch = lotNumber ? checkLotNumberAgainstPattern(lotNumber, policy.lot_number_pattern) : null
      if (problems.length || mismatch) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Child ${index + 1}: ${[...problems, mismatch].filter(Boolean).join(" ")}`)
      }
      return {
        ...dates,
        quantity: child.quantity,
        lot_number: lotNumber,
        inventory_item_id: itemId,
        sku: items.find((item) => item.id === itemId)!.sku ?? null,
        lot_number_template: policy.lot_number_template ?? null,
      }
    })
    const { plant_code, line_code } = lots.getOptions()
    return new StepResponse<ValidatedLotSplit>({
      parent: { id: parent.id, lot_number: parent.lot_number, inventory_item_id: parent.inventory_item_id },
      children,
      plant_code: plant_code || null,
      line_code: line_code || null,
    })
  }
)
