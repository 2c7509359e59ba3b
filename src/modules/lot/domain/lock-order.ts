/**
 * The one order in which lot rows are locked. Every write that locks more than one row sorts its
 * rows by these keys first, so two transactions always meet their common rows in the same order
 * and can never deadlock each other (PostgreSQL would otherwise pick one of them to fail).
 */
export type LockKey = readonly (string | null | undefined)[]

function compareKeys(a: LockKey, b: LockKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? ""
    const y = b[i] ?? ""
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** A copy of `rows` in lock order by `key` (e.g. `(r) => [r.lot_id, r.location_id]`); stable. */
export function inLockOrder<T>(rows: readonly T[], key: (row: NoInfer<T>) => LockKey): T[] {
  return rows
    .map((row, index) => ({ row, index, key: key(row) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index)
    .map(({ row }) => row)
}

/** Lot stock rows lock by lot, then location. */
export const byLotAndLocation = (row: { lot_id: string; location_id: string }): LockKey => [row.lot_id, row.location_id]
