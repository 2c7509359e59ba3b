import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetExpiringLotsParams, AdminGetExpirySummaryParams, AdminRunExpiryWarnings } from "./validators"

/** The expiry dashboard's routes: expiring list, summary, and the warning pass on demand. */
export const adminLotExpiryMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/lots/expiring",
    middlewares: [validateAndTransformQuery(AdminGetExpiringLotsParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/lots/expiry-summary",
    middlewares: [validateAndTransformQuery(AdminGetExpirySummaryParams, { defaults: [], isList: false })],
  },
  {
    method: ["POST"],
    matcher: "/admin/lots/expiry-warnings",
    middlewares: [validateAndTransformBody(AdminRunExpiryWarnings)],
  },
]
