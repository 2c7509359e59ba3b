import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetFsma204Params } from "./validators"

export const adminFsma204Middlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/traceability/fsma-204",
    middlewares: [validateAndTransformQuery(AdminGetFsma204Params, { defaults: [], isList: false })],
  },
]
