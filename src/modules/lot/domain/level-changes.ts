/**
 * Medusa's stocked quantity follows each lot write through a recorded level change (see the
 * `lot_level_change` model). These rules say what one write asks of Medusa, and what the repair
 * does with changes a crash left pending.
 */

export type LevelChange = { inventory_item_id: string; location_id: string; quantity: number }

/** One change per item and location, netted; a change that nets to nothing asks nothing of Medusa. */
export function netLevelChanges(changes: LevelChange[]): LevelChange[] {
  const net = new Map<string, LevelChange>()
  for (const c of changes) {
    const key = `${c.inventory_item_id}\u0000${c.location_id}`
    const row = net.get(key) ?? { inventory_item_id: c.inventory_item_id, location_id: c.location_id, quantity: 0 }
    row.quantity += c.quantity
    net.set(key, row)
  }
  return [...net.values()].filter((c) => c.quantity !== 0)
}

export const PendingLevelChangeAction = {
  /** Medusa never got some of the changes: apply what it is missing. */
  APPLY: "apply",
  /** Medusa already has them (the server stopped before they were marked): only mark them. */
  MARK_APPLIED: "mark_applied",
  /** The numbers fit no mix of applied and missing changes: a person looks (the stock check lists it). */
  MANUAL: "manual",
} as const
export type PendingLevelChangeAction = (typeof PendingLevelChangeAction)[keyof typeof PendingLevelChangeAction]

/** Past this many distinct partial sums the pending changes are too many to tell apart: a person decides. */
const MAX_PARTIAL_SUMS = 10_000

/**
 * What to do with the pending changes of one item at one location, from how far the lots are
 * ahead of Medusa there (Σ lot stock − Medusa stocked) and the pending changes' quantities. The lot
 * side of each change is always written (it is the change's own transaction); Medusa's may be
 * missing for any of them, so the difference must be what some of them add up to — then Medusa
 * gets exactly that difference, and every change is marked applied.
 */
export function pendingLevelChangeAction(lotsAheadOfMedusa: number, pendingQuantities: number[]): PendingLevelChangeAction {
  if (lotsAheadOfMedusa === 0) return PendingLevelChangeAction.MARK_APPLIED
  let sums = new Set([0])
  for (const quantity of pendingQuantities) {
    sums = new Set([...sums, ...[...sums].map((sum) => sum + quantity)])
    if (sums.size > MAX_PARTIAL_SUMS) return PendingLevelChangeAction.MANUAL
  }
  return sums.has(lotsAheadOfMedusa) ? PendingLevelChangeAction.APPLY : PendingLevelChangeAction.MANUAL
}
