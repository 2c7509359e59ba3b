import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetPickQueueParams, AdminGetPickSheetParams } from "./validators"

export const adminPickingMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/picking/orders",
    middlewares: [validateAndTransformQuery(AdminGetPickQueueParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/picking/orders/:id",
    middlewares: [validateAndTransformQuery(AdminGetPickSheetParams, { defaults: [], isList: false })],
  },
]
