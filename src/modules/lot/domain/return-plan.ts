import type { ReturnPlanEntry } from "../types"

export type { ReturnPlanEntry }

/** Where a returned line's units may go back: lots the merchant named, then what the line shipped. */
export type ReturnDesignation = { lot_id: string; remaining: number }
export type ReturnableShipment = { shipment_id: string; lot_id: string; open: number }


/**
 * Splits `units` returned units of one order line over lots: first the lots the merchant named
 * (up to what they said), then the line's shipments, most recently shipped first — the likeliest
 * source when a customer sends back part of several shipments. `shipments` must be in that order.
 * Units named for a lot are matched to that lot's shipments so their returned counts stay right.
 */
export function planReturn(units: number, designations: ReturnDesignation[], shipments: ReturnableShipment[]) {
  const open = new Map(shipments.map((s) => [s.shipment_id, s.open]))
  const entries: ReturnPlanEntry[] = []
  let left = units

  const take = (lotId: string, wanted: number, chosenBy: ReturnPlanEntry["chosen_by"]) => {
    let rest = wanted
    for (const s of shipments) {
      if (rest === 0) break
      if (s.lot_id !== lotId) continue
      const quantity = Math.min(rest, open.get(s.shipment_id)!)
      if (quantity > 0) {
        entries.push({ lot_id: lotId, shipment_id: s.shipment_id, quantity, chosen_by: chosenBy })
        open.set(s.shipment_id, open.get(s.shipment_id)! - quantity)
        rest -= quantity
      }
    }
    // A named lot the line did not ship from (e.g. shipped before tracking began) still gets its units.
    if (rest > 0 && chosenBy === "merchant") {
      entries.push({ lot_id: lotId, shipment_id: null, quantity: rest, chosen_by: chosenBy })
      rest = 0
    }
    return wanted - rest
  }

  for (const d of designations) {
    if (left === 0) break
    left -= take(d.lot_id, Math.min(left, d.remaining), "merchant")
  }
  for (const s of shipments) {
    if (left === 0) break
    left -= take(s.lot_id, Math.min(left, open.get(s.shipment_id)!), "plugin")
  }
  return { entries, unmatched: left }
}

/** A canceled fulfillment's allocation: units it took from a lot for a line. */
export type CanceledFulfillmentUnits = { lot_id: string; line_item_id: string; quantity: number }
/** Units of that fulfillment (lot and line) already booked back into the lot by a return. */
export type AlreadyReturnedUnits = { lot_id: string; line_item_id: string; returned: number }

/**
 * How many units of each canceled allocation go back into its lot: those that did not already
 * come back by a return. Medusa restocks the whole fulfilled quantity on a cancel, even the
 * units a return had already restocked; following it would leave the lot holding units that
 * never existed. The rest is `already_returned`, the units Medusa counts twice.
 */
export function planFulfillmentCancelReturn<T extends CanceledFulfillmentUnits>(
  allocations: T[],
  returned: AlreadyReturnedUnits[]
): (T & { back: number; already_returned: number })[] {
  const key = (r: { lot_id: string; line_item_id: string }) => `${r.lot_id}\u0000${r.line_item_id}`
  const left = new Map<string, number>()
  for (const r of returned) left.set(key(r), (left.get(key(r)) ?? 0) + r.returned)
  return allocations.map((allocation) => {
    const alreadyReturned = Math.min(allocation.quantity, left.get(key(allocation)) ?? 0)
    left.set(key(allocation), (left.get(key(allocation)) ?? 0) - alreadyReturned)
    return { ...allocation, back: allocation.quantity - alreadyReturned, already_returned: alreadyReturned }
  })
}

/** A fulfillment's dates as Medusa holds them (null: Medusa does not know the fulfillment). */
export type FulfillmentState = { canceled_at: unknown; shipped_at: unknown; delivered_at: unknown } | null

/**
 * Why a cancel of this fulfillment must not put its units back into lots, or null when it may.
 * Units go back only for a fulfillment Medusa shows as canceled before it left: Medusa refuses
 * to cancel a shipped one, so a cancel event for a shipped or delivered fulfillment (replayed,
 * or sent by other code) would put units on the shelf that are with the customer.
 */
export function fulfillmentCancelRefusal(fulfillment: FulfillmentState): string | null {
  if (!fulfillment) return "Medusa does not know the fulfillment"
  if (fulfillment.delivered_at) return "Medusa shows the fulfillment as delivered"
  if (fulfillment.shipped_at) return "Medusa shows the fulfillment as shipped"
  if (!fulfillment.canceled_at) return "Medusa does not show the fulfillment as canceled"
  return null
}
