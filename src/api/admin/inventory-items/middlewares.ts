import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpsertLotPolicy } from "./validators"

export const adminLotPolicyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/inventory-items/:id/lot-policy",
    middlewares: [validateAndTransformBody(AdminUpsertLotPolicy)],
  },
]
