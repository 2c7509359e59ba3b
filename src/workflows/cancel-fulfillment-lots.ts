import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { allocateOrderLotsWorkflow } from "./allocate-order-lots"
import { reallocateShortLinesWorkflow } from "./reallocate-short-lines"
import { freedStock } from "./settle-order-lots"
import {
  getFulfillmentShipmentSnapshotStep,
  returnFulfilledLotsStep,
  syncLotShipmentsStep,
  syncLotStockBlocksStep,
} from "./steps"

export type CancelFulfillmentLotsWorkflowInput = { order_id: string; fulfillment_id: string }

export const cancelFulfillmentLotsWorkflowId = "cancel-fulfillment-lots"
/**
 * Follows Medusa when a fulfillment is canceled, in this order: its units go back into their lots
 * (which marks its shipment links canceled); the links are brought in line with the fulfillment
 * as Medusa now holds it (a link the fulfillment never got is recorded, already canceled); the
 * order's lines — reserved again by Medusa — are allocated to lots again (FEFO); what that leaves
 * free of the returned units, or gives back, goes to other orders' lines short there; units
 * returned into a lot that may not be sold are held back from sale again. Runs from the
 * `order.fulfillment_canceled` subscriber; a replayed event changes nothing.
 *
 * @example
 * await cancelFulfillmentLotsWorkflow(container).run({ input: { order_id: "order_1", fulfillment_id: "ful_1" } })
 */
export const cancelFulfillmentLotsWorkflow = createWorkflow(
  cancelFulfillmentLotsWorkflowId,
  (input: WorkflowData<CancelFulfillmentLotsWorkflowInput>) => {
    const returned = returnFulfilledLotsStep({ fulfillment_id: input.fulfillment_id })
    // After the return, which already canceled the links: a later step's rollback then removes only what this sync added.
    const shipments = syncLotShipmentsStep(getFulfillmentShipmentSnapshotStep({ fulfillment_id: input.fulfillment_id }))
    const allocations = allocateOrderLotsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
    })
    reallocateShortLinesWorkflow.runAsStep({
      input: transform({ returned, allocations }, ({ returned, allocations }) => [
        ...returned.lot_ids.map((lot_id) => ({ lot_id, location_id: null })),
        ...freedStock(allocations),
      ]),
    })
    // Units returned into a lot that is on hold (or worse) must be kept from sale again.
    syncLotStockBlocksStep(transform({ returned }, ({ returned }) => ({ lot_ids: returned.lot_ids })))
    return new WorkflowResponse({ returned, shipments, allocations })
  }
)
