import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { followReservationMoves } from "../workflows/runners/reservation-moves"

/**
 * Brings a fulfilled order's open allocations to where Medusa now reserves its lines: a line
 * partly fulfilled at another location than its reservation has the rest of that reservation
 * moved there by Medusa, so its remaining allocation is given back at the first location and
 * allocated at the new one (or recorded short there). The same move leaves Medusa's reserved
 * quantity too high at the first location, so the fulfilled items' levels are recounted first.
 */
export default async function allocateLotsOnFulfillmentCreated({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: fulfillments } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "items.inventory_item_id"],
    filters: { id: data.fulfillment_id },
  })
  const items = (fulfillments[0]?.items ?? []) as { inventory_item_id?: string | null }[]
  const itemIds = items.map((i) => i.inventory_item_id).filter((id): id is string => Boolean(id))
  await followReservationMoves(container, { order_id: data.order_id, inventory_item_ids: itemIds })
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
}
