import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, type OrderLineAllocation, type OrderLineDemand } from "../modules/lot"
import { allocateOrderLotsStep, getOrderLotDemandStep, type GetOrderLotDemandStepInput } from "./steps"

export type AllocateOrderLotsWorkflowInput = GetOrderLotDemandStepInput

/** What a `narrowEligibleLots` handler may return: the lines with tightened rules or excluded lots. */
export type NarrowEligibleLotsResult = { lines: OrderLineDemand[] } | undefined

/** One event payload per order: `{ order_id, lines }`. */
function perOrder<T>(allocations: OrderLineAllocation[], describe: (a: OrderLineAllocation) => T) {
  const byOrder = new Map<string, T[]>()
  for (const a of allocations) {
    byOrder.set(a.order_id, [...(byOrder.get(a.order_id) ?? []), describe(a)])
  }
  return [...byOrder.entries()].map(([order_id, lines]) => ({ order_id, lines }))
}

export const allocateOrderLotsWorkflowId = "allocate-order-lots"
/**
 * Allocates orders' reserved lines of lot-tracked items to lots — FEFO by default — when an
 * order is placed (subscriber on `order.placed`), edited (`order-edit.confirmed`: what an edit
 * lowered or removed is given back) or gets a claim or exchange (`order.claim_created`,
 * `order.exchange_created`: the outbound lines), and again for lines that lost their lots to a
 * hold, an expiry or a canceled fulfillment. Emits `lot.allocated` and, when eligible stock is
 * short, `lot.allocation_shortfall` — one event per order.
 *
 * Hooks: `narrowEligibleLots({ order_ids, lines })` may return `{ lines }` with stricter rules
 * (say, a retailer that takes only 60+ days of shelf life) or `excluded_lot_ids` — each line
 * carries its `order_id` — or throw to refuse; `lotsAllocated({ order_ids, allocations })` runs
 * after the lots are allocated, and throwing there rolls the allocation back.
 *
 * @example
 * await allocateOrderLotsWorkflow(container).run({ input: { order_ids: ["order_1"] } })
 */
export const allocateOrderLotsWorkflow = createWorkflow(
  allocateOrderLotsWorkflowId,
  (input: WorkflowData<AllocateOrderLotsWorkflowInput>) => {
    const demand = getOrderLotDemandStep(input)

    const narrowEligibleLots = createHook("narrowEligibleLots", { order_ids: input.order_ids, lines: demand })
    const lines = transform({ demand, narrowed: narrowEligibleLots.getResult() }, ({ demand, narrowed }) => {
      const result = narrowed as NarrowEligibleLotsResult
      return result?.lines ?? demand
    })

    const allocations = allocateOrderLotsStep(lines)

    const lotsAllocated = createHook("lotsAllocated", { order_ids: input.order_ids, allocations })

    const shortLines = transform({ allocations }, ({ allocations }) => allocations.filter((a) => a.shortfall > 0))
    when({ allocations }, ({ allocations }) => allocations.some((a) => a.allocations.length > 0)).then(() => {
      emitEventStep({
        eventName: LotEvents.ALLOCATED,
        data: transform({ allocations }, ({ allocations }) =>
          perOrder(allocations.filter((a) => a.allocations.length > 0), (a) => ({
            line_item_id: a.line_item_id,
            location_id: a.location_id,
            lots: a.allocations.map((l) => ({ lot_id: l.lot_id, lot_number: l.lot_number, quantity: l.quantity })),
          }))
        ),
      }).config({ name: "emit-lot-allocated" })
    })
    when({ shortLines }, ({ shortLines }) => shortLines.length > 0).then(() => {
      emitEventStep({
        eventName: LotEvents.ALLOCATION_SHORTFALL,
        data: transform({ shortLines }, ({ shortLines }) =>
          perOrder(shortLines, (a) => ({
            line_item_id: a.line_item_id,
            inventory_item_id: a.inventory_item_id,
            location_id: a.location_id,
            quantity: a.shortfall,
            reason: a.shortfall_reason,
          }))
        ),
      }).config({ name: "emit-lot-allocation-shortfall" })
    })

    return new WorkflowResponse(allocations, { hooks: [narrowEligibleLots, lotsAllocated] })
  }
)
