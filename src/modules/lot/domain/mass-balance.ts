import { LotEventType } from "../types"

/** Signed sums of a lot's history by event type (quantities as the service writes them). */
export type LotEventTotals = Partial<Record<LotEventType, number>>

/**
 * Where a lot's units went, in whole units: received = on hand + shipped + consumed + scrapped +
 * adjusted − returned − transferred − reverted. `adjusted` is the net loss by counts (negative
 * when a count found units), `transferred` and `reverted` are net changes that are normally zero
 * across all locations (a transfer moves units; a reverted entry undoes a failed change).
 */
export type MassBalance = {
  received: number
  shipped: number
  consumed: number
  scrapped: number
  adjusted: number
  returned: number
  transferred: number
  reverted: number
  /** What the history says should be on hand. */
  expected_on_hand: number
  /** What the lot's stock rows hold now. */
  on_hand: number
  /** on_hand − expected_on_hand: units nobody can account for (0 when balanced). */
  difference: number
  balanced: boolean
}

const total = (totals: LotEventTotals, ...types: LotEventType[]) =>
  types.reduce((sum, type) => sum + Number(totals[type] ?? 0), 0)

/**
 * Balances a lot's history against its stock. Every history entry that moves units on hand
 * carries the signed change (received +, shipped −, a canceled fulfillment + back, consumed −,
 * produced +, scrapped −, counted ±, transferred out − / in +, reverted ±). Allocation entries
 * change the allocated part, not what is on hand, and a restocked return only moves units out of
 * quarantine inside the lot, so neither counts here.
 */
export function massBalance(totals: LotEventTotals, onHand: number): MassBalance {
  const received = total(totals, LotEventType.RECEIVED, LotEventType.PRODUCED)
  const shipped = -total(totals, LotEventType.SHIPPED, LotEventType.FULFILLMENT_CANCELED)
  const consumed = -total(totals, LotEventType.CONSUMED)
  const scrapped = -total(totals, LotEventType.SCRAPPED)
  const adjusted = -total(totals, LotEventType.ADJUSTED)
  const returned = total(totals, LotEventType.RETURNED)
  const transferred = total(totals, LotEventType.TRANSFERRED_IN, LotEventType.TRANSFERRED_OUT)
  const reverted = total(totals, LotEventType.REVERTED)
  const expected = received - shipped - consumed - scrapped - adjusted + returned + transferred + reverted
  return {
    received,
    shipped,
    consumed,
    scrapped,
    adjusted,
    returned,
    transferred,
    reverted,
    expected_on_hand: expected,
    on_hand: onHand,
    difference: onHand - expected,
    balanced: onHand === expected,
  }
}
