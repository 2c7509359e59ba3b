import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type { SupplierDetails } from "../../modules/lot/domain/lot-supplier"
import type LotModuleService from "../../modules/lot/service"
import { refuseTakenGln, requireSupplier } from "./lookups/suppliers"

/** A supplier's fields as the API sends them; null clears an optional field. */
export type LotSupplierInput = Partial<SupplierDetails> & { metadata?: Record<string, unknown> | null }

type Restore = LotSupplierInput & { id: string }

export const updateLotSupplierStepId = "update-lot-supplier"
/**
 * Changes a supplier's fields (lots received before keep their own copy). Compensation puts back
 * every field it changed. Used by `updateLotSupplierWorkflow`.
 *
 * @example
 * const supplier = updateLotSupplierStep({ id: "lotsup_1", phone: "+1 555 0100" })
 */
export const updateLotSupplierStep = createStep(
  updateLotSupplierStepId,
  async ({ id, ...changes }: LotSupplierInput & { id: string }, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const existing = await requireSupplier(lots, id)
    await refuseTakenGln(lots, changes.gln, id)
    const restore: Restore = { id }
    for (const field of Object.keys(changes) as (keyof LotSupplierInput)[]) {
      if (changes[field] !== undefined) {
        Object.assign(restore, { [field]: existing[field] ?? null })
      }
    }
    const supplier = await lots.updateLotSuppliers({ id, ...changes })
    return new StepResponse(supplier, restore)
  },
  async (restore: Restore | undefined, { container }) => {
    if (!restore) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).updateLotSuppliers(restore)
  }
)
