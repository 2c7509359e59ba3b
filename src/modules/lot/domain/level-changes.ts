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
  /** Medusa never got the change: apply it. */
  APPLY: "apply",
  /** Medusa already has it (the server stopped before the change was marked): only mark it. */
  MARK_APPLIED: "mark_applied",
  /** The numbers fit neither: a person looks (the stock check lists it). */
  MANUAL: "manual",
} as const
export type PendingLevelChangeAction = (typeof PendingLevelChangeAction)[keyof typeof PendingLevelChangeAction]

/**
 * What to do with the pending changes of one item at one location, from how far the lots are ahead
 * of Medusa there (Σ lot stock − Medusa stocked) and what the pending changes add up to. The lot
 * side of a change is always written (it is the change's own transaction); only Medusa's may be
 * missing, so the difference is either all of the pending quantity or none of it.
 */
export function pendingLevelChangeAction(lotsAheadOfMedusa: number, pendingQuantity: number): PendingLevelChangeAction {
  if (lotsAheadOfMedusa === 0) return PendingLevelChangeAction.MARK_APPLIED
  if (lotsAheadOfMedusa === pendingQuantity) return PendingLevelChangeAction.APPLY
  return PendingLevelChangeAction.MANUAL
}
