import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { allocateOrderLotsWorkflow } from "../workflows/allocate-order-lots"

/**
 * Brings an edited order's allocations to its lines as Medusa re-reserved them: units an edit
 * added are allocated (or recorded short), units of lines it lowered or removed go back to their
 * lots before anyone picks them.
 */
export default async function allocateLotsOnOrderEditConfirmed({ event: { data }, container }: SubscriberArgs<{ order_id: string }>) {
  await allocateOrderLotsWorkflow(container).run({ input: { order_ids: [data.order_id] } })
}

export const config: SubscriberConfig = {
  event: "order-edit.confirmed",
}
