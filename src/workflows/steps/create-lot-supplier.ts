import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import type { LotSupplierInput } from "./update-lot-supplier"
import { refuseTakenGln } from "./lookups/suppliers"

export const createLotSupplierStepId = "create-lot-supplier"
/**
 * Creates a supplier after checking no other live supplier has its GLN. Compensation removes it.
 * Used by `createLotSupplierWorkflow`.
 *
 * @example
 * const supplier = createLotSupplierStep({ name: "Alpine Dairy", gln: "0614141000005" })
 */
export const createLotSupplierStep = createStep(
  createLotSupplierStepId,
  async (input: LotSupplierInput & { name: string }, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    await refuseTakenGln(lots, input.gln)
    const supplier = await lots.createLotSuppliers(input)
    return new StepResponse(supplier, supplier.id)
  },
  async (createdId: string | undefined, { container }) => {
    if (!createdId) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).deleteLotSuppliers(createdId)
  }
)
