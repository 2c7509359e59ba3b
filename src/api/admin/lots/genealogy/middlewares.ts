import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminLotTraceParams, AdminOrderTraceParams, AdminProduceLot, AdminSplitLot } from "./validators"

export const adminLotGenealogyMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/lots/productions", middlewares: [validateAndTransformBody(AdminProduceLot)] },
  { method: ["POST"], matcher: "/admin/lots/:id/split", middlewares: [validateAndTransformBody(AdminSplitLot)] },
  {
    method: ["GET"],
    matcher: "/admin/lots/:id/trace",
    middlewares: [validateAndTransformQuery(AdminLotTraceParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/trace",
    middlewares: [validateAndTransformQuery(AdminOrderTraceParams, { defaults: [], isList: false })],
  },
]
