import { compareLots, ineligibilityReason, planAllocation, type AllocatableLot, type AllocationRules } from "./allocation"

/** A lot with stock at the fulfillment location, seen from one order line. */
export type LineLot = AllocatableLot & {
  /** Units of this lot at the location that are allocated to this very line. */
  own_open: number
}

export type LotPick = { lot_id: string; quantity: number }
export type LotTake = { lot_id: string; lot_number: string; quantity: number; from_own_allocation: number }
export type FulfillmentPlan = { ok: true; takes: LotTake[] } | { ok: false; reason: string }

/**
 * Decides which lots a fulfilled line ships from. With picks (what the picker scanned or chose):
 * each picked lot must be eligible and hold enough units not promised to other orders, and the
 * picks must add up to the fulfilled quantity. Without picks: the line's own allocations first
 * (what the pick list told the picker), then other eligible lots by strategy. A lot that went on
 * hold or will not keep until shipment is never used; if eligible stock is short the plan fails
 * with the reason. `available` on each lot counts units free for anyone; `own_open` comes on top.
 */
export function planFulfillment(
  lots: LineLot[],
  quantity: number,
  rules: AllocationRules,
  picks?: LotPick[]
): FulfillmentPlan {
  const byId = new Map(lots.map((lot) => [lot.lot_id, lot]))
  if (picks?.length) {
    const picked = new Map<string, number>()
    for (const pick of picks) picked.set(pick.lot_id, (picked.get(pick.lot_id) ?? 0) + pick.quantity)
    const total = [...picked.values()].reduce((sum, q) => sum + q, 0)
    if (total !== quantity) {
      return { ok: false, reason: `the picked lots add up to ${total} unit(s), but ${quantity} are being fulfilled` }
    }
    const takes: LotTake[] = []
    for (const [lotId, wanted] of picked) {
      const lot = byId.get(lotId)!
      const reason = ineligibilityReason(lot, rules)
      if (reason) {
        return { ok: false, reason: `picked ${reason}` }
      }
      const free = lot.available + lot.own_open
      if (wanted > free) {
        return {
          ok: false,
          reason: `picked lot ${lot.lot_number} has only ${free} unit(s) free here (the rest is promised to other orders); ${wanted} picked`,
        }
      }
      takes.push({ lot_id: lotId, lot_number: lot.lot_number, quantity: wanted, from_own_allocation: Math.min(wanted, lot.own_open) })
    }
    return { ok: true, takes }
  }

  const takes = new Map<string, LotTake>()
  let remaining = quantity
  const own = lots
    .filter((lot) => lot.own_open > 0 && ineligibilityReason(lot, rules) === null)
    .sort(compareLots(rules.strategy, rules.removal_lead_days))
  for (const lot of own) {
    if (remaining === 0) break
    const take = Math.min(lot.own_open, remaining)
    takes.set(lot.lot_id, { lot_id: lot.lot_id, lot_number: lot.lot_number, quantity: take, from_own_allocation: take })
    remaining -= take
  }
  if (remaining > 0) {
    const more = planAllocation(lots, remaining, rules)
    for (const extra of more.allocations) {
      const prior = takes.get(extra.lot_id)
      takes.set(extra.lot_id, {
        lot_id: extra.lot_id,
        lot_number: extra.lot_number,
        quantity: (prior?.quantity ?? 0) + extra.quantity,
        from_own_allocation: prior?.from_own_allocation ?? 0,
      })
    }
    remaining = more.shortfall
  }
  if (remaining > 0) {
    const blocked = lots
      .map((lot) => ineligibilityReason(lot, rules))
      .filter((reason): reason is string => reason !== null)
    const eligible = quantity - remaining
    return {
      ok: false,
      reason:
        `only ${eligible} of ${quantity} unit(s) are in lots that may ship` +
        (blocked.length ? ` (${blocked.slice(0, 3).join("; ")}${blocked.length > 3 ? "; …" : ""})` : ""),
    }
  }
  return { ok: true, takes: [...takes.values()] }
}
