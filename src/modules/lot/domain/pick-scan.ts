import { ineligibilityReason, type AllocatableLot, type AllocationRules } from "./allocation"
import { AllocationStrategy, LotStatus, type FulfilledLot, type ReleasedAllocation } from "../types"
import { leastPreferredFirst } from "./strategy-order"
import { counted, dayInWords } from "./words"

/** The scanned lot as the pick decision needs it. */
export type PickScanLot = AllocatableLot & { inventory_item_id: string }

/** One open allocation of the order: what the pick list tells the picker to take. */
export type PickOpenAllocation = FulfilledLot & { expires_at: Date | null }

export type PickScanFacts = {
  /** How the order is named to the picker, e.g. "#1042". */
  order_label: string
  /** The order's lot-tracked lines and the inventory item each one ships. */
  lines: { line_item_id: string; inventory_item_id: string }[]
  /** The order's open allocations. */
  open: PickOpenAllocation[]
  lot: PickScanLot
  /** The lot's product in words, e.g. "Greek yogurt (SKU YOG-1)". */
  product: string
  /** The lot's item rules for a shipment now. */
  rules: AllocationRules
  /** Why the lot got its current status (the hold's reason), when it is not released. */
  status_reason: string | null
  /** The line and location the picker is working on, when the pick station says so. */
  line_item_id?: string
  location_id?: string
  /**
   * "warn": a swap onto a lot that expires later than one the line is allocated to here is not
   * made; the decision says which lot goes first, so the picker can confirm. "allow" (default): it is.
   */
  fefo_skip?: FefoSkip
  /**
   * Per location, the earliest-expiring lot of the scanned item that could ship and has free units
   * there (not the scanned lot): a lot on the shelf that FEFO takes first, even though the line is
   * not allocated to it. Read only when the scan warns.
   */
  free_lots?: (SkippedLot & { location_id: string })[]
}

export const FEFO_SKIP = ["warn", "allow"] as const
export type FefoSkip = (typeof FEFO_SKIP)[number]

/** The earlier-expiring lot a scan would skip. */
export type SkippedLot = { lot_id: string; lot_number: string; expires_at: Date }

export type PickScanDecision =
  | { outcome: "refused"; message: string }
  | { outcome: "confirmed"; line_item_id: string; location_id: string; quantity: number; message: string }
  | { outcome: "swap"; line_item_id: string; location_id: string }
  | { outcome: "fefo_warning"; line_item_id: string; location_id: string; skipped: SkippedLot; message: string }

const units = (n: number) => counted(n, "unit")

/**
 * Why a picker must leave this lot on the shelf, in the words of the pick floor; null when it may
 * be picked (released, and still good for the item's minimum shelf life at shipment).
 */
export function doNotPickMessage(lot: AllocatableLot, rules: AllocationRules, statusReason: string | null = null): string | null {
  if (ineligibilityReason(lot, rules) === null) {
    return null
  }
  const because = statusReason ? ` (${statusReason})` : ""
  const why: Record<LotStatus, string> = {
    [LotStatus.QUARANTINE]: `it is in quarantine, waiting for quality release${because}`,
    [LotStatus.ON_HOLD]: `it is on hold${because}`,
    [LotStatus.REJECTED]: `it was rejected by quality${because}`,
    [LotStatus.RECALLED]: `it is recalled${because}`,
    [LotStatus.EXPIRED]: `it is expired${lot.expires_at ? ` (expiry ${dayInWords(lot.expires_at)})` : ""}`,
    [LotStatus.RELEASED]: "",
  }
  let reason = why[lot.status]
  if (!reason && lot.expires_at) {
    reason =
      lot.expires_at.getTime() <= rules.ship_date.getTime()
        ? `it expires ${dayInWords(lot.expires_at)}, so it is expired at shipment`
        : `it expires ${dayInWords(lot.expires_at)}, less than the ${rules.min_remaining_shelf_life_days} days of shelf life the customer must get`
  }
  return `Do not pick lot ${lot.lot_number}: ${reason}. Put it aside and scan another lot.`
}

/**
 * Decides what a scan of an existing lot means for an order's pick: refused (wrong item, or a lot
 * that may not ship), confirmed (one of the line's allocated lots) or a swap onto the scanned lot
 * (an eligible lot of the right item the line is not allocated to). Whether the swap finds free
 * units is decided later, under the stock row locks.
 */
