import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settleOrderLotsWorkflow } from "../workflows/settle-order-lots"

/** Allocates a new order's lot-tracked lines to lots (FEFO by default) as soon as it is placed. */
export default async function allocateLotsOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await settleOrderLotsWorkflow(container).run({ input: { order_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
