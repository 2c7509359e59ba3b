import type { FulfillmentDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { LOT_MODULE, type FulfillLotsResult, type FulfillmentLineInput } from "../../modules/lot"
import { allocationRulesFor } from "../../modules/lot/domain/allocation-rules"
import type LotModuleService from "../../modules/lot/service"
import { followRolledBackFulfillment } from "./reservation-moves"

/** `additional_data.lots` on a fulfillment: what the picker actually picked. */
export const PickedLotsSchema = z
  .array(
    z
      .object({
        line_item_id: z.string().min(1).max(100),
        lot_id: z.string().min(1).max(100).optional(),
        lot_number: z.string().trim().min(1).max(64).optional(),
        quantity: z.number().int().positive().max(1_000_000_000),
      })
      .strict()
      .refine((pick) => Boolean(pick.lot_id) !== Boolean(pick.lot_number), "name the lot by lot_id or lot_number (one of them)"),
    { error: "additional_data.lots must be a list of { line_item_id, lot_id or lot_number, quantity }" }
  )
  .max(500)

export type ConfirmFulfillmentLotsInput = {
  fulfillment: Pick<FulfillmentDTO, "id" | "location_id"> & {
    items?: { line_item_id?: string | null; inventory_item_id?: string | null; quantity: unknown; sku?: string | null; title?: string | null }[]
  }
  additional_data?: Record<string, unknown> | null
  ship_date?: Date
}

/**
 * What the plugin does when Medusa creates a fulfillment: takes the shipped units out of the lots
 * (the picker's lots from `additional_data.lots`, else the line's FEFO allocations), refusing with
 * a MedusaError — which rolls Medusa's fulfillment back — when a lot may not ship. Call it from
 * your own `createOrderFulfillmentWorkflow.hooks.fulfillmentCreated` handler if your app already
 * owns that hook; undo it with `undoFulfillmentLots`.
 */
export async function confirmFulfillmentLots(
  container: MedusaContainer,
  input: ConfirmFulfillmentLotsInput
): Promise<FulfillLotsResult | null> {
  try {
    return await bookFulfillmentLots(container, input)
  } catch (error) {
    await followIfReservationsMoved(container, input).catch(() => undefined)
    throw error
  }
}

/**
 * A fulfillment at another location than where Medusa reserved its lines — where their open
 * allocations are, or their shortfalls when no lot covers them — made Medusa move those
 * reservations; the refusal makes it move them back (see followRolledBackFulfillment). Read now,
 * while the fulfillment still exists. At the lines' own location nothing moved, and nothing is
 * followed: a follow-up there would only race the next fulfillment of the order.
 */
async function followIfReservationsMoved(container: MedusaContainer, input: ConfirmFulfillmentLotsInput) {
  const items = (input.fulfillment.items ?? []).filter((i) => i.inventory_item_id && i.line_item_id)
  if (!items.length) return
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const lineIds = items.map((i) => i.line_item_id!)
  const [open, short] = await Promise.all([
    lots.listLotAllocations({ line_item_id: lineIds, status: "open" }, { select: ["location_id"] }),
    lots.listLotAllocationShortfalls({ line_item_id: lineIds, resolved_at: null }, { select: ["location_id"] }),
  ])
  if (![...open, ...short].some((row) => row.location_id !== input.fulfillment.location_id)) return
  const orderId = await orderOfFulfillment(container, input.fulfillment.id)
  if (orderId) {
    followRolledBackFulfillment(container, { order_id: orderId, inventory_item_ids: items.map((i) => i.inventory_item_id!) })
  }
}

async function orderOfFulfillment(container: MedusaContainer, fulfillmentId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "fulfillment", fields: ["id", "order.id"], filters: { id: fulfillmentId } })
  return (data[0] as { order?: { id: string } } | undefined)?.order?.id ?? null
}

async function bookFulfillmentLots(container: MedusaContainer, input: ConfirmFulfillmentLotsInput): Promise<FulfillLotsResult | null> {
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const items = (input.fulfillment.items ?? []).filter((i) => i.inventory_item_id && i.line_item_id)
  const itemIds = [...new Set(items.map((i) => i.inventory_item_id!))]
  const policies = itemIds.length ? await lots.listLotPolicies({ inventory_item_id: itemIds, tracked: true }) : []
  const policyOf = new Map(policies.map((p) => [p.inventory_item_id, p]))

  const parsed = PickedLotsSchema.safeParse(input.additional_data?.lots ?? [])
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid additional_data.lots: ${parsed.error.issues[0].message}`)
  }
  const picks = parsed.data
  const tracked = items.filter((i) => policyOf.has(i.inventory_item_id!))
  const strayPick = picks.find((p) => !tracked.some((i) => i.line_item_id === p.line_item_id))
  if (strayPick) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Picked lot ${strayPick.lot_number ?? strayPick.lot_id} names line ${strayPick.line_item_id}, which is not a lot-tracked line of this fulfillment.`
    )
  }
  if (!tracked.length) {
    return null
  }

  const orderId = await orderOfFulfillment(container, input.fulfillment.id)
  if (!orderId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No order found for fulfillment ${input.fulfillment.id}`)
  }

  const shipDate = input.ship_date ?? new Date()
  const lines = new Map<string, FulfillmentLineInput>()
  for (const item of tracked) {
    const policy = policyOf.get(item.inventory_item_id!)!
    const key = `${item.line_item_id}|${item.inventory_item_id}`
    const line = lines.get(key) ?? {
      line_item_id: item.line_item_id!,
      inventory_item_id: item.inventory_item_id!,
      label: item.sku || item.title || item.line_item_id!,
      quantity: 0,
      rules: allocationRulesFor(policy, shipDate),
      picks: picks.filter((p) => p.line_item_id === item.line_item_id),
    }
    line.quantity += Number(item.quantity)
    lines.set(key, line)
  }
  return await lots.fulfillOrderLines({
    order_id: orderId,
    fulfillment_id: input.fulfillment.id,
    location_id: input.fulfillment.location_id,
    lines: [...lines.values()],
  })
}

/** Undoes confirmFulfillmentLots: units back into their lots, allocations open again. */
export async function undoFulfillmentLots(container: MedusaContainer, result: FulfillLotsResult | null | undefined) {
  if (!result) {
    return
  }
  await container.resolve<LotModuleService>(LOT_MODULE).undoFulfillOrderLines(result)
}
