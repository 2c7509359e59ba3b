import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settleOrderLotsWorkflow } from "../workflows/settle-order-lots"

/**
 * Allocates a confirmed exchange's outbound lines to lots, as Medusa reserved them. The units
 * that come back are a return, booked when it is received.
 */
export default async function allocateLotsOnExchangeCreated({ event: { data }, container }: SubscriberArgs<{ order_id: string; exchange_id: string }>) {
  await settleOrderLotsWorkflow(container).run({ input: { order_ids: [data.order_id] } })
}

export const config: SubscriberConfig = {
  event: "order.exchange_created",
}
