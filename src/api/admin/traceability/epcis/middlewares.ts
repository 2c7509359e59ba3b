import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetEpcisParams } from "./validators"

export const adminEpcisMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/traceability/epcis",
    middlewares: [validateAndTransformQuery(AdminGetEpcisParams, { defaults: [], isList: false })],
  },
]
