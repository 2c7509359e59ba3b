import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AllocationStatus } from "../../../../../modules/lot/types"
import { loadOrderLots } from "../../../../../workflows/steps/lib/order-lots"

/**
 * What to pick for an order, location by location, each item's lots in the order they were
 * allocated (FEFO: earliest expiry first) — the sheet fulfillment staff work from.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { order, allocations, shortfalls, locationName } = await loadOrderLots(req.params.id, req.scope)
  const itemOf = new Map((order.items ?? []).filter(Boolean).map((item) => [item!.id, item!]))
  const byLocation = new Map<string, { location_id: string; location_name: string | null; picks: unknown[] }>()
  const expiryKey = (a: (typeof allocations)[number]) => (a.lot.expires_at ? new Date(a.lot.expires_at).getTime() : Infinity)
  const open = allocations
    .filter((a) => a.status === AllocationStatus.OPEN)
    .sort((x, y) => x.line_item_id.localeCompare(y.line_item_id) || expiryKey(x) - expiryKey(y))
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
