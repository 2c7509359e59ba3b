import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import { requireSupplier } from "./lookups/suppliers"

export const deleteLotSupplierStepId = "delete-lot-supplier"
/**
 * Retires a supplier (soft delete): it leaves the picker, while lots received from it keep their
 * copy of its details. Compensation restores it. Used by `deleteLotSupplierWorkflow`.
 *
 * @example
 * deleteLotSupplierStep({ id: "lotsup_1" })
 */
export const deleteLotSupplierStep = createStep(
  deleteLotSupplierStepId,
  async ({ id }: { id: string }, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    await requireSupplier(lots, id)
    await lots.softDeleteLotSuppliers(id)
    return new StepResponse(id, id)
  },
  async (deletedId: string | undefined, { container }) => {
    if (!deletedId) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).restoreLotSuppliers(deletedId)
  }
)
