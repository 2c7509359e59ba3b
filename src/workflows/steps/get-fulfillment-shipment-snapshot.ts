import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LotShipmentSnapshot } from "../../modules/lot"

type AddressRow = Record<string, unknown> & { first_name?: string | null; last_name?: string | null }
type FulfillmentRow = {
  id: string
  created_at: Date | string
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  canceled_at: Date | string | null
  delivery_address?: AddressRow | null
  order?: {
    id: string
    email?: string | null
    customer_id?: string | null
    customer?: { first_name?: string | null; last_name?: string | null; email?: string | null } | null
    shipping_address?: AddressRow | null
  } | null
}

const ADDRESS_FIELDS = [
  "first_name", "last_name", "company", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone",
]

const fullName = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" ").trim() || null

/** The ship-to address as it was when the units left, without Medusa's internal ids. */
function addressSnapshot(address: AddressRow | null | undefined): Record<string, unknown> | null {
  if (!address) return null
  return Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address[field] ?? null]))
}

export const getFulfillmentShipmentSnapshotStepId = "get-fulfillment-shipment-snapshot"
/**
 * Reads a fulfillment, its order and customer as Medusa holds them now: who the units went to,
 * where, and when they left, shipped and arrived. Null when the fulfillment belongs to no order.
 * Reads only; used by `recordLotShipmentsWorkflow` and `cancelFulfillmentLotsWorkflow`.
 *
 * @example
 * const snapshot = getFulfillmentShipmentSnapshotStep({ fulfillment_id: "ful_1" })
 */
export const getFulfillmentShipmentSnapshotStep = createStep(
  getFulfillmentShipmentSnapshotStepId,
  async (input: { fulfillment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "fulfillment",
      fields: [
        "id", "created_at", "shipped_at", "delivered_at", "canceled_at", "delivery_address.*",
        "order.id", "order.email", "order.customer_id", "order.customer.first_name", "order.customer.last_name",
        "order.customer.email", "order.shipping_address.*",
      ],
      filters: { id: input.fulfillment_id },
    })
    const row = data[0] as FulfillmentRow | undefined
    if (!row?.order) {
      return new StepResponse(null)
    }
    const address = row.delivery_address ?? row.order.shipping_address
    const snapshot: LotShipmentSnapshot = {
      fulfillment_id: row.id,
      customer_id: row.order.customer_id ?? null,
      customer_email: row.order.email ?? row.order.customer?.email ?? null,
      customer_name:
        fullName(row.order.customer?.first_name, row.order.customer?.last_name) ??
        fullName(address?.first_name, address?.last_name),
      ship_to: addressSnapshot(address),
      fulfilled_at: row.created_at,
      shipped_at: row.shipped_at,
      delivered_at: row.delivered_at,
      canceled_at: row.canceled_at,
    }
    return new StepResponse(snapshot)
  }
)
