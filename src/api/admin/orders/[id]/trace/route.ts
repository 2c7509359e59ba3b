import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../modules/lot"
import { buildTraceReport } from "../../../../../modules/lot/domain/trace-report"
import type LotModuleService from "../../../../../modules/lot/service"
import type { AdminOrderTraceResponse } from "../../types"
import type { AdminOrderTraceParamsType } from "./validators"

/** Backward from an order: the lots shipped in it, the lots that went into them, their suppliers. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminOrderTraceParamsType>, res: MedusaResponse<AdminOrderTraceResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: req.params.id } })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const { shipments, backward } = await req.scope
    .resolve<LotModuleService>(LOT_MODULE)
    .traceFromOrder(req.params.id, req.validatedQuery.depth)
  const shippedLotIds = [...new Set(shipments.map((s) => s.lot_id))]
  res.status(200).json({
    order_id: orders[0].id,
    display_id: orders[0].display_id,
    trace: buildTraceReport({ backward: { ...backward, shipments } }, shippedLotIds),
  })
}
