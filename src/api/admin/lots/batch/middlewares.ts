import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminReceiveLots } from "./validators"

export const adminLotBatchMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/lots/batch",
    // A thousand receipts with supplier and document fields outgrow the parser's 100 kB default.
    bodyParser: { sizeLimit: "2mb" },
    middlewares: [validateAndTransformBody(AdminReceiveLots)],
  },
]
