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
