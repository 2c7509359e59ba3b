import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminOrderPickScan } from "./[id]/pick-scan/validators"
import { AdminOrderTraceParams } from "./[id]/trace/validators"

export const adminOrderLotMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/orders/:id/pick-scan", middlewares: [validateAndTransformBody(AdminOrderPickScan)] },
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/trace",
    middlewares: [validateAndTransformQuery(AdminOrderTraceParams, { defaults: [], isList: false })],
  },
]
