import { compareLots, ineligibilityReason, planAllocation, type AllocatableLot, type AllocationRules } from "./allocation"
import { normalizeLotNumber } from "./lot-number-template"
import { compareKeptAllocations, leastPreferredFirst } from "./strategy-order"
import type { LotPickInput } from "../types"

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

export type KnownLot = { id: string; lot_number: string; inventory_item_id: string }
export type ResolvedPicks = { ok: true; picks: LotPick[] } | { ok: false; reason: string }

/**
 * The picks of one line as lots: each must name an existing lot (by id or lot number) of the
 * line's product with stock at the fulfillment location (`stockedLotIds`).
 */
export function resolveLotPicks(
  picks: LotPickInput[],
  known: KnownLot[],
  inventoryItemId: string,
  stockedLotIds: ReadonlySet<string>
): ResolvedPicks {
  const resolved: LotPick[] = []
  for (const pick of picks) {
    const ref = pick.lot_id ?? pick.lot_number ?? ""
    const lot = known.find((k) => k.id === pick.lot_id || k.lot_number === normalizeLotNumber(pick.lot_number ?? ""))
    if (!lot) return { ok: false, reason: `picked lot "${ref}" does not exist` }
    if (lot.inventory_item_id !== inventoryItemId) return { ok: false, reason: `picked lot ${lot.lot_number} is a different product` }
    if (!stockedLotIds.has(lot.id)) return { ok: false, reason: `picked lot ${lot.lot_number} has no stock at this location` }
    resolved.push({ lot_id: lot.id, quantity: pick.quantity })
  }
  return { ok: true, picks: resolved }
}

/** One open allocation of the line being fulfilled. */
export type LineAllocation = { id: string; lot_id: string; location_id: string; quantity: number; expires_at: Date | null }

/** `quantity` units of an open allocation row that holds `row_quantity` units before this part. */
export type AllocationPart = { allocation_id: string; row_quantity: number; quantity: number }

export type SettledTake = LotTake & {
  /** Parts of the line's own allocations of this lot that ship, in keep order. */
  fulfilled_parts: AllocationPart[]
  /** Units shipped beyond the line's own allocations of this lot: a new fulfilled allocation. */
  extra: number
}

export type SurplusRelease = AllocationPart & { lot_id: string; location_id: string }

export type FulfillmentSettlement = {
  takes: SettledTake[]
  /** Units shipped from lots the line was not allocated; they cover its shortfall, if it has one. */
  unallocated_units: number
  /** Allocations the line no longer needs, least preferred first: other locations, then here. */
  releases: SurplusRelease[]
}

/**
 * How a fulfillment plan settles the line's open allocations (`open`, at any location): each take
 * ships its own-allocation units from the lot's allocations here in keep order, and once the line
 * needs `quantity` fewer allocated units, the surplus is given back, least preferred first.
 */
export function planSettlement(takes: LotTake[], open: LineAllocation[], locationId: string, quantity: number): FulfillmentSettlement {
  const kept = (a: LineAllocation) => ({ allocation_id: a.id, expires_at: a.expires_at })
  const remaining = new Map(open.map((a) => [a.id, a.quantity]))
  const partOf = (a: LineAllocation, wanted: number): AllocationPart | null => {
    const row_quantity = remaining.get(a.id)!
    const part = Math.min(row_quantity, wanted)
    if (part <= 0) return null
    remaining.set(a.id, row_quantity - part)
    return { allocation_id: a.id, row_quantity, quantity: part }
  }

  const here = open.filter((a) => a.location_id === locationId).sort((a, b) => compareKeptAllocations(kept(a), kept(b)))
  const settled = takes.map((take): SettledTake => {
    const fulfilled_parts: AllocationPart[] = []
    let fromOwn = take.from_own_allocation
    for (const allocation of here.filter((a) => a.lot_id === take.lot_id)) {
      const part = partOf(allocation, fromOwn)
      if (!part) continue
      fromOwn -= part.quantity
      fulfilled_parts.push(part)
    }
    return { ...take, fulfilled_parts, extra: take.quantity - take.from_own_allocation }
  })

  const openBefore = open.reduce((sum, a) => sum + a.quantity, 0)
  let surplus = [...remaining.values()].reduce((sum, q) => sum + q, 0) - Math.max(0, openBefore - quantity)
  const isHere = (a: LineAllocation) => Number(a.location_id === locationId)
  const releaseOrder = [...open].sort((a, b) => isHere(a) - isHere(b) || leastPreferredFirst(kept(a), kept(b)))
  const releases: SurplusRelease[] = []
  for (const allocation of releaseOrder) {
    if (surplus <= 0) break
    const part = partOf(allocation, surplus)
    if (!part) continue
    surplus -= part.quantity
    releases.push({ ...part, lot_id: allocation.lot_id, location_id: allocation.location_id })
  }
  return {
    takes: settled,
    unallocated_units: settled.reduce((sum, take) => sum + take.extra, 0),
    releases,
  }
}
