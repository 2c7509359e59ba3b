import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminPickSheetLine, AdminPickSheetLot, AdminPickSheetResponse } from "../../../api/admin/picking/types"
import { LOT_MODULE } from "../../../modules/lot"
import { binOf, inWalkingOrder } from "../../../modules/lot/domain/walking-order"
import type LotModuleService from "../../../modules/lot/service"
import { AllocationStatus } from "../../../modules/lot/types"
import { allocationAsLot, lotOrderByItem } from "./lot-pick-order"
import { customerOf, loadPickOrders, pickableLines } from "./pickable-lines"

/**
 * What a picker takes for one order at one location: every line with units to pick there,
 * lot-tracked or not, in walking order (see domain/walking-order), each tracked line with the
 * lots it is allocated to there in the item's strategy order.
 */
export async function loadPickSheet(container: MedusaContainer, orderId: string, locationId: string): Promise<AdminPickSheetResponse> {
  const [location] = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ id: locationId }, { select: ["id", "name"] })
  if (!location) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location with id: ${locationId} was not found`)
  }
  const { orders, reservations } = await loadPickOrders(container, [orderId])
  const order = orders[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found, or it is canceled`)
  }
  const lines = pickableLines(order, reservations, locationId)
  const itemIds = [...new Set(lines.map((l) => l.inventory_item_id).filter((id): id is string => Boolean(id)))]

  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const [policies, allocations, levels, lotOrder] = await Promise.all([
    itemIds.length ? lots.listLotPolicies({ inventory_item_id: itemIds, tracked: true }, { select: ["inventory_item_id"] }) : [],
    lots.listLotAllocations({ order_id: orderId, location_id: locationId, status: AllocationStatus.OPEN }, { relations: ["lot"] }),
    itemIds.length
      ? container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemIds, location_id: locationId }, { select: ["inventory_item_id", "metadata"] })
      : [],
    lotOrderByItem(container, itemIds),
  ])
  const tracked = new Set(policies.map((p) => p.inventory_item_id))
  const binOfItem = new Map(levels.map((l) => [l.inventory_item_id, binOf(l.metadata)]))

  const sheetLines = lines.map(({ item, quantity, inventory_item_id }): AdminPickSheetLine => {
    const own = allocations.filter((a) => a.line_item_id === item.id)
    if (own.length) {
      own.sort((x, y) => lotOrder(x.inventory_item_id)(allocationAsLot(x), allocationAsLot(y)))
    }
    return {
      line_item_id: item.id,
      title: item.product_title || item.title,
      variant_title: item.variant_title ?? null,
      sku: item.variant_sku ?? null,
      barcode: item.variant_barcode ?? null,
      thumbnail: item.thumbnail ?? null,
      bin: inventory_item_id ? (binOfItem.get(inventory_item_id) ?? null) : null,
      tracked: Boolean(inventory_item_id && tracked.has(inventory_item_id)),
      quantity,
      lots: mergeByLot(own),
    }
  })
  const walking = inWalkingOrder(sheetLines)
  return {
    order_id: order.id,
    display_id: order.display_id ?? null,
    created_at: new Date(order.created_at),
    customer: customerOf(order),
    location: { id: location.id, name: location.name ?? null },
    walking_order: walking.order,
    lines: walking.stops,
  }
}

/** One entry per lot (a line may hold several allocation rows of one lot), in the given order. */
function mergeByLot(rows: { quantity: unknown; lot: { id: string; lot_number: string; expires_at: Date | string | null } }[]): AdminPickSheetLot[] {
  const byLot = new Map<string, AdminPickSheetLot>()
  for (const row of rows) {
    const lot = byLot.get(row.lot.id) ?? {
      lot_id: row.lot.id,
      lot_number: row.lot.lot_number,
      expires_at: row.lot.expires_at ? new Date(row.lot.expires_at) : null,
      quantity: 0,
    }
    lot.quantity += Number(row.quantity)
    byLot.set(row.lot.id, lot)
  }
  return [...byLot.values()]
}
