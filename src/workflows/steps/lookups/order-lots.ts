import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type LotModuleService from "../../../modules/lot/service"

/** The part of an order the lot routes show (typed here: the generated query types may be absent). */
export type OrderLines = {
  id: string
  display_id?: number | string | null
  // An order line's quantity lives on its detail (items.quantity is the line item's, often empty).
  items?:
    | ({ id: string; title: string; variant_sku?: string | null; quantity: unknown; detail?: { quantity: unknown } | null } | null)[]
    | null
}

/** An order's lines with every lot allocation (open, fulfilled, released) and open shortfall. */
export async function loadOrderLots(orderId: string, scope: MedusaContainer) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "items.id", "items.title", "items.variant_sku", "items.quantity", "items.detail.quantity"],
    filters: { id: orderId },
  })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  const lots = scope.resolve<LotModuleService>(LOT_MODULE)
  const [allocations, shortfalls] = await Promise.all([
    lots.listLotAllocations(
      { order_id: orderId },
      { relations: ["lot"], order: { created_at: "ASC" } }
    ),
    lots.listLotAllocationShortfalls({ order_id: orderId, resolved_at: null }),
  ])
  const locationIds = [...new Set([...allocations, ...shortfalls].map((a) => a.location_id))]
  const locations = locationIds.length
    ? await scope.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationIds }, { select: ["id", "name"] })
    : []
  const locationName = new Map(locations.map((l) => [l.id, l.name]))
  const order: OrderLines = orders[0]
  return { order, allocations, shortfalls, locationName }
}
