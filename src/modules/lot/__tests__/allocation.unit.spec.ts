import fc from "fast-check"
import {
  compareLots,
  ineligibilityReason,
  planAllocation,
  removalDate,
  type AllocatableLot,
  type AllocationRules,
} from "../domain/allocation"
import { AllocationStrategy, LotStatus, LOT_STATUSES } from "../types"

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
const lot = (id: string, over: Partial<AllocatableLot> = {}): AllocatableLot => ({
  lot_id: id,
  lot_number: id.toUpperCase(),
  status: LotStatus.RELEASED,
  expires_at: null,
  received_at: day("2026-01-01"),
  available: 10,
  ...over,
})
const rules = (over: Partial<AllocationRules> = {}): AllocationRules => ({
  strategy: AllocationStrategy.FEFO,
  ship_date: day("2026-11-25"),
  min_remaining_shelf_life_days: 0,
  removal_lead_days: 0,
  ...over,
})

describe("planAllocation", () => {
  it("FEFO takes the earliest expiry first and puts lots without expiry last", () => {
    const lots = [
      lot("none"),
      lot("late", { expires_at: day("2027-06-01") }),
      lot("early", { expires_at: day("2026-12-10") }),
    ]
    expect(planAllocation(lots, 25, rules())).toEqual({
      allocations: [
        { lot_id: "early", lot_number: "EARLY", quantity: 10 },
        { lot_id: "late", lot_number: "LATE", quantity: 10 },
        { lot_id: "none", lot_number: "NONE", quantity: 5 },
      ],
      shortfall: 0,
    })
  })

  it("FEFO sorts on the removal date, breaking ties by receipt then id", () => {
    const a = lot("a", { expires_at: day("2027-01-10"), received_at: day("2026-03-01") })
    const b = lot("b", { expires_at: day("2027-01-10"), received_at: day("2026-02-01") })
    const c = lot("c", { expires_at: day("2027-01-10"), received_at: day("2026-02-01") })
    expect([a, c, b].sort(compareLots(AllocationStrategy.FEFO, 5)).map((l) => l.lot_id)).toEqual(["b", "c", "a"])
    expect(removalDate(day("2027-01-10"), 5)).toEqual(day("2027-01-05"))
    expect(removalDate(null, 5)).toBeNull()
  })

  it("FIFO takes the oldest receipt first, LIFO the newest, whatever the expiry", () => {
    const lots = [
      lot("new", { received_at: day("2026-10-01"), expires_at: day("2026-12-01") }),
      lot("old", { received_at: day("2026-05-01"), expires_at: day("2027-12-01") }),
    ]
    expect(planAllocation(lots, 3, rules({ strategy: AllocationStrategy.FIFO })).allocations[0].lot_id).toBe("old")
    expect(planAllocation(lots, 3, rules({ strategy: AllocationStrategy.LIFO })).allocations[0].lot_id).toBe("new")
  })

  it("skips lots that are not released, expired by the ship date or too short-dated", () => {
    const lots = [
      lot("held", { status: LotStatus.ON_HOLD, expires_at: day("2026-12-01") }),
      lot("quarantine", { status: LotStatus.QUARANTINE, expires_at: day("2026-12-01") }),
      lot("expires-on-ship-date", { expires_at: day("2026-11-25") }),
      lot("short", { expires_at: day("2026-12-20") }),
      lot("good", { expires_at: day("2027-03-01"), available: 4 }),
    ]
    expect(planAllocation(lots, 6, rules({ min_remaining_shelf_life_days: 30 }))).toEqual({
      allocations: [{ lot_id: "good", lot_number: "GOOD", quantity: 4 }],
      shortfall: 2,
    })
  })

  it("explains why a lot is not eligible", () => {
    expect(ineligibilityReason(lot("h", { status: LotStatus.ON_HOLD }), rules())).toBe("lot H is on hold")
    expect(ineligibilityReason(lot("x", { expires_at: day("2026-11-20") }), rules())).toBe(
      "lot X expires 20 Nov 2026, on or before the ship date 25 Nov 2026"
    )
    expect(ineligibilityReason(lot("s", { expires_at: day("2026-12-01") }), rules({ min_remaining_shelf_life_days: 10 }))).toBe(
      "lot S expires 1 Dec 2026: less than the required 10 days of shelf life left at shipment"
    )
    expect(ineligibilityReason(lot("ok", { expires_at: day("2026-12-06") }), rules({ min_remaining_shelf_life_days: 10 }))).toBeNull()
  })

  it("records the whole quantity as shortfall when nothing is eligible", () => {
    expect(planAllocation([lot("r", { status: LotStatus.REJECTED })], 3, rules())).toEqual({ allocations: [], shortfall: 3 })
    expect(planAllocation([], 0, rules())).toEqual({ allocations: [], shortfall: 0 })
  })
})

// Reference model: hand out one unit at a time, each from the best eligible lot that still has one.
function referencePlan(lots: AllocatableLot[], quantity: number, r: AllocationRules) {
  const left = new Map(lots.map((l) => [l.lot_id, l.available]))
  const taken = new Map<string, number>()
  const order = [...lots].sort(compareLots(r.strategy, r.removal_lead_days))
  let shortfall = 0
  for (let unit = 0; unit < quantity; unit++) {
    const next = order.find((l) => left.get(l.lot_id)! > 0 && ineligibilityReason(l, r) === null)
    if (!next) {
      shortfall++
      continue
    }
    left.set(next.lot_id, left.get(next.lot_id)! - 1)
    taken.set(next.lot_id, (taken.get(next.lot_id) ?? 0) + 1)
  }
  return { taken, shortfall }
}

const dateArb = fc.integer({ min: 0, max: 800 }).map((d) => new Date(day("2026-01-01").getTime() + d * 86_400_000))
const lotsArb = fc.uniqueArray(
  fc.record({
    lot_id: fc.string({ minLength: 1, maxLength: 6 }),
    status: fc.constantFrom(...LOT_STATUSES),
    expires_at: fc.option(dateArb, { nil: null }),
    received_at: dateArb,
    available: fc.integer({ min: 0, max: 30 }),
  }),
  { selector: (l) => l.lot_id, maxLength: 12 }
)
const rulesArb = fc.record({
  strategy: fc.constantFrom(AllocationStrategy.FEFO, AllocationStrategy.FIFO, AllocationStrategy.LIFO),
  ship_date: dateArb,
  min_remaining_shelf_life_days: fc.integer({ min: 0, max: 120 }),
  removal_lead_days: fc.integer({ min: 0, max: 30 }),
})

describe("planAllocation against a unit-by-unit reference model", () => {
  it("allocates the same lots and quantities, never more than a lot holds, never an ineligible lot", () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 0, max: 200 }), rulesArb, (raw, quantity, r) => {
        const lots = raw.map((l) => ({ ...l, lot_number: l.lot_id }))
        const plan = planAllocation(lots, quantity, r)
        const reference = referencePlan(lots, quantity, r)

        expect(plan.shortfall).toBe(reference.shortfall)
        expect(new Map(plan.allocations.map((a) => [a.lot_id, a.quantity]))).toEqual(reference.taken)
        expect(plan.allocations.reduce((sum, a) => sum + a.quantity, 0) + plan.shortfall).toBe(quantity)
        for (const a of plan.allocations) {
          const source = lots.find((l) => l.lot_id === a.lot_id)!
          expect(a.quantity).toBeGreaterThan(0)
          expect(a.quantity).toBeLessThanOrEqual(source.available)
          expect(ineligibilityReason(source, r)).toBeNull()
        }
      }),
      { numRuns: 300 }
    )
  })
})
