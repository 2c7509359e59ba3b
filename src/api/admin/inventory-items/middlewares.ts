import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminAssignUntrackedStock, AdminGetLotSummaryParams, AdminUpsertLotPolicy } from "./validators"

export const adminLotPolicyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/inventory-items/:id/lot-policy",
    middlewares: [validateAndTransformBody(AdminUpsertLotPolicy)],
  },
  {
    method: ["POST"],
    matcher: "/admin/inventory-items/:id/untracked-stock/assign",
    middlewares: [validateAndTransformBody(AdminAssignUntrackedStock)],
  },
  {
    method: ["GET"],
    matcher: "/admin/inventory-items/:id/lot-summary",
    middlewares: [validateAndTransformQuery(AdminGetLotSummaryParams, { defaults: [], isList: false })],
  },
]
