import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOT_MODULE } from "../../../../../modules/lot"
import type LotModuleService from "../../../../../modules/lot/service"
import { AllocationStatus, type LotShipmentStatus } from "../../../../../modules/lot/types"
import { loadOrderLots } from "../../../../../workflows/steps/lookups/order-lots"
import type { AdminOrderLotAllocation, AdminOrderLotsResponse } from "../../types"

/** Per order line: the lots allocated to it, the lots it shipped from, and any shortfall. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderLotsResponse>) => {
  const { order, allocations, shortfalls, locationName } = await loadOrderLots(req.params.id, req.scope)
  // Where each fulfillment's units are, as Medusa says it: awaiting shipping, shipped, delivered.
  const fulfillmentIds = [...new Set(allocations.map((a) => a.fulfillment_id).filter((id): id is string => !!id))]
  const shipments = fulfillmentIds.length
    ? await req.scope
        .resolve<LotModuleService>(LOT_MODULE)
        .listLotShipments({ fulfillment_id: fulfillmentIds }, { select: ["fulfillment_id", "status"] })
    : []
  const statusOf = new Map<string, LotShipmentStatus>(shipments.map((s) => [s.fulfillment_id, s.status]))
  const describe = (a: (typeof allocations)[number]): AdminOrderLotAllocation => ({
    allocation_id: a.id,
    lot_id: a.lot.id,
    lot_number: a.lot.lot_number,
    lot_status: a.lot.status,
    expires_at: a.lot.expires_at,
    location_id: a.location_id,
    location_name: locationName.get(a.location_id) ?? null,
    quantity: a.quantity,
    fulfillment_id: a.fulfillment_id,
    shipment_status: (a.fulfillment_id && statusOf.get(a.fulfillment_id)) || null,
  })
  const lines = (order.items ?? []).filter(Boolean).map((item) => {
    const mine = allocations.filter((a) => a.line_item_id === item!.id)
    return {
      line_item_id: item!.id,
      title: item!.title,
      sku: item!.variant_sku ?? null,
      quantity: Number(item!.detail?.quantity ?? item!.quantity),
      allocated: mine.filter((a) => a.status === AllocationStatus.OPEN).map(describe),
      shipped: mine.filter((a) => a.status === AllocationStatus.FULFILLED).map(describe),
      shortfalls: shortfalls
        .filter((s) => s.line_item_id === item!.id)
        .map((s) => ({ quantity: s.quantity, location_id: s.location_id, reason: s.reason, recorded_at: s.created_at })),
    }
  })
  res.status(200).json({ order_id: order.id, display_id: order.display_id, lines })
}
