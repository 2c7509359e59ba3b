import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCloseRecall,
  AdminCreateRecall,
  AdminDisposeRecalledUnits,
  AdminExportRecallParams,
  AdminListMockRecallsParams,
  AdminListRecallsParams,
  AdminMockRecallScopeParams,
  AdminMarkRecallCustomersNotified,
  AdminRecallScope,
  AdminRecordRecallRecovery,
  AdminWithdrawRecallCustomersNotice,
} from "./validators"

const query = { defaults: [], isList: false }

export const adminRecallMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/recalls", middlewares: [validateAndTransformQuery(AdminListRecallsParams, query)] },
  { method: ["POST"], matcher: "/admin/recalls", middlewares: [validateAndTransformBody(AdminCreateRecall)] },
  { method: ["POST"], matcher: "/admin/recalls/preview", middlewares: [validateAndTransformBody(AdminRecallScope)] },
  { method: ["GET"], matcher: "/admin/recalls/mock", middlewares: [validateAndTransformQuery(AdminListMockRecallsParams, query)] },
  { method: ["POST"], matcher: "/admin/recalls/mock", middlewares: [validateAndTransformBody(AdminRecallScope)] },
  { method: ["POST"], matcher: "/admin/recalls/:id/close", middlewares: [validateAndTransformBody(AdminCloseRecall)] },
  {
    method: ["POST"],
    matcher: "/admin/recalls/:id/customers/notified",
    middlewares: [validateAndTransformBody(AdminMarkRecallCustomersNotified)],
  },
  {
    method: ["POST"],
    matcher: "/admin/recalls/:id/customers/notified/withdraw",
    middlewares: [validateAndTransformBody(AdminWithdrawRecallCustomersNotice)],
  },
  { method: ["POST"], matcher: "/admin/recalls/:id/recoveries", middlewares: [validateAndTransformBody(AdminRecordRecallRecovery)] },
  { method: ["POST"], matcher: "/admin/recalls/:id/disposals", middlewares: [validateAndTransformBody(AdminDisposeRecalledUnits)] },
  { method: ["GET"], matcher: "/admin/recalls/mock/:id/scope", middlewares: [validateAndTransformQuery(AdminMockRecallScopeParams, query)] },
  { method: ["GET"], matcher: "/admin/recalls/mock/:id/export", middlewares: [validateAndTransformQuery(AdminExportRecallParams, query)] },
  { method: ["GET"], matcher: "/admin/recalls/:id/export", middlewares: [validateAndTransformQuery(AdminExportRecallParams, query)] },
]
