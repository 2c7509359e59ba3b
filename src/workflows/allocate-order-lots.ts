import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LotEvents, type OrderLineDemand } from "../modules/lot"
import { allocateOrderLotsStep, getOrderLotDemandStep, type GetOrderLotDemandStepInput } from "./steps"

export type AllocateOrderLotsWorkflowInput = Omit<GetOrderLotDemandStepInput, "order_ids"> & { order_id: string }

/** What a `narrowEligibleLots` handler may return: the lines with tightened rules or excluded lots. */
export type NarrowEligibleLotsResult = { lines: OrderLineDemand[] } | undefined

export const allocateOrderLotsWorkflowId = "allocate-order-lots"
/**
 * Allocates an order's reserved lines of lot-tracked items to lots — FEFO by default — when the
 * order is placed (subscriber on `order.placed`), and again for lines that lost their lots to a
 * hold. Emits `lot.allocated`, and `lot.allocation_shortfall` when eligible stock is short.
 *
 * Hooks: `narrowEligibleLots({ order_id, lines })` may return `{ lines }` with stricter rules
 * (say, a retailer that takes only 60+ days of shelf life) or `excluded_lot_ids`, or throw to
 * refuse; `lotsAllocated({ order_id, allocations })` runs after the lots are allocated.
 *
 * @example
 * await allocateOrderLotsWorkflow(container).run({ input: { order_id: "order_1" } })
 */
export const allocateOrderLotsWorkflow = createWorkflow(
  allocateOrderLotsWorkflowId,
  (input: WorkflowData<AllocateOrderLotsWorkflowInput>) => {
    const demand = getOrderLotDemandStep(
      transform({ input }, ({ input }) => ({
        order_ids: [input.order_id],
        line_item_ids: input.line_item_ids,
        ship_date: input.ship_date,
      }))
    )

    const narrowEligibleLots = createHook("narrowEligibleLots", { order_id: input.order_id, lines: demand })
    const lines = transform({ demand, narrowed: narrowEligibleLots.getResult() }, ({ demand, narrowed }) => {
      const result = narrowed as NarrowEligibleLotsResult
      return result?.lines ?? demand
    })

    const allocations = allocateOrderLotsStep(lines)

    const lotsAllocated = createHook("lotsAllocated", { order_id: input.order_id, allocations })

    const shortLines = transform({ allocations }, ({ allocations }) => allocations.filter((a) => a.shortfall > 0))
    when({ allocations }, ({ allocations }) => allocations.some((a) => a.allocations.length > 0)).then(() => {
      emitEventStep({
        eventName: LotEvents.ALLOCATED,
        data: transform({ allocations, input }, ({ allocations, input }) => ({
          order_id: input.order_id,
          lines: allocations.map((a) => ({
            line_item_id: a.line_item_id,
            location_id: a.location_id,
            lots: a.allocations.map((l) => ({ lot_id: l.lot_id, lot_number: l.lot_number, quantity: l.quantity })),
          })),
        })),
      }).config({ name: "emit-lot-allocated" })
    })
    when({ shortLines }, ({ shortLines }) => shortLines.length > 0).then(() => {
      emitEventStep({
        eventName: LotEvents.ALLOCATION_SHORTFALL,
        data: transform({ shortLines, input }, ({ shortLines, input }) => ({
          order_id: input.order_id,
          lines: shortLines.map((a) => ({
            line_item_id: a.line_item_id,
            inventory_item_id: a.inventory_item_id,
            location_id: a.location_id,
            quantity: a.shortfall,
            reason: a.shortfall_reason,
          })),
        })),
      }).config({ name: "emit-lot-allocation-shortfall" })
    })

    return new WorkflowResponse(allocations, { hooks: [narrowEligibleLots, lotsAllocated] })
  }
)
