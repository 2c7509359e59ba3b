import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"
import { createLotSupplierWorkflow } from "../../../workflows/create-lot-supplier"
import type { AdminLotSupplierListResponse, AdminLotSupplierResponse } from "./types"
import type { AdminCreateLotSupplierType, AdminListLotSuppliersParamsType } from "./validators"

/** Suppliers by name, searched by name, city, GLN or FDA registration number. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListLotSuppliersParamsType>,
  res: MedusaResponse<AdminLotSupplierListResponse>
) => {
  const { q, offset, limit } = req.validatedQuery
  const [lot_suppliers, count] = await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .listAndCountLotSuppliers(q ? { q } : {}, { order: { name: "ASC", id: "ASC" }, skip: offset, take: limit })
  res.status(200).json({ lot_suppliers, count, offset, limit })
}

/** Adds a supplier. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLotSupplierType>, res: MedusaResponse<AdminLotSupplierResponse>) => {
  const { result } = await createLotSupplierWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(200).json({ lot_supplier: result })
}
