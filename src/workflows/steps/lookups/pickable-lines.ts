import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"

/** An order as the picking screens need it (typed here: the generated query types may be absent). */
export type PickOrder = {
  id: string
  display_id?: number | string | null
  created_at: Date | string
  email?: string | null
  status?: string | null
  shipping_address?: { first_name?: string | null; last_name?: string | null } | null
  items?:
    | ({
        id: string
        title: string
        product_title?: string | null
        variant_title?: string | null
        variant_sku?: string | null
        variant_barcode?: string | null
        thumbnail?: string | null
        requires_shipping?: boolean | null
        quantity: BigNumberInput
        detail?: { quantity: BigNumberInput; fulfilled_quantity: BigNumberInput } | null
      } | null)[]
    | null
}
export type PickOrderLine = NonNullable<NonNullable<PickOrder["items"]>[number]>

/** A line with units to pick at the location, and the inventory item they come from (if any). */
export type PickableLine = { item: PickOrderLine; quantity: number; inventory_item_id: string | null }

type Reservation = { line_item_id?: string | null; inventory_item_id: string; location_id: string; quantity: unknown }

const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "email",
  "status",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.variant_sku",
  "items.variant_barcode",
  "items.thumbnail",
  "items.requires_shipping",
  "items.quantity",
  // The quantities live on the item's detail; `items.quantity` alone comes back empty beside it.
  "items.detail.quantity",
  "items.detail.fulfilled_quantity",
]

/** Orders that can still be picked: not canceled, not a draft. */
const PICKABLE_STATUSES = ["pending", "requires_action"]

/** The orders (in any order) with their lines and every reservation Medusa holds for those lines. */
export async function loadPickOrders(container: MedusaContainer, orderIds: string[]) {
  if (!orderIds.length) {
    return { orders: [] as PickOrder[], reservations: [] as Reservation[] }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } })
  // Typed here: the generated query types may be absent (a plugin build) or differ.
  const orders = (data as unknown as PickOrder[]).filter((o) => PICKABLE_STATUSES.includes(o.status ?? "pending"))
  const lineIds = orders.flatMap((o) => (o.items ?? []).map((i) => i?.id)).filter((id): id is string => Boolean(id))
  const reservations: Reservation[] = lineIds.length
    ? await container
        .resolve(Modules.INVENTORY)
        .listReservationItems({ line_item_id: lineIds }, { select: ["line_item_id", "inventory_item_id", "location_id", "quantity"] })
    : []
  return { orders, reservations }
}

/**
 * The order's lines with units to pick at the location. A line is picked where Medusa reserved
 * its units (what a fulfillment from there takes), at most what it has not fulfilled yet; a line
 * Medusa reserves nothing for (an item without managed inventory) can ship from any location.
 */
export function pickableLines(order: PickOrder, reservations: Reservation[], locationId: string): PickableLine[] {
  const lines: PickableLine[] = []
  for (const item of order.items ?? []) {
    if (!item || item.requires_shipping === false) continue
    const unfulfilled = MathBN.sub(item.detail?.quantity ?? item.quantity, item.detail?.fulfilled_quantity ?? 0).toNumber()
    if (unfulfilled <= 0) continue
    const own = reservations.filter((r) => r.line_item_id === item.id)
    if (!own.length) {
      lines.push({ item, quantity: unfulfilled, inventory_item_id: null })
      continue
    }
    const here = own.filter((r) => r.location_id === locationId)
    const reserved = here.reduce((sum, r) => sum + Number(r.quantity), 0)
    if (reserved > 0) {
      lines.push({ item, quantity: Math.min(unfulfilled, reserved), inventory_item_id: here[0].inventory_item_id })
    }
  }
  return lines
}

/** The ship-to name, else the e-mail: how a picker names the customer. */
export function customerOf(order: PickOrder): string | null {
  const name = [order.shipping_address?.first_name, order.shipping_address?.last_name].filter(Boolean).join(" ").trim()
  return name || order.email || null
}
