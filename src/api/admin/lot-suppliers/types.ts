import type { DeleteResponse, InferTypeOf, PaginatedResponse } from "@medusajs/framework/types"
import type { LotSupplier } from "../../../modules/lot/models"

// Responses of /admin/lot-suppliers/*, as the handlers send them (the admin reads dates as ISO strings).

export type AdminLotSupplier = Omit<InferTypeOf<typeof LotSupplier>, "deleted_at">
export type AdminLotSupplierResponse = { lot_supplier: AdminLotSupplier }
export type AdminLotSupplierListResponse = PaginatedResponse<{ lot_suppliers: AdminLotSupplier[] }>
export type AdminLotSupplierDeleteResponse = DeleteResponse<"lot_supplier">
