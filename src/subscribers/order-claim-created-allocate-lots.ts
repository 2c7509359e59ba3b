import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settleOrderLotsWorkflow } from "../workflows/settle-order-lots"

/**
 * Allocates a confirmed claim's outbound (replacement) lines to lots, as Medusa reserved them.
 * The claimed units that come back are a return, booked when it is received.
 */
export default async function allocateLotsOnClaimCreated({ event: { data }, container }: SubscriberArgs<{ order_id: string; claim_id: string }>) {
  await settleOrderLotsWorkflow(container).run({ input: { order_ids: [data.order_id] } })
}

export const config: SubscriberConfig = {
  event: "order.claim_created",
}
