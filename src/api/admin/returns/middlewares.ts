import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminDesignateReturnLots } from "./validators"

export const adminReturnLotsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/returns/:id/lots",
    middlewares: [validateAndTransformBody(AdminDesignateReturnLots)],
  },
]
