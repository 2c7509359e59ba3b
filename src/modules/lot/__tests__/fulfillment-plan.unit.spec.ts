import { planFulfillment, type LineLot } from "../domain/fulfillment-plan"
import { AllocationStrategy, LotStatus } from "../types"

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
const rules = { strategy: AllocationStrategy.FEFO, ship_date: day("2026-11-25"), min_remaining_shelf_life_days: 0, removal_lead_days: 0 }
const lot = (id: string, over: Partial<LineLot> = {}): LineLot => ({
  lot_id: id,
  lot_number: id.toUpperCase(),
  status: LotStatus.RELEASED,
  expires_at: day("2027-01-01"),
  received_at: day("2026-01-01"),
  available: 0,
  own_open: 0,
  ...over,
})

describe("planFulfillment", () => {
  it("ships the line's own allocations first, then other eligible lots by FEFO", () => {
    const lots = [
      lot("mine", { own_open: 2, expires_at: day("2027-05-01") }),
      lot("early", { available: 5, expires_at: day("2026-12-15") }),
    ]
    expect(planFulfillment(lots, 4, rules)).toEqual({
      ok: true,
      takes: [
        { lot_id: "mine", lot_number: "MINE", quantity: 2, from_own_allocation: 2 },
        { lot_id: "early", lot_number: "EARLY", quantity: 2, from_own_allocation: 0 },
      ],
    })
  })

  it("never ships a lot that went on hold after it was allocated: re-plans from another lot, or refuses", () => {
    const held = lot("held", { own_open: 3, status: LotStatus.ON_HOLD })
    expect(planFulfillment([held, lot("spare", { available: 3 })], 3, rules)).toEqual({
      ok: true,
      takes: [{ lot_id: "spare", lot_number: "SPARE", quantity: 3, from_own_allocation: 0 }],
    })
    expect(planFulfillment([held, lot("thin", { available: 1 })], 3, rules)).toEqual({
      ok: false,
      reason: "only 1 of 3 unit(s) are in lots that may ship (lot HELD is on hold)",
    })
  })

  it("accepts eligible picks that add up, counting the line's own allocation as free", () => {
    const lots = [lot("a", { own_open: 2, available: 1 }), lot("b", { available: 4 })]
    expect(planFulfillment(lots, 4, rules, [{ lot_id: "a", quantity: 3 }, { lot_id: "b", quantity: 1 }])).toEqual({
      ok: true,
      takes: [
        { lot_id: "a", lot_number: "A", quantity: 3, from_own_allocation: 2 },
        { lot_id: "b", lot_number: "B", quantity: 1, from_own_allocation: 0 },
      ],
    })
  })

  it("refuses picks that are ineligible, too large for what is free, or do not add up", () => {
    const lots = [
      lot("a", { own_open: 2 }),
      lot("x", { available: 9, expires_at: day("2026-11-20") }),
      lot("h", { available: 9, status: LotStatus.ON_HOLD }),
    ]
    expect(planFulfillment(lots, 2, rules, [{ lot_id: "x", quantity: 2 }])).toEqual({
      ok: false,
      reason: "picked lot X expires 20 Nov 2026, on or before the ship date 25 Nov 2026",
    })
    expect(planFulfillment(lots, 2, rules, [{ lot_id: "h", quantity: 2 }])).toEqual({ ok: false, reason: "picked lot H is on hold" })
    expect(planFulfillment(lots, 3, rules, [{ lot_id: "a", quantity: 3 }])).toEqual({
      ok: false,
      reason: "picked lot A has only 2 unit(s) free here (the rest is promised to other orders); 3 picked",
    })
    expect(planFulfillment(lots, 2, rules, [{ lot_id: "a", quantity: 1 }])).toEqual({
      ok: false,
      reason: "the picked lots add up to 1 unit(s), but 2 are being fulfilled",
    })
  })
})
