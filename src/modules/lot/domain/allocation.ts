import type { AllocationRules, AllocationStrategy } from "../types"
import { isAllocatableStatus } from "./lot-status"
import { comparatorFor, STRATEGY_ORDER } from "./strategy-order"
import type { LotStatus } from "../types"
import { dayInWords } from "./words"
import { DAY_MS } from "./time-units"

export type { AllocationRules }

export type AllocatableLot = {
  lot_id: string
  lot_number: string
  status: LotStatus
  expires_at: Date | null
  received_at: Date
  /** Units on hand at the location and not yet allocated. */
  available: number
}

export type LotAllocation = { lot_id: string; lot_number: string; quantity: number }
export type AllocationPlan = { allocations: LotAllocation[]; shortfall: number }

/** Expiry minus the removal lead time: FEFO picks by this date (lots without expiry: null). */
export function removalDate(expiresAt: Date | null, removalLeadDays: number): Date | null {
  return expiresAt ? new Date(expiresAt.getTime() - removalLeadDays * DAY_MS) : null
}

/** A lot must expire after this instant to ship under the rules: the ship date plus the minimum shelf life left. */
export function mustOutlast(rules: AllocationRules): Date {
  return new Date(rules.ship_date.getTime() + rules.min_remaining_shelf_life_days * DAY_MS)
}

/** Why a lot may not go to this order, in words for a picker; null when it may. */
export function ineligibilityReason(lot: AllocatableLot, rules: AllocationRules): string | null {
  if (!isAllocatableStatus(lot.status)) {
    return `lot ${lot.lot_number} is ${lot.status.replace("_", " ")}`
  }
  if (lot.expires_at) {
    const mustLastUntil = mustOutlast(rules)
    if (lot.expires_at.getTime() <= rules.ship_date.getTime()) {
      return `lot ${lot.lot_number} expires ${dayInWords(lot.expires_at)}, on or before the ship date ${dayInWords(rules.ship_date)}`
    }
    if (lot.expires_at.getTime() <= mustLastUntil.getTime()) {
      return (
        `lot ${lot.lot_number} expires ${dayInWords(lot.expires_at)}: less than the required ` +
        `${rules.min_remaining_shelf_life_days} days of shelf life left at shipment`
      )
    }
  }
  return null
}

/** Orders lots for picking by the strategy's keys (STRATEGY_ORDER); FEFO reads the removal date. */
export function compareLots(strategy: AllocationStrategy, removalLeadDays: number) {
  return comparatorFor<AllocatableLot>(STRATEGY_ORDER[strategy], (lot, field) => {
    switch (field) {
      case "expiry":
        return removalDate(lot.expires_at, removalLeadDays)?.getTime() ?? null
      case "received":
        return lot.received_at.getTime()
      case "lot":
        return lot.lot_id
      default:
        return null
    }
  })
}

/**
 * Plans which lots fill `quantity` units: eligible lots in strategy order, each taken as far as
 * it goes, the line split across lots where needed. What no eligible lot can cover is the shortfall.
 */
export function planAllocation(lots: AllocatableLot[], quantity: number, rules: AllocationRules): AllocationPlan {
  const candidates = lots
    .filter((lot) => lot.available > 0 && ineligibilityReason(lot, rules) === null)
    .sort(compareLots(rules.strategy, rules.removal_lead_days))
  const allocations: LotAllocation[] = []
  let remaining = quantity
  for (const lot of candidates) {
    if (remaining <= 0) break
    const take = Math.min(lot.available, remaining)
    allocations.push({ lot_id: lot.lot_id, lot_number: lot.lot_number, quantity: take })
    remaining -= take
  }
  return { allocations, shortfall: remaining }
}
