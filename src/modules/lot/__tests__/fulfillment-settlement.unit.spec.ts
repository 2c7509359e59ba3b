import { planSettlement, resolveLotPicks, type LineAllocation, type LotTake } from "../domain/fulfillment-plan"

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
const HERE = "sloc_here"
const alloc = (id: string, lot_id: string, quantity: number, expires: string | null, location_id = HERE): LineAllocation => ({
  id,
  lot_id,
  location_id,
  quantity,
  expires_at: expires ? day(expires) : null,
})
const take = (lot_id: string, quantity: number, from_own_allocation: number): LotTake => ({
  lot_id,
  lot_number: lot_id.toUpperCase(),
  quantity,
  from_own_allocation,
})

describe("resolveLotPicks", () => {
  const known = [
    { id: "lot_a", lot_number: "A-1", inventory_item_id: "iitem_1" },
    { id: "lot_b", lot_number: "B-1", inventory_item_id: "iitem_2" },
  ]
  const stocked = new Set(["lot_a"])

  it("names picked lots by id or by (normalised) lot number", () => {
    expect(
      resolveLotPicks(
        [
          { line_item_id: "line_1", lot_id: "lot_a", quantity: 1 },
          { line_item_id: "line_1", lot_number: " a-1 ", quantity: 2 },
        ],
        known,
        "iitem_1",
        stocked
      )
    ).toEqual({ ok: true, picks: [{ lot_id: "lot_a", quantity: 1 }, { lot_id: "lot_a", quantity: 2 }] })
  })

  it("refuses an unknown lot, another product's lot and a lot without stock here", () => {
    expect(resolveLotPicks([{ line_item_id: "l", lot_number: "Z-9", quantity: 1 }], known, "iitem_1", stocked)).toEqual({
      ok: false,
      reason: 'picked lot "Z-9" does not exist',
    })
    expect(resolveLotPicks([{ line_item_id: "l", lot_id: "lot_b", quantity: 1 }], known, "iitem_1", stocked)).toEqual({
      ok: false,
      reason: "picked lot B-1 is a different product",
    })
    expect(resolveLotPicks([{ line_item_id: "l", lot_id: "lot_a", quantity: 1 }], known, "iitem_1", new Set())).toEqual({
      ok: false,
      reason: "picked lot A-1 has no stock at this location",
    })
  })
})

describe("planSettlement", () => {
  it("ships own allocations of each taken lot in keep order, splitting the last one", () => {
    const open = [alloc("alloc_2", "lot_a", 3, "2027-01-01"), alloc("alloc_1", "lot_a", 2, "2027-01-01")]
    const plan = planSettlement([take("lot_a", 4, 4)], open, HERE, 4)
    expect(plan.takes[0].fulfilled_parts).toEqual([
      { allocation_id: "alloc_1", row_quantity: 2, quantity: 2 },
      { allocation_id: "alloc_2", row_quantity: 3, quantity: 2 },
    ])
    expect(plan.takes[0].extra).toBe(0)
    expect(plan.unallocated_units).toBe(0)
    expect(plan.releases).toEqual([])
  })

  it("counts units shipped beyond own allocations as extra, covering a shortfall", () => {
    const plan = planSettlement([take("lot_a", 2, 1), take("lot_b", 3, 0)], [alloc("alloc_1", "lot_a", 1, null)], HERE, 5)
    expect(plan.takes.map((t) => t.extra)).toEqual([1, 3])
    expect(plan.unallocated_units).toBe(4)
    expect(plan.releases).toEqual([])
  })

  it("gives back the surplus least preferred first: other locations, then the latest expiry here", () => {
    const open = [
      alloc("alloc_1", "lot_early", 2, "2026-12-01"),
      alloc("alloc_2", "lot_late", 2, "2027-06-01"),
      alloc("alloc_3", "lot_never", 1, null),
      alloc("alloc_4", "lot_far", 1, "2026-12-15", "sloc_other"),
    ]
    // 3 units ship from another lot; the line keeps 6 - 3 = 3 allocated units.
    const plan = planSettlement([take("lot_picked", 3, 0)], open, HERE, 3)
    expect(plan.releases).toEqual([
      { allocation_id: "alloc_4", row_quantity: 1, quantity: 1, lot_id: "lot_far", location_id: "sloc_other" },
      { allocation_id: "alloc_3", row_quantity: 1, quantity: 1, lot_id: "lot_never", location_id: HERE },
      { allocation_id: "alloc_2", row_quantity: 2, quantity: 1, lot_id: "lot_late", location_id: HERE },
    ])
  })

  it("releases nothing when the shipped units came out of the line's own allocations", () => {
    const open = [alloc("alloc_1", "lot_a", 2, "2027-01-01"), alloc("alloc_2", "lot_b", 2, "2027-02-01")]
    const plan = planSettlement([take("lot_a", 2, 2)], open, HERE, 2)
    expect(plan.releases).toEqual([])
  })

  it("releases the rest of a partly shipped allocation from the row that is left", () => {
    const open = [alloc("alloc_1", "lot_a", 5, "2027-01-01")]
    // 2 units ship from lot_a's allocation and 2 from lot_b: the line keeps 5 - 4 = 1 of the 3 left allocated.
    const plan = planSettlement([take("lot_a", 2, 2), take("lot_b", 2, 0)], open, HERE, 4)
    expect(plan.takes[0].fulfilled_parts).toEqual([{ allocation_id: "alloc_1", row_quantity: 5, quantity: 2 }])
    expect(plan.releases).toEqual([{ allocation_id: "alloc_1", row_quantity: 3, quantity: 2, lot_id: "lot_a", location_id: HERE }])
  })
})
