import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOT_MODULE, type BookReturnInput } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

type ReturnRow = {
  id: string
  order_id: string
  location_id: string | null
  items?: {
    item_id: string
    received_quantity: unknown
    damaged_quantity: unknown
    item?: { variant?: { manage_inventory?: boolean; inventory_items?: { inventory_item_id: string; required_quantity: unknown }[] } | null } | null
  }[]
}

export const getReturnLotDemandStepId = "get-return-lot-demand"
/**
 * What Medusa restocked for a received return, per order line and lot-tracked inventory item:
 * received minus damaged units (Medusa does not restock damaged ones), times the units of the item
 * per variant. Null when the return has no location or nothing lot-tracked. Reads only; used first
 * by `receiveReturnLotsWorkflow`.
 *
 * @example
 * const demand = getReturnLotDemandStep({ return_id: "return_1" })
 */
export const getReturnLotDemandStep = createStep(
  getReturnLotDemandStepId,
  async (input: { return_id: string; actor_id?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: [
        "id", "order_id", "location_id", "items.item_id", "items.received_quantity", "items.damaged_quantity",
        "items.item.variant.manage_inventory", "items.item.variant.inventory_items.inventory_item_id",
        "items.item.variant.inventory_items.required_quantity",
      ],
      filters: { id: input.return_id },
    })
    const ret = data[0] as ReturnRow | undefined
    if (!ret?.location_id) {
      return new StepResponse(null)
    }
    const lines: BookReturnInput["lines"] = []
    for (const item of ret.items ?? []) {
      const restocked = Number(item.received_quantity ?? 0) - Number(item.damaged_quantity ?? 0)
      const variant = item.item?.variant
      if (restocked <= 0 || !variant?.manage_inventory) continue
      for (const link of variant.inventory_items ?? []) {
        lines.push({ line_item_id: item.item_id, inventory_item_id: link.inventory_item_id, units: restocked * Number(link.required_quantity ?? 1) })
      }
    }
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const itemIds = [...new Set(lines.map((l) => l.inventory_item_id))]
    const tracked = new Set(
      itemIds.length
        ? (await lots.listLotPolicies({ inventory_item_id: itemIds, tracked: true })).map((p) => p.inventory_item_id)
        : []
    )
    const trackedLines = lines.filter((l) => tracked.has(l.inventory_item_id))
    if (!trackedLines.length) {
      return new StepResponse(null)
    }
    const demand: BookReturnInput = {
      return_id: ret.id,
      order_id: ret.order_id,
      location_id: ret.location_id,
      quarantine: lots.getOptions().return_to_quarantine,
      lines: trackedLines,
      actor_id: input.actor_id,
    }
    return new StepResponse(demand)
  }
)
