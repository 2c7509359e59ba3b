import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type AllocationStrategy } from "../../modules/lot"
import {
  compileLotNumberPattern,
  LotNumberTemplateError,
  validateLotNumberTemplate,
} from "../../modules/lot/domain/lot-number-template"
import type LotModuleService from "../../modules/lot/service"

export type LotPolicyInput = {
  inventory_item_id: string
  tracked?: boolean
  strategy?: AllocationStrategy
  shelf_life_days?: number | null
  removal_lead_days?: number
  min_remaining_shelf_life_days?: number
  lot_number_template?: string | null
  lot_number_pattern?: string | null
  unit_of_measure?: string
}

const POLICY_FIELDS = [
  "tracked",
  "strategy",
  "shelf_life_days",
  "removal_lead_days",
  "min_remaining_shelf_life_days",
  "lot_number_template",
  "lot_number_pattern",
  "unit_of_measure",
] as const

type Previous = { created_id?: string; restore?: LotPolicyInput & { id: string } }

export const upsertLotPolicyStepId = "upsert-lot-policy-step"
/**
 * Creates or updates the lot policy of an inventory item after checking the item exists and the
 * lot-number template and pattern are valid. Compensation restores every field it changed, or
 * deletes the policy it created.
 * Used by `upsertLotPolicyWorkflow`.
 *
 * @example
 * const policy = upsertLotPolicyStep({ inventory_item_id: "iitem_1", tracked: true, strategy: "fefo" })
 */
export const upsertLotPolicyStep = createStep(
  upsertLotPolicyStepId,
  async (input: LotPolicyInput, { container }) => {
    const [item] = await container
      .resolve(Modules.INVENTORY)
      .listInventoryItems({ id: input.inventory_item_id }, { select: ["id"] })
    if (!item) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item with id: ${input.inventory_item_id} was not found`)
    }
    try {
      if (input.lot_number_template) validateLotNumberTemplate(input.lot_number_template)
      if (input.lot_number_pattern) compileLotNumberPattern(input.lot_number_pattern)
    } catch (error) {
      if (error instanceof LotNumberTemplateError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
      }
      throw error
    }
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const [existing] = await lots.listLotPolicies({ inventory_item_id: input.inventory_item_id })
    if (!existing) {
      const created = await lots.createLotPolicies(input)
      return new StepResponse(created, { created_id: created.id } as Previous)
    }
    const restore = { id: existing.id, inventory_item_id: existing.inventory_item_id } as LotPolicyInput & { id: string }
    for (const field of POLICY_FIELDS) {
      if (input[field] !== undefined) {
        Object.assign(restore, { [field]: existing[field] })
      }
    }
    const updated = await lots.updateLotPolicies({ ...input, id: existing.id })
    return new StepResponse(updated, { restore } as Previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) {
      return
    }
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    if (previous.created_id) {
      await lots.deleteLotPolicies(previous.created_id)
    } else if (previous.restore) {
      await lots.updateLotPolicies(previous.restore)
    }
  }
)
