import fc from "fast-check"
import { compareLots, type AllocatableLot } from "../domain/allocation"
import {
  ALLOCATION_KEEP_ORDER,
  compareKeptAllocations,
  leastPreferredFirst,
  STRATEGY_ORDER,
  type KeptAllocation,
} from "../domain/strategy-order"
import { ORDER_BY, orderBySql } from "../sql/allocation-sql"
import { ALLOCATION_STRATEGIES, AllocationStrategy, LotStatus } from "../types"


/** Sorts rows the way PostgreSQL applies an `ORDER BY` text (ASC puts nulls last, DESC first, unless told). */
function sortLikePostgres<T>(rows: T[], orderBy: string, columns: Record<string, (row: T) => Date | string | null>): T[] {
  const keys = orderBy.split(",").map((part) => {
    const [column, direction = "ASC", , nulls] = part.trim().split(/\s+/)
    const descending = direction === "DESC"
    return { read: columns[column], descending, nullsFirst: nulls ? nulls === "FIRST" : descending }
  })
  for (const key of keys) expect(key.read).toBeDefined()
  const value = (v: Date | string | null) => (v instanceof Date ? v.getTime() : v)
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const x = value(key.read(a))
      const y = value(key.read(b))
      if (x === y) continue
      if (x === null) return key.nullsFirst ? -1 : 1
      if (y === null) return key.nullsFirst ? 1 : -1
      return (x < y ? -1 : 1) * (key.descending ? -1 : 1)
    }
    return 0
  })
}

const LOT_COLUMNS: Record<string, (lot: AllocatableLot) => Date | string | null> = {
  "l.expires_at": (lot) => lot.expires_at,
  "l.received_at": (lot) => lot.received_at,
  "l.id": (lot) => lot.lot_id,
}

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000)
// Few distinct dates, so ties on expiry and receipt are common and the tie-breaks are exercised.
const lotsArb = fc.uniqueArray(
  fc.record({
    lot_id: fc.stringMatching(/^lot_[0-9A-Z]{6}$/),
    expires: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    received: fc.integer({ min: 0, max: 3 }),
  }),
  { selector: (lot) => lot.lot_id, maxLength: 12 }
).map((rows) =>
  rows.map(
    (r): AllocatableLot => ({
      lot_id: r.lot_id,
      lot_number: r.lot_id,
      status: LotStatus.RELEASED,
      expires_at: r.expires === null ? null : day(100 + r.expires),
      received_at: day(r.received),
      available: 1,
    })
  )
)

describe("strategy order", () => {
  it("derives the SQL ORDER BY of each strategy from its sort keys", () => {
    expect(ORDER_BY).toEqual({
      fefo: "l.expires_at ASC NULLS LAST, l.received_at ASC, l.id ASC",
      fifo: "l.received_at ASC, l.id ASC",
      lifo: "l.received_at DESC, l.id ASC",
    })
    expect(orderBySql(ALLOCATION_KEEP_ORDER)).toBe("l.expires_at ASC NULLS LAST, a.id ASC")
    expect(ALLOCATION_KEEP_ORDER[0]).toBe(STRATEGY_ORDER.fefo[0])
  })

  it("sorts random lots in the same order in SQL and in compareLots, for every strategy and lead time", () => {
    fc.assert(
      fc.property(lotsArb, fc.constantFrom(...ALLOCATION_STRATEGIES), fc.integer({ min: 0, max: 30 }), (lots, strategy, lead) => {
        const js = [...lots].sort(compareLots(strategy, lead)).map((l) => l.lot_id)
        const sql = sortLikePostgres(lots, ORDER_BY[strategy], LOT_COLUMNS).map((l) => l.lot_id)
        expect(js).toEqual(sql)
      }),
      { numRuns: 300 }
    )
  })

  it("puts lots without expiry last under FEFO and ignores expiry under FIFO and LIFO", () => {
    const lots = [
      { lot_id: "a", lot_number: "A", status: LotStatus.RELEASED, expires_at: null, received_at: day(0), available: 1 },
      { lot_id: "b", lot_number: "B", status: LotStatus.RELEASED, expires_at: day(50), received_at: day(2), available: 1 },
      { lot_id: "c", lot_number: "C", status: LotStatus.RELEASED, expires_at: day(40), received_at: day(1), available: 1 },
    ]
    const order = (strategy: AllocationStrategy) => [...lots].sort(compareLots(strategy, 0)).map((l) => l.lot_id)
    expect(order(AllocationStrategy.FEFO)).toEqual(["c", "b", "a"])
    expect(order(AllocationStrategy.FIFO)).toEqual(["a", "c", "b"])
    expect(order(AllocationStrategy.LIFO)).toEqual(["b", "c", "a"])
  })
})

describe("allocation keep order", () => {
  const allocationsArb = fc.uniqueArray(
    fc.record({
      allocation_id: fc.stringMatching(/^lotalloc_[0-9A-Z]{6}$/),
      expires: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    }),
    { selector: (a) => a.allocation_id, maxLength: 10 }
  ).map((rows) => rows.map((r): KeptAllocation => ({ allocation_id: r.allocation_id, expires_at: r.expires === null ? null : day(r.expires) })))

  it("keeps allocations as the SQL of lockOpenAllocations orders them, and gives back in exactly the reverse order", () => {
    const columns: Record<string, (a: KeptAllocation) => Date | string | null> = {
      "l.expires_at": (a) => a.expires_at,
      "a.id": (a) => a.allocation_id,
    }
    fc.assert(
      fc.property(allocationsArb, (allocations) => {
        const sql = sortLikePostgres(allocations, orderBySql(ALLOCATION_KEEP_ORDER), columns).map((a) => a.allocation_id)
        expect([...allocations].sort(compareKeptAllocations).map((a) => a.allocation_id)).toEqual(sql)
        expect([...allocations].sort(leastPreferredFirst).map((a) => a.allocation_id)).toEqual([...sql].reverse())
      }),
      { numRuns: 200 }
    )
  })
})
