import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOT_MODULE, type StockGain } from "../modules/lot"
import type LotModuleService from "../modules/lot/service"
import { reallocateShortLinesWorkflow } from "../workflows/reallocate-short-lines"
import { followReservationMoves } from "../workflows/runners/reservation-moves"

/**
 * Brings a fulfilled order's open allocations to where Medusa now reserves its lines: a line
 * partly fulfilled at another location than its reservation has the rest of that reservation
 * moved there by Medusa, so its remaining allocation is given back at the first location and
 * allocated at the new one (or recorded short there). The same move leaves Medusa's reserved
 * quantity too high at the first location, so the fulfilled items' levels are recounted first.
 * Units a fulfilled line gave back where it was allocated (it shipped from other lots) then cover
 * other lines left short there.
 */
export default async function allocateLotsOnFulfillmentCreated({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: fulfillments } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "items.inventory_item_id", "items.line_item_id"],
    filters: { id: data.fulfillment_id },
  })
  const items = (fulfillments[0]?.items ?? []) as { inventory_item_id?: string | null; line_item_id?: string | null }[]
  const itemIds = items.map((i) => i.inventory_item_id).filter((id): id is string => Boolean(id))
  await followReservationMoves(container, { order_id: data.order_id, inventory_item_ids: itemIds })

  const lineIds = items.map((i) => i.line_item_id).filter((id): id is string => Boolean(id))
  const given = lineIds.length
    ? await container.resolve<LotModuleService>(LOT_MODULE).listLotAllocations(
        { line_item_id: lineIds, status: "released" },
        { select: ["lot_id", "location_id"] }
      )
    : []
  const gains = new Map<string, StockGain>(given.map((a) => [`${a.lot_id}|${a.location_id}`, { lot_id: a.lot_id, location_id: a.location_id }]))
  if (gains.size) {
    await reallocateShortLinesWorkflow(container).run({ input: [...gains.values()] })
  }
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
}
