import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AllocationStatus } from "../../../../../modules/lot/types"
import { allocationAsLot, lotOrderByItem } from "../../../../../workflows/steps/lookups/lot-pick-order"
import { loadOrderLots } from "../../../../../workflows/steps/lookups/order-lots"
import type { AdminOrderPickListResponse, AdminPickListLocation } from "../../types"

/**
 * What to pick for an order, location by location, each line's lots in the order the item's
 * allocation strategy takes them (FEFO, FIFO or LIFO) — the sheet fulfillment staff work from.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderPickListResponse>) => {
  const { order, allocations, shortfalls, locationName } = await loadOrderLots(req.params.id, req.scope)
  const itemOf = new Map((order.items ?? []).filter(Boolean).map((item) => [item!.id, item!]))
  const byLocation = new Map<string, AdminPickListLocation>()
  const open = allocations.filter((a) => a.status === AllocationStatus.OPEN)
  const lotOrder = await lotOrderByItem(req.scope, open.map((a) => a.inventory_item_id))
  open.sort(
    (x, y) =>
      x.line_item_id.localeCompare(y.line_item_id) ||
      x.inventory_item_id.localeCompare(y.inventory_item_id) ||
      lotOrder(x.inventory_item_id)(allocationAsLot(x), allocationAsLot(y))
  )
  for (const a of open) {
    const group = byLocation.get(a.location_id) ?? {
      location_id: a.location_id,
      location_name: locationName.get(a.location_id) ?? null,
      picks: [],
    }
    const item = itemOf.get(a.line_item_id)
    group.picks.push({
      line_item_id: a.line_item_id,
      title: item?.title ?? null,
      sku: item?.variant_sku ?? null,
      lot_id: a.lot.id,
      lot_number: a.lot.lot_number,
      expires_at: a.lot.expires_at,
      quantity: a.quantity,
    })
    byLocation.set(a.location_id, group)
  }
  res.status(200).json({
    order_id: order.id,
    display_id: order.display_id,
    locations: [...byLocation.values()].sort((x, y) => (x.location_name ?? "").localeCompare(y.location_name ?? "")),
    shortfalls: shortfalls.map((s) => ({
      line_item_id: s.line_item_id,
      title: itemOf.get(s.line_item_id)?.title ?? null,
      quantity: s.quantity,
      location_id: s.location_id,
      reason: s.reason,
    })),
  })
}
