import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelFulfillmentLotsWorkflow } from "../workflows/cancel-fulfillment-lots"

/**
 * The one handler of `order.fulfillment_canceled`: the fulfillment's units go back into their lots,
 * its shipment links are marked canceled, and the order is allocated again.
 */
export default async function returnLotsOnFulfillmentCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  await cancelFulfillmentLotsWorkflow(container).run({
    input: { order_id: data.order_id, fulfillment_id: data.fulfillment_id },
  })
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_canceled",
}
