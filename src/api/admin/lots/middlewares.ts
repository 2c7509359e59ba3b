import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import * as QueryConfig from "./query-config"
import {
  AdminRepairLotIntegrity,
  AdminAdjustLot,
  AdminEditLot,
  AdminExpireLots,
  AdminExportLotsParams,
  AdminGetLotParams,
  AdminGetLotsParams,
  AdminHoldLot,
  AdminInspectReturnedStock,
  AdminReceiveLotWithCode,
  AdminReconcileParams,
  AdminRejectLot,
  AdminReleaseLot,
  AdminTransferLot,
} from "./validators"
import { AdminLotTraceParams, AdminProduceLot, AdminSplitLot } from "./genealogy-validators"

export const adminLotRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/lots",
    middlewares: [validateAndTransformQuery(AdminGetLotsParams, QueryConfig.listLotTransformQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/lots",
    middlewares: [
      validateAndTransformBody(AdminReceiveLotWithCode),
      validateAndTransformQuery(AdminGetLotParams, QueryConfig.retrieveLotTransformQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/lots/export",
    middlewares: [validateAndTransformQuery(AdminExportLotsParams, { defaults: [], isList: false })],
  },
  { method: ["POST"], matcher: "/admin/lots/expire", middlewares: [validateAndTransformBody(AdminExpireLots)] },
  { method: ["POST"], matcher: "/admin/lots/productions", middlewares: [validateAndTransformBody(AdminProduceLot)] },
  {
    method: ["POST"],
    matcher: "/admin/lots/reconciliation/repair",
    middlewares: [validateAndTransformBody(AdminRepairLotIntegrity)],
  },
  {
    method: ["GET"],
    matcher: "/admin/lots/reconciliation",
    middlewares: [validateAndTransformQuery(AdminReconcileParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/lots/:id",
    middlewares: [validateAndTransformQuery(AdminGetLotParams, QueryConfig.retrieveLotTransformQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/lots/:id",
    middlewares: [validateAndTransformBody(AdminEditLot)],
  },
  {
    method: ["POST"],
    matcher: "/admin/lots/:id/adjust",
    middlewares: [validateAndTransformBody(AdminAdjustLot)],
  },
  {
    method: ["POST"],
    matcher: "/admin/lots/:id/transfer",
    middlewares: [validateAndTransformBody(AdminTransferLot)],
  },
  { method: ["POST"], matcher: "/admin/lots/:id/hold", middlewares: [validateAndTransformBody(AdminHoldLot)] },
  { method: ["POST"], matcher: "/admin/lots/:id/release", middlewares: [validateAndTransformBody(AdminReleaseLot)] },
  { method: ["POST"], matcher: "/admin/lots/:id/reject", middlewares: [validateAndTransformBody(AdminRejectLot)] },
  {
    method: ["POST"],
    matcher: "/admin/lots/:id/returned-stock",
    middlewares: [validateAndTransformBody(AdminInspectReturnedStock)],
  },
  { method: ["POST"], matcher: "/admin/lots/:id/split", middlewares: [validateAndTransformBody(AdminSplitLot)] },
  {
    method: ["GET"],
    matcher: "/admin/lots/:id/trace",
    middlewares: [validateAndTransformQuery(AdminLotTraceParams, { defaults: [], isList: false })],
  },
]
