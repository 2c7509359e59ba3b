import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../modules/lot"
import type LotModuleService from "../../../../modules/lot/service"
import { deleteLotSupplierWorkflow } from "../../../../workflows/delete-lot-supplier"
import { updateLotSupplierWorkflow } from "../../../../workflows/update-lot-supplier"
import { requireSupplier } from "../../../../workflows/steps/lookups/suppliers"
import type { AdminLotSupplierDeleteResponse, AdminLotSupplierResponse } from "../types"
import type { AdminUpdateLotSupplierType } from "../validators"

/** One supplier. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLotSupplierResponse>) => {
  const lot_supplier = await requireSupplier(req.scope.resolve<LotModuleService>(LOT_MODULE), req.params.id)
  res.status(200).json({ lot_supplier })
}

/** Changes a supplier; lots received from it keep the details they were received with. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateLotSupplierType>, res: MedusaResponse<AdminLotSupplierResponse>) => {
  const { result } = await updateLotSupplierWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.status(200).json({ lot_supplier: result })
}

/** Retires a supplier from the picker (its lots keep their copy of its details). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLotSupplierDeleteResponse>) => {
  await deleteLotSupplierWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.status(200).json({ id: req.params.id, object: "lot_supplier", deleted: true })
}
