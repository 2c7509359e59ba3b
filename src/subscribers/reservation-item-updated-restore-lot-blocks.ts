import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { restoreEditedLotBlocksWorkflow } from "../workflows/restore-edited-lot-blocks"

/**
 * A reservation edited through Medusa's `updateReservationsWorkflow` (its Reservations page,
 * `POST /admin/reservations/:id`): if it held a lot's unsellable units back, its quantity and
 * location are put back at once and the edit recorded. Medusa's fulfillments emit the same event
 * for the order reservations they move; those are not blocks and are ignored.
 */
export default async function restoreLotBlocksOnReservationUpdated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await restoreEditedLotBlocksWorkflow(container).run({ input: { reservation_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: ReservationItemWorkflowEvents.UPDATED,
}
