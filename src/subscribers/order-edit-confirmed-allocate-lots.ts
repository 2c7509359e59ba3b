import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settleOrderLotsWorkflow } from "../workflows/settle-order-lots"
import { trimOverReservations } from "../workflows/runners/over-reservations"

/**
 * Brings an edited order's allocations to its lines as Medusa re-reserved them: units an edit
 * added are allocated (or recorded short), units of lines it lowered or removed go back to their
 * lots before anyone picks them. Medusa re-reserves an edited line whole, units already fulfilled
 * included: that surplus is trimmed first, or it would hold stock back from sale for no one.
 */
export default async function allocateLotsOnOrderEditConfirmed({ event: { data }, container }: SubscriberArgs<{ order_id: string }>) {
  await trimOverReservations(container, { order_ids: [data.order_id] })
  await settleOrderLotsWorkflow(container).run({ input: { order_ids: [data.order_id] } })
}

export const config: SubscriberConfig = {
  event: "order-edit.confirmed",
}
