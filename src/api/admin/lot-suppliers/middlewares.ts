import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateLotSupplier, AdminListLotSuppliersParams, AdminUpdateLotSupplier } from "./validators"

export const adminLotSupplierMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/lot-suppliers",
    middlewares: [validateAndTransformQuery(AdminListLotSuppliersParams, { defaults: [], isList: false })],
  },
  { method: ["POST"], matcher: "/admin/lot-suppliers", middlewares: [validateAndTransformBody(AdminCreateLotSupplier)] },
  { method: ["POST"], matcher: "/admin/lot-suppliers/:id", middlewares: [validateAndTransformBody(AdminUpdateLotSupplier)] },
]
