import { get, post, type Headers, type HttpClient } from "./store"

/** POST /admin/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered. */
export async function markDelivered(api: HttpClient, headers: Headers, orderId: string, fulfillmentId: string) {
  await post(api, `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, headers)
}

/** Opens and confirms a return of `items` (line id and quantity) to `locationId`; returns its id. */
export async function requestReturn(
  api: HttpClient,
  headers: Headers,
  orderId: string,
  locationId: string,
  items: { id: string; quantity: number }[]
): Promise<string> {
  const { return: ret } = await post<{ return: { id: string } }>(api, "/admin/returns", { order_id: orderId, location_id: locationId }, headers)
  await post(api, `/admin/returns/${ret.id}/request-items`, { items }, headers)
  await post(api, `/admin/returns/${ret.id}/request`, {}, headers)
  return ret.id
}

/** Receives `items` of a requested return (Medusa restocks them at the return's location). */
export async function receiveReturn(
  api: HttpClient,
  headers: Headers,
  returnId: string,
  items: { id: string; quantity: number }[]
) {
  await post(api, `/admin/returns/${returnId}/receive`, {}, headers)
  await post(api, `/admin/returns/${returnId}/receive-items`, { items }, headers)
  await post(api, `/admin/returns/${returnId}/receive/confirm`, {}, headers)
}

export async function returnLots(api: HttpClient, headers: Headers, returnId: string) {
  return (await get<{ return_lots: ReturnLotView[] }>(api, `/admin/returns/${returnId}/lots`, headers)).return_lots
}

export interface ReturnLotView {
  lot_id: string
  line_item_id: string
  quantity: number
  designated_quantity: number | null
  status: string
  chosen_by: string
  quarantined: boolean
}
