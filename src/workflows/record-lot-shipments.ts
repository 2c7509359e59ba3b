import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getFulfillmentShipmentSnapshotStep, syncLotShipmentsStep } from "./steps"

export type RecordLotShipmentsWorkflowInput = { fulfillment_id: string }

export const recordLotShipmentsWorkflowId = "record-lot-shipments"
/**
 * Keeps a fulfillment's shipment links (lot -> order line -> customer and ship-to address) in
 * line with Medusa: created when the fulfillment is, dated when it ships and is delivered, marked
 * canceled when it is canceled. Runs from the fulfillment, shipment and delivery subscriber (a
 * cancel runs the same steps inside `cancelFulfillmentLotsWorkflow`); safe to run any number of
 * times, in any order.
 *
 * @example
 * await recordLotShipmentsWorkflow(container).run({ input: { fulfillment_id: "ful_1" } })
 */
export const recordLotShipmentsWorkflow = createWorkflow(
  recordLotShipmentsWorkflowId,
  (input: WorkflowData<RecordLotShipmentsWorkflowInput>) => {
    const snapshot = getFulfillmentShipmentSnapshotStep(input)
    return new WorkflowResponse(syncLotShipmentsStep(snapshot))
  }
)
