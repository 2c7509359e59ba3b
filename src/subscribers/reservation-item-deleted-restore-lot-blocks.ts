import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { restoreDeletedLotBlocksWorkflow } from "../workflows/restore-deleted-lot-blocks"

/**
 * A reservation deleted through Medusa's `deleteReservationsWorkflow` (its Reservations page,
 * `DELETE /admin/reservations/:id`): if it held a lot's unsellable units back, it is put back at
 * once and the deletion recorded. The workflow event, not the module's
 * `inventory.reservation-item.deleted`: that one also fires for every reservation a checkout,
 * fulfillment or the plugin itself removes.
 */
export default async function restoreLotBlocksOnReservationDeleted({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await restoreDeletedLotBlocksWorkflow(container).run({ input: { reservation_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: ReservationItemWorkflowEvents.DELETED,
}
