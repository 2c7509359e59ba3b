import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type OrderLineDemand } from "../../modules/lot"
import { allocationRulesFor } from "../../modules/lot/domain/allocation-rules"
import type LotModuleService from "../../modules/lot/service"

export type GetOrderLotDemandStepInput = {
  order_ids: string[]
  /** Limit to these lines (e.g. the lines a hold took lots from). */
  line_item_ids?: string[]
  /** When the order is expected to ship; defaults to now. */
  ship_date?: Date | string
}

export const getOrderLotDemandStepId = "get-order-lot-demand"
/**
 * Reads what orders need from lots: their reservations of lot-tracked items, per line and
 * location, with each item's allocation rules. Items that are not lot-tracked are left out.
 * Read-only.
 * Used first by `allocateOrderLotsWorkflow`.
 *
 * @example
 * const lines = getOrderLotDemandStep({ order_ids: ["order_1"] })
 */
export const getOrderLotDemandStep = createStep(
  getOrderLotDemandStepId,
  async (input: GetOrderLotDemandStepInput, { container }) => {
    return new StepResponse(await loadOrderLotDemand(container, input))
  }
)

/** The lot demand of orders; also used outside workflows (subscribers, hook handlers). */
export async function loadOrderLotDemand(container: MedusaContainer, input: GetOrderLotDemandStepInput): Promise<OrderLineDemand[]> {
  if (!input.order_ids.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id: input.order_ids } })
  const orderOfLine = new Map<string, string>()
  for (const order of orders) {
    for (const item of order.items ?? []) {
      if (item?.id && (!input.line_item_ids || input.line_item_ids.includes(item.id))) orderOfLine.set(item.id, order.id)
    }
  }
  const lineIds = [...orderOfLine.keys()]
  if (!lineIds.length) {
    return []
  }
  const reservations = await container
    .resolve(Modules.INVENTORY)
    .listReservationItems({ line_item_id: lineIds }, { select: ["line_item_id", "inventory_item_id", "location_id", "quantity"] })
  const itemIds = [...new Set(reservations.map((r) => r.inventory_item_id))]
  const policies = itemIds.length
    ? await container.resolve<LotModuleService>(LOT_MODULE).listLotPolicies({ inventory_item_id: itemIds, tracked: true })
    : []
  const policyOf = new Map(policies.map((p) => [p.inventory_item_id, p]))
  const shipDate = input.ship_date ? new Date(input.ship_date) : new Date()

  const demand = new Map<string, OrderLineDemand>()
  for (const reservation of reservations) {
    const policy = policyOf.get(reservation.inventory_item_id)
    if (!policy || !reservation.line_item_id) {
      continue
    }
    const key = `${reservation.line_item_id}|${reservation.inventory_item_id}|${reservation.location_id}`
    const line = demand.get(key) ?? {
      order_id: orderOfLine.get(reservation.line_item_id)!,
      line_item_id: reservation.line_item_id,
      inventory_item_id: reservation.inventory_item_id,
      location_id: reservation.location_id,
      quantity: 0,
      rules: allocationRulesFor(policy, shipDate),
    }
    line.quantity += Number(reservation.quantity)
    demand.set(key, line)
  }
  return [...demand.values()]
}
