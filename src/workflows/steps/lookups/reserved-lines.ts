import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../modules/lot"
import type { ReservedLine } from "../../../modules/lot/domain/line-reservations"
import type LotModuleService from "../../../modules/lot/service"

/**
 * Each line of the orders (those `inScope` accepts) with its order and the units it has not
 * fulfilled yet — what its reservations may stand for (see `reservedForOpenUnits`).
 */
export async function loadOpenUnitsOfLines(
  container: MedusaContainer,
  orderIds: string[],
  inScope: (lineId: string) => boolean = () => true
): Promise<Map<string, { order_id: string; unfulfilled: number }>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    // The quantities live on the item's detail; `items.quantity` alone comes back empty beside it.
    fields: ["id", "items.id", "items.quantity", "items.detail.quantity", "items.detail.fulfilled_quantity"],
    filters: { id: orderIds },
  })
  const lines = new Map<string, { order_id: string; unfulfilled: number }>()
  for (const order of orders) {
    for (const item of order.items ?? []) {
      if (!item?.id || !inScope(item.id)) continue
      const unfulfilled = MathBN.sub(item.detail?.quantity ?? item.quantity, item.detail?.fulfilled_quantity ?? 0).toNumber()
      lines.set(item.id, { order_id: order.id, unfulfilled: Math.max(0, unfulfilled) })
    }
  }
  return lines
}

/**
 * The orders' lines with Medusa's reservations of lot-tracked items (those of `inventory_item_ids`
 * only, when given) and the units each line has left to fulfill.
 */
export async function loadReservedLines(
  container: MedusaContainer,
  input: { order_ids: string[]; inventory_item_ids?: string[] }
): Promise<ReservedLine[]> {
  if (!input.order_ids.length) {
    return []
  }
  const lines = await loadOpenUnitsOfLines(container, input.order_ids)
  const reservations = lines.size
    ? await container
        .resolve(Modules.INVENTORY)
        .listReservationItems(
          { line_item_id: [...lines.keys()], ...(input.inventory_item_ids ? { inventory_item_id: input.inventory_item_ids } : {}) },
          { select: ["id", "line_item_id", "inventory_item_id", "location_id", "quantity"] }
        )
    : []
  const itemIds = [...new Set(reservations.map((r) => r.inventory_item_id))]
  const tracked = itemIds.length
    ? new Set(
        (await container.resolve<LotModuleService>(LOT_MODULE).listLotPolicies({ tracked: true, inventory_item_id: itemIds }, { select: ["inventory_item_id"] }))
          .map((p) => p.inventory_item_id)
      )
    : new Set<string>()
  const reserved = new Map<string, ReservedLine>()
  for (const r of reservations) {
    if (!r.line_item_id || !tracked.has(r.inventory_item_id)) continue
    const { order_id, unfulfilled } = lines.get(r.line_item_id)!
    const line = reserved.get(r.line_item_id) ?? { order_id, line_item_id: r.line_item_id, unfulfilled, reservations: [] }
    line.reservations.push({ id: r.id, inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: Number(r.quantity) })
    reserved.set(r.line_item_id, line)
  }
  return [...reserved.values()]
}
