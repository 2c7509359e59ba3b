import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ChangeActionType, ContainerRegistrationKeys, OrderChangeStatus, OrderChangeType } from "@medusajs/framework/utils"
import { LOT_MODULE, type BookReturnInput } from "../../modules/lot"
import { restockedReturnUnits } from "../../modules/lot/domain/return-restock"
import type LotModuleService from "../../modules/lot/service"

type ReturnRow = {
  id: string
  order_id: string
  location_id: string | null
  items?: {
    item_id: string
    item?: {
      variant_id?: string | null
      variant?: {
        manage_inventory?: boolean
        inventory_items?: {
          inventory_item_id: string
          required_quantity: unknown
          inventory?: { location_levels?: { location_id: string }[] } | null
        }[]
      } | null
    } | null
  }[]
}

type ReceiveSessionRow = { actions?: { action: string; details?: { reference_id?: string; quantity?: unknown } | null }[] }

export const getReturnLotDemandStepId = "get-return-lot-demand"
/**
 * What Medusa restocked for a received return, per order line and lot-tracked inventory item,
 * summed over the return's confirmed receive sessions and worked out by Medusa's own rule
 * (`restockedReturnUnits`: undamaged units, per inventory item). Null when the return has no
 * location or nothing lot-tracked. Reads only; used first by `receiveReturnLotsWorkflow`.
 *
 * @example
 * const demand = getReturnLotDemandStep({ return_id: "return_1" })
 */
export const getReturnLotDemandStep = createStep(
  getReturnLotDemandStepId,
  async (input: { return_id: string; actor_id?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    // The fields Medusa's confirmReturnReceiveWorkflow reads, so the return's items come in its order.
    const { data } = await query.graph({
      entity: "return",
      fields: [
        "id", "order_id", "location_id", "items.*", "items.item.variant_id", "items.item.variant.manage_inventory",
        "items.item.variant.inventory_items.inventory_item_id", "items.item.variant.inventory_items.required_quantity",
        "items.item.variant.inventory_items.inventory.location_levels.location_id",
      ],
      filters: { id: input.return_id },
    })
    const ret = data[0] as ReturnRow | undefined
    if (!ret?.location_id) {
      return new StepResponse(null)
    }
    const { data: sessions } = await query.graph({
      entity: "order_change",
      fields: ["id", "actions.action", "actions.details"],
      filters: { return_id: ret.id, change_type: OrderChangeType.RETURN_RECEIVE, status: OrderChangeStatus.CONFIRMED },
    })
    const lines: BookReturnInput["lines"] = restockedReturnUnits(
      ret.location_id,
      (ret.items ?? []).map((item) => ({
        line_item_id: item.item_id,
        variant_id: item.item?.variant_id ?? null,
        manage_inventory: !!item.item?.variant?.manage_inventory,
        inventory_items: (item.item?.variant?.inventory_items ?? []).map((link) => ({
          inventory_item_id: link.inventory_item_id,
          required_quantity: Number(link.required_quantity ?? 1),
          location_ids: (link.inventory?.location_levels ?? []).map((level) => level.location_id),
        })),
      })),
      (sessions as ReceiveSessionRow[]).map((session) => ({
        received: (session.actions ?? [])
          .filter((a) => a.action === ChangeActionType.RECEIVE_RETURN_ITEM && a.details?.reference_id)
          .map((a) => ({ line_item_id: a.details!.reference_id!, quantity: Number(a.details!.quantity ?? 0) })),
      }))
    )
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
