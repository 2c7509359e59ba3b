import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseOrderLotsWorkflow } from "../workflows/release-order-lots"

/** A canceled order gives its lot allocations back. */
export default async function releaseLotsOnOrderCanceled({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await releaseOrderLotsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
