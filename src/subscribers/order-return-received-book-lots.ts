import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { receiveReturnLotsWorkflow } from "../workflows/receive-return-lots"

/** Returned units go back into the lots they shipped from, at the return's location. */
export default async function bookReturnedLots({ event: { data }, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await receiveReturnLotsWorkflow(container).run({ input: { return_id: data.return_id } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
}
