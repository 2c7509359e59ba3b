/**
 * Medusa's own admin routes for changing a placed order: order edits, claims and exchanges, each
 * opened, filled and confirmed the way the admin dashboard does it.
 */
import { post, type Headers, type HttpClient } from "./store"

export type OrderEditChange =
  | { item_id: string; quantity: number }
  | { add: { variant_id: string; quantity: number } }

/**
 * POST /admin/order-edits, one action per change (a quantity of an existing line, 0 removes it;
 * or a new line), then /request and /confirm. Medusa re-reserves what changed on confirmation.
 */
export async function editOrder(api: HttpClient, headers: Headers, orderId: string, changes: OrderEditChange[]) {
  await post(api, "/admin/order-edits", { order_id: orderId }, headers)
  for (const change of changes) {
    if ("add" in change) {
      await post(api, `/admin/order-edits/${orderId}/items`, { items: [change.add] }, headers)
    } else {
      await post(api, `/admin/order-edits/${orderId}/items/item/${change.item_id}`, { quantity: change.quantity }, headers)
    }
  }
  await post(api, `/admin/order-edits/${orderId}/request`, {}, headers)
  await post(api, `/admin/order-edits/${orderId}/confirm`, {}, headers)
}

export interface OrderChangeOutbound {
  /** Replacement units sent to the customer. */
  items: { variant_id: string; quantity: number }[]
  /** Shipping option the outbound units leave with (Medusa reserves them only with one). */
  shipping_option_id: string
}

/**
 * A replacement claim: POST /admin/claims, the claimed units (`claim-items`), the outbound
 * replacement items and their shipping method, then /request (which confirms it).
 */
export async function claimWithReplacement(
  api: HttpClient,
  headers: Headers,
  orderId: string,
  claimed: { id: string; quantity: number }[],
  outbound: OrderChangeOutbound
): Promise<string> {
  const { claim } = await post<{ claim: { id: string } }>(api, "/admin/claims", { type: "replace", order_id: orderId }, headers)
  await post(api, `/admin/claims/${claim.id}/claim-items`, { items: claimed.map((c) => ({ ...c, reason: "production_failure" })) }, headers)
  await post(api, `/admin/claims/${claim.id}/outbound/items`, { items: outbound.items }, headers)
  await post(api, `/admin/claims/${claim.id}/outbound/shipping-method`, { shipping_option_id: outbound.shipping_option_id }, headers)
  await post(api, `/admin/claims/${claim.id}/request`, {}, headers)
  return claim.id
}

/**
 * An exchange: POST /admin/exchanges, the inbound (returned) units, the outbound items and their
 * shipping method, then /request (which confirms it).
 */
export async function exchangeItems(
  api: HttpClient,
  headers: Headers,
  orderId: string,
  inbound: { items: { id: string; quantity: number }[]; location_id: string },
  outbound: OrderChangeOutbound
): Promise<string> {
  const { exchange } = await post<{ exchange: { id: string } }>(api, "/admin/exchanges", { order_id: orderId }, headers)
  await post(api, `/admin/exchanges/${exchange.id}/inbound/items`, inbound, headers)
  await post(api, `/admin/exchanges/${exchange.id}/outbound/items`, { items: outbound.items }, headers)
  await post(api, `/admin/exchanges/${exchange.id}/outbound/shipping-method`, { shipping_option_id: outbound.shipping_option_id }, headers)
  await post(api, `/admin/exchanges/${exchange.id}/request`, {}, headers)
  return exchange.id
}
