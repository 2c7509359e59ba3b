import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminLotScan } from "./validators"

export const adminLotScanMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/lots/scan", middlewares: [validateAndTransformBody(AdminLotScan)] },
]
