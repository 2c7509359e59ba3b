import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminLotLabelParams, AdminLotLabelSheetParams } from "./validators"

// Labels read no `fields`: an empty query config keeps Medusa's field handling out of the way.
const noFields = { defaults: [], isList: false }

export const adminLotLabelMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/lots/labels", middlewares: [validateAndTransformQuery(AdminLotLabelSheetParams, noFields)] },
  { method: ["GET"], matcher: "/admin/lots/:id/label", middlewares: [validateAndTransformQuery(AdminLotLabelParams, noFields)] },
]
