import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminOrderPickScan } from "./validators"

export const adminOrderPickScanMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/orders/:id/pick-scan", middlewares: [validateAndTransformBody(AdminOrderPickScan)] },
]
