import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordLotShipmentsWorkflow } from "../workflows/record-lot-shipments"

type FulfillmentEventData = { fulfillment_id?: string; id?: string }

/**
 * Shipment links follow the fulfillment as it is created, shipped and delivered (a cancel is
 * handled by the `order.fulfillment_canceled` subscriber). Every event reads the fulfillment as it
 * is now, so duplicates and events out of order end in the same links.
 */
export default async function recordLotShipments({ event: { data }, container }: SubscriberArgs<FulfillmentEventData>) {
  // order.fulfillment_created carries fulfillment_id; shipment.created and delivery.created carry id.
  const fulfillmentId = data.fulfillment_id ?? data.id
  if (fulfillmentId) {
    await recordLotShipmentsWorkflow(container).run({ input: { fulfillment_id: fulfillmentId } })
  }
}

export const config: SubscriberConfig = {
  event: ["order.fulfillment_created", "shipment.created", "delivery.created"],
}
