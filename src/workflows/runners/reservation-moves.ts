import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { settleOrderLotsWorkflow } from "../settle-order-lots"
import { recountReservedQuantitiesOfItems } from "./reserved-recount"

/**
 * Follows Medusa after it moved an order's reservations between locations: its reserved
 * quantities are recounted first (Medusa 2.21 moves a reservation without taking it off the first
 * location's level), then the order is allocated again, so each line's lots sit where Medusa now
 * reserves the line (what stays short there is recorded short).
 */
export async function followReservationMoves(container: MedusaContainer, input: { order_id: string; inventory_item_ids: string[] }) {
  await recountReservedQuantitiesOfItems(container, { inventory_item_ids: input.inventory_item_ids })
  await settleOrderLotsWorkflow(container).run({ input: { order_ids: [input.order_id] } })
}

/**
 * Seconds after a refused fulfillment at which its order is followed: Medusa rolls back after the
 * refusal is thrown, usually within milliseconds; the second pass covers a slow rollback on a busy
 * server, and the scheduled repair anything later still.
 */
const FOLLOW_AFTER_ROLLBACK_SECONDS = [1, 5]

let followUpsPending = 0

/** Follow-ups scheduled or running in this process: until none is left, the lots may still move. */
export function pendingFollowUps(): number {
  return followUpsPending
}

/**
 * After the plugin refused a fulfillment: Medusa's rollback moves the lines' reservations back
 * with the same one-sided level update, or, when the first location no longer seems to have room,
 * fails half-way and leaves them where the fulfillment was. Either way the order is followed once
 * the rollback is done (in the background; a failure is logged, the scheduled repair finds it).
 */
export function followRolledBackFulfillment(container: MedusaContainer, input: { order_id: string; inventory_item_ids: string[] }) {
  if (!input.inventory_item_ids.length) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const seconds of FOLLOW_AFTER_ROLLBACK_SECONDS) {
    followUpsPending++
    setTimeout(() => {
      followReservationMoves(container, input)
        .catch((error: Error) =>
          logger.warn(`lot-tracking: following order ${input.order_id} after a refused fulfillment failed: ${error.message}`)
        )
        .finally(() => followUpsPending--)
    }, seconds * 1000).unref()
  }
}
