import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AdminPickQueueOrder } from "../../../api/admin/picking/types"
import { customerOf, loadPickOrders, pickableLines } from "./pickable-lines"


/**
 * The orders with units to pick at a location, oldest first: those Medusa reserves stock for
 * there (a reservation is removed as its units are fulfilled), each with its lines and units left.
 */
export async function loadPickQueue(
  container: MedusaContainer,
  input: { location_id: string; limit: number; offset: number }
): Promise<{ orders: AdminPickQueueOrder[]; count: number }> {
  const reservations = await container
    .resolve(Modules.INVENTORY)
    .listReservationItems({ location_id: input.location_id }, { select: ["line_item_id"] })
  const lineIds = [...new Set(reservations.map((r) => r.line_item_id).filter((id): id is string => Boolean(id)))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const links = (
    lineIds.length ? (await query.graph({ entity: "order_item", fields: ["order_id"], filters: { item_id: lineIds } })).data : []
    // Medusa's generated query types leave out order_item's own columns.
  ) as unknown as { order_id: string }[]
  const orderIds = [...new Set(links.map((l) => l.order_id))]

  const loaded = await loadPickOrders(container, orderIds)
  const queue: AdminPickQueueOrder[] = []
  for (const order of loaded.orders) {
    const lines = pickableLines(order, loaded.reservations, input.location_id)
    // Only orders Medusa reserved something for here; lines that ship from anywhere come along.
    if (!lines.some((l) => l.inventory_item_id)) continue
    queue.push({
      order_id: order.id,
      display_id: order.display_id ?? null,
      created_at: new Date(order.created_at),
      customer: customerOf(order),
      lines: lines.length,
      units: lines.reduce((sum, l) => sum + l.quantity, 0),
    })
  }
  queue.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.order_id.localeCompare(b.order_id))
  return { orders: queue.slice(input.offset, input.offset + input.limit), count: queue.length }
}