export function decidePickScan(facts: PickScanFacts): PickScanDecision {
  const { lot } = facts
  const scanned = `${facts.product}, lot ${lot.lot_number}`
  const itemLines = facts.lines.filter((l) => l.inventory_item_id === lot.inventory_item_id)
  if (!itemLines.length) {
    return { outcome: "refused", message: `This is ${scanned}, which is not on order ${facts.order_label}.` }
  }
  const lines = facts.line_item_id ? itemLines.filter((l) => l.line_item_id === facts.line_item_id) : itemLines
  if (!lines.length) {
    return { outcome: "refused", message: `This is ${scanned}, which is not the item of the line being picked.` }
  }
  const doNotPick = doNotPickMessage(lot, facts.rules, facts.status_reason)
  if (doNotPick) {
    return { outcome: "refused", message: doNotPick }
  }
  const open = facts.open.filter(
    (a) => lines.some((l) => l.line_item_id === a.line_item_id) && (!facts.location_id || a.location_id === facts.location_id)
  )
  const own = open.filter((a) => a.lot_id === lot.lot_id)
  if (own.length) {
    const { line_item_id, location_id } = own[0]
    const quantity = own
      .filter((a) => a.line_item_id === line_item_id && a.location_id === location_id)
      .reduce((sum, a) => sum + a.quantity, 0)
    return {
      outcome: "confirmed",
      line_item_id,
      location_id,
      quantity,
      message: `Lot ${lot.lot_number} is the right lot: pick ${units(quantity)} of ${facts.product}.`,
    }
  }
  const other = open[0]
  if (!other) {
    return {
      outcome: "refused",
      message: `Nothing left to pick for ${facts.product} on order ${facts.order_label}: no units of it are waiting to be picked.`,
    }
  }
  const skipped = facts.fefo_skip === "warn" ? skippedEarlierLot(facts, other.line_item_id, other.location_id) : null
  if (skipped) {
    return {
      outcome: "fefo_warning",
      line_item_id: other.line_item_id,
      location_id: other.location_id,
      skipped,
      message:
        `Lot ${skipped.lot_number} expires first (${dayInWords(skipped.expires_at)}) and is the one to pick. ` +
        `Lot ${lot.lot_number} expires ${lot.expires_at ? dayInWords(lot.expires_at) : "never"}: take it anyway?`,
    }
  }
  return { outcome: "swap", line_item_id: other.line_item_id, location_id: other.location_id }
}

/**
 * The earliest-expiring lot the scan would skip at the location, when one expires before the
 * scanned lot (a lot without expiry comes last): one the line is allocated to there, or a lot with
 * free units on the shelf there. Only under FEFO: FIFO and LIFO do not go by expiry.
 */
function skippedEarlierLot(facts: PickScanFacts, lineItemId: string, locationId: string): SkippedLot | null {
  if (facts.rules.strategy !== AllocationStrategy.FEFO) {
    return null
  }
  const scannedExpiry = facts.lot.expires_at?.getTime() ?? Infinity
  const allocated = facts.open
    .filter((a) => a.line_item_id === lineItemId && a.location_id === locationId && a.expires_at)
    .map((a) => ({ lot_id: a.lot_id, lot_number: a.lot_number, expires_at: a.expires_at! }))
  const onShelf = (facts.free_lots ?? []).filter((l) => l.location_id === locationId)
  const earlier = [...allocated, ...onShelf]
    .filter((l) => l.lot_id !== facts.lot.lot_id && l.expires_at.getTime() < scannedExpiry)
    .sort((x, y) => x.expires_at.getTime() - y.expires_at.getTime())[0]
  return earlier ? { lot_id: earlier.lot_id, lot_number: earlier.lot_number, expires_at: earlier.expires_at } : null
}

export type PickSwapSource = { allocation_id: string; lot_id: string; quantity: number; expires_at: Date | null }
export type PickSwapTake = { allocation_id: string; lot_id: string; quantity: number }

/**
 * Which of the line's other open allocations give their units to the scanned lot, and how many:
 * the least preferred first (see ALLOCATION_KEEP_ORDER), until the scanned lot's free units are used up.
 */
export function planPickSwap(sources: PickSwapSource[], free: number): PickSwapTake[] {
  const order = [...sources].sort(leastPreferredFirst)
  const takes: PickSwapTake[] = []
  let left = Math.max(0, free)
  for (const source of order) {
    if (left <= 0) break
    const quantity = Math.min(source.quantity, left)
    takes.push({ allocation_id: source.allocation_id, lot_id: source.lot_id, quantity })
    left -= quantity
  }
  return takes
}

/** The picker's confirmation of a swap, naming what is still to be picked from the old lots. */
export function pickSwapMessage(
  toLot: string,
  fromLots: string[],
  product: string,
  moved: number,
  stillOnOtherLots: number
): string {
  const picked = `Picked lot ${toLot} instead of ${fromLots.join(", ")} for ${product} (${units(moved)}).`
  return stillOnOtherLots > 0 ? `${picked} Pick the other ${units(stillOnOtherLots)} from the pick list.` : picked
}

/** Why the scanned lot cannot take the pick: how many of its units are free here, and where else. */
export function noFreeStockMessage(
  lotNumber: string,
  locationName: string,
  onHand: number,
  elsewhere: { location_name: string; free: number }[]
): string {
  const situation = onHand
    ? `none of its ${units(onHand)} there is free (the rest are promised to other orders or awaiting inspection)`
    : `it has no stock there`
  const other = elsewhere.filter((e) => e.free > 0)
  const hint = other.length
    ? ` Free elsewhere: ${other.map((e) => `${units(e.free)} at ${e.location_name}`).join(", ")}.`
    : " Pick the lot on the pick list instead."
  return `Cannot pick lot ${lotNumber} at ${locationName}: ${situation}.${hint}`
}

/** A swap of one order line's open allocation(s) at a location onto a scanned lot. */
export type PickSwapInput = {
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  lot_id: string
  lot_number: string
  // Dates arrive as ISO strings once a workflow has checkpointed its data.
  rules: Omit<AllocationRules, "ship_date"> & { ship_date: Date | string }
  /** Stock location names by id, for the refusal's words. */
  location_names: Record<string, string>
  /** At most this many units move onto the scanned lot (what the picker takes from it). */
  quantity?: number
  actor_id?: string | null
}

export type PickSwapResult = {
  order_id: string
  line_item_id: string
  location_id: string
  to: { allocation_id: string; lot_id: string; lot_number: string; quantity: number }
  /** The released parts of the allocations the units came from (what compensation re-opens). */
  from: (ReleasedAllocation & { lot_number: string })[]
  /** Units of the line still allocated to other lots at the location after the swap. */
  still_on_other_lots: number
}
