import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type OrderLineDemand } from "../../modules/lot"
import { AllocationStatus } from "../../modules/lot/types"
import { allocationRulesFor } from "../../modules/lot/domain/allocation-rules"
import { reservedForOpenUnits } from "../../modules/lot/domain/line-reservations"
import { loadOpenUnitsOfLines } from "./lookups/reserved-lines"
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
 * location — never more than the line's units not yet fulfilled — with each item's allocation
 * rules. A line that holds open allocations or shortfalls where it has no reservation any more
 * (removed by an order edit, reserved elsewhere) needs 0 there. Items that are not lot-tracked
 * are left out. Read-only.
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
  const lotModule = container.resolve<LotModuleService>(LOT_MODULE)
  const inScope = (lineId: string) => !input.line_item_ids || input.line_item_ids.includes(lineId)
  const lines = await loadOpenUnitsOfLines(container, input.order_ids, inScope)
  const lineIds = [...lines.keys()]
  const [reservations, held] = await Promise.all([
    lineIds.length
      ? container
          .resolve(Modules.INVENTORY)
          .listReservationItems({ line_item_id: lineIds }, { select: ["id", "line_item_id", "inventory_item_id", "location_id", "quantity"] })
      : [],
    openAllocationsAndShortfalls(lotModule, input.order_ids),
  ])
  const itemIds = [...new Set([...reservations, ...held].map((r) => r.inventory_item_id))]
  const policies = itemIds.length ? await lotModule.listLotPolicies({ inventory_item_id: itemIds, tracked: true }) : []
  const policyOf = new Map(policies.map((p) => [p.inventory_item_id, p]))
  const shipDate = input.ship_date ? new Date(input.ship_date) : new Date()

  const demand = new Map<string, OrderLineDemand>()
  const need = (row: { order_id: string; line_item_id: string; inventory_item_id: string; location_id: string }) => {
    const key = `${row.line_item_id}|${row.inventory_item_id}|${row.location_id}`
    const line = demand.get(key) ?? {
      order_id: row.order_id,
      line_item_id: row.line_item_id,
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      quantity: 0,
      rules: allocationRulesFor(policyOf.get(row.inventory_item_id), shipDate),
    }
    demand.set(key, line)
    return line
  }
  const reservationsOfLine = new Map<string, typeof reservations>()
  for (const reservation of reservations) {
    if (policyOf.has(reservation.inventory_item_id) && reservation.line_item_id) {
      reservationsOfLine.set(reservation.line_item_id, [...(reservationsOfLine.get(reservation.line_item_id) ?? []), reservation])
    }
  }
  for (const [lineId, ofLine] of reservationsOfLine) {
    const { order_id, unfulfilled } = lines.get(lineId)!
    for (const { reservation, units } of reservedForOpenUnits(unfulfilled, ofLine.map((r) => ({ ...r, quantity: Number(r.quantity) })))) {
      need({ ...reservation, line_item_id: lineId, order_id }).quantity += units
    }
  }
  for (const row of held) {
    if (policyOf.has(row.inventory_item_id) && inScope(row.line_item_id)) need(row)
  }
  return [...demand.values()]
}

/** Where orders' lines hold open allocations or open shortfalls (line, item, location). */
async function openAllocationsAndShortfalls(lotModule: LotModuleService, orderIds: string[]) {
  const select = ["order_id", "line_item_id", "inventory_item_id", "location_id"]
  const [allocations, shortfalls] = await Promise.all([
    lotModule.listLotAllocations({ order_id: orderIds, status: AllocationStatus.OPEN }, { select }),
    lotModule.listLotAllocationShortfalls({ order_id: orderIds, resolved_at: null }, { select }),
  ])
  return [...allocations, ...shortfalls]
}
