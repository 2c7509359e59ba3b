import type { AllocationStrategy } from "../types"

/**
 * The orders in which lots are preferred, written once as sort keys. The JS comparators here and
 * the SQL `ORDER BY` of sql/allocation-sql.ts are both derived from these lists, so a plan made
 * in memory and a pick made by PostgreSQL always agree.
 */
export type SortField = "expiry" | "received" | "lot" | "allocation"
export type SortKey = `${SortField} ${"asc" | "desc"}` | `${SortField} ${"asc" | "desc"} nulls last`

/**
 * FEFO: earliest expiry first, lots without expiry last. FIFO: oldest receipt first. LIFO: newest
 * receipt first. Ties break by received date, then lot id, so the order is total and every
 * process computes the same plan.
 */
export const STRATEGY_ORDER: Record<AllocationStrategy, readonly SortKey[]> = {
  fefo: ["expiry asc nulls last", "received asc", "lot asc"],
  fifo: ["received asc", "lot asc"],
  lifo: ["received desc", "lot asc"],
}

/**
 * The order in which a line keeps its open allocations, whatever the item's strategy: the units
 * that expire first stay promised (FEFO's first key), older allocations before newer ones. Its
 * reverse, least preferred first, decides which allocations give their units back.
 */
export const ALLOCATION_KEEP_ORDER: readonly SortKey[] = [STRATEGY_ORDER.fefo[0], "allocation asc"]

export type ParsedSortKey = { field: SortField; descending: boolean; nulls_last: boolean }

export function parseSortKey(key: SortKey): ParsedSortKey {
  const [field, direction] = key.split(" ") as [SortField, "asc" | "desc"]
  return { field, descending: direction === "desc", nulls_last: key.endsWith(" nulls last") }
}

export type SortValue = number | string | null

/**
 * A comparator sorting rows by `keys`, reading each field through `valueOf`. Nulls sort as
 * PostgreSQL sorts them: last where the key says so, otherwise as larger than any value.
 */
export function comparatorFor<T>(
  keys: readonly SortKey[],
  valueOf: (row: T, field: SortField) => SortValue
): (a: T, b: T) => number {
  const parsed = keys.map(parseSortKey)
  return (a, b) => {
    for (const key of parsed) {
      const x = valueOf(a, key.field)
      const y = valueOf(b, key.field)
      if (x === y) continue
      if (x === null || y === null) {
        const nullFirst = key.nulls_last ? false : key.descending
        return (x === null) === nullFirst ? -1 : 1
      }
      const order = x < y ? -1 : 1
      return key.descending ? -order : order
    }
    return 0
  }
}

/** The same comparator, backwards: what `compare` puts last comes first. */
export function reversed<T>(compare: (a: T, b: T) => number): (a: T, b: T) => number {
  return (a, b) => compare(b, a)
}

export type KeptAllocation = { allocation_id: string; expires_at: Date | null }

/** Open allocations in ALLOCATION_KEEP_ORDER. */
export const compareKeptAllocations = comparatorFor<KeptAllocation>(ALLOCATION_KEEP_ORDER, (allocation, field) => {
  switch (field) {
    case "expiry":
      return allocation.expires_at?.getTime() ?? null
    case "allocation":
      return allocation.allocation_id
    default:
      return null
  }
})

/** Open allocations least preferred first: the first to give their units back. */
export const leastPreferredFirst = reversed(compareKeptAllocations)
