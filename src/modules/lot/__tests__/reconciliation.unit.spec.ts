import fc from "fast-check"

import { findStockDrift, type LotTotal, type StockDrift, type StockLevel } from "../domain/reconciliation"

const level = (inventory_item_id: string, location_id: string, stocked_quantity: number): StockLevel => ({
  inventory_item_id,
  location_id,
  stocked_quantity,
})
const lots = (inventory_item_id: string, location_id: string, quantity: number): LotTotal => ({
  inventory_item_id,
  location_id,
  quantity,
})
const drift = (
  inventory_item_id: string,
  location_id: string,
  stocked_quantity: number,
  lot_quantity: number
): StockDrift => ({
  inventory_item_id,
  location_id,
  stocked_quantity,
  lot_quantity,
  untracked_quantity: stocked_quantity - lot_quantity,
})

describe("findStockDrift", () => {
  it("is empty when there is nothing to compare", () => {
    expect(findStockDrift([], [], [])).toEqual([])
    expect(findStockDrift(["iitem_1"], [], [])).toEqual([])
  })

  it("is empty when Medusa's stock and the lots agree", () => {
    expect(
      findStockDrift(
        ["iitem_1"],
        [level("iitem_1", "sloc_a", 10), level("iitem_1", "sloc_b", 4)],
        [lots("iitem_1", "sloc_a", 10), lots("iitem_1", "sloc_b", 4)]
      )
    ).toEqual([])
  })

  it("reports stock not in any lot as positive untracked quantity", () => {
    expect(findStockDrift(["iitem_1"], [level("iitem_1", "sloc_a", 12)], [lots("iitem_1", "sloc_a", 10)])).toEqual([
      { inventory_item_id: "iitem_1", location_id: "sloc_a", stocked_quantity: 12, lot_quantity: 10, untracked_quantity: 2 },
    ])
  })

  it("reports lots claiming more than Medusa holds as negative untracked quantity", () => {
    expect(findStockDrift(["iitem_1"], [level("iitem_1", "sloc_a", 7)], [lots("iitem_1", "sloc_a", 10)])).toEqual([
      drift("iitem_1", "sloc_a", 7, 10),
    ])
    expect(findStockDrift(["iitem_1"], [level("iitem_1", "sloc_a", 7)], [lots("iitem_1", "sloc_a", 10)])[0].untracked_quantity).toBe(-3)
  })

  it("counts a location known only to Medusa as 0 lot stock", () => {
    expect(findStockDrift(["iitem_1"], [level("iitem_1", "sloc_a", 5)], [])).toEqual([drift("iitem_1", "sloc_a", 5, 0)])
  })

  it("counts a location known only to the lots as 0 Medusa stock", () => {
    expect(findStockDrift(["iitem_1"], [], [lots("iitem_1", "sloc_a", 5)])).toEqual([drift("iitem_1", "sloc_a", 0, 5)])
  })

  it("leaves out rows whose drift is zero, also when both sides are zero or missing on one side with 0", () => {
    expect(
      findStockDrift(
        ["iitem_1"],
        [level("iitem_1", "sloc_a", 0), level("iitem_1", "sloc_b", 3), level("iitem_1", "sloc_c", 0)],
        [lots("iitem_1", "sloc_b", 3), lots("iitem_1", "sloc_d", 0)]
      )
    ).toEqual([])
  })

  it("ignores items that are not tracked, on both sides", () => {
    expect(
      findStockDrift(
        ["iitem_tracked"],
        [level("iitem_other", "sloc_a", 100), level("iitem_tracked", "sloc_a", 1)],
        [lots("iitem_other", "sloc_b", 7), lots("iitem_tracked", "sloc_a", 1)]
      )
    ).toEqual([])
  })

  it("sums several rows for the same item and location on either side", () => {
    expect(
      findStockDrift(
        ["iitem_1"],
        [level("iitem_1", "sloc_a", 5), level("iitem_1", "sloc_a", 6)],
        [lots("iitem_1", "sloc_a", 3), lots("iitem_1", "sloc_a", 4), lots("iitem_1", "sloc_a", 1)]
      )
    ).toEqual([drift("iitem_1", "sloc_a", 11, 8)])
  })

  it("coerces numeric strings (quantities read from bigNumber / raw SQL columns)", () => {
    const fromDb = { inventory_item_id: "iitem_1", location_id: "sloc_a", stocked_quantity: "12" }
    const lotFromDb = { inventory_item_id: "iitem_1", location_id: "sloc_a", quantity: "10" }
    // The declared types say number; the function still sums numerically (no "0" + "12" string concatenation).
    const result = findStockDrift(
      ["iitem_1"],
      [fromDb as unknown as StockLevel],
      [lotFromDb as unknown as LotTotal]
    )
    expect(result).toEqual([drift("iitem_1", "sloc_a", 12, 10)])
  })

  it("sorts by item, then location", () => {
    const result = findStockDrift(
      ["iitem_b", "iitem_a"],
      [level("iitem_b", "sloc_2", 1), level("iitem_a", "sloc_3", 1), level("iitem_b", "sloc_1", 1), level("iitem_a", "sloc_1", 1)],
      [lots("iitem_a", "sloc_2", 1)]
    )
    expect(result.map((r) => [r.inventory_item_id, r.location_id])).toEqual([
      ["iitem_a", "sloc_1"],
      ["iitem_a", "sloc_2"],
      ["iitem_a", "sloc_3"],
      ["iitem_b", "sloc_1"],
      ["iitem_b", "sloc_2"],
    ])
  })

  it("accepts any iterable of tracked ids (Set, generator) and tolerates duplicates", () => {
    const levels = [level("iitem_1", "sloc_a", 2)]
    function* ids() {
      yield "iitem_1"
      yield "iitem_1"
    }
    expect(findStockDrift(new Set(["iitem_1"]), levels, [])).toEqual([drift("iitem_1", "sloc_a", 2, 0)])
    expect(findStockDrift(ids(), levels, [])).toEqual([drift("iitem_1", "sloc_a", 2, 0)])
    expect(findStockDrift(["iitem_1", "iitem_1"], levels, [])).toEqual([drift("iitem_1", "sloc_a", 2, 0)])
  })

  it("does not mutate its inputs", () => {
    const levels = [level("iitem_1", "sloc_a", 2)]
    const totals = [lots("iitem_1", "sloc_a", 1)]
    const before = JSON.stringify([levels, totals])
    findStockDrift(["iitem_1"], levels, totals)
    expect(JSON.stringify([levels, totals])).toBe(before)
  })

  it("keeps item and location apart in its keys (no collision between 'a'+'bc' and 'ab'+'c')", () => {
    expect(findStockDrift(["a", "ab"], [level("a", "bc", 1)], [lots("ab", "c", 1)])).toEqual([
      drift("a", "bc", 1, 0),
      drift("ab", "c", 0, 1),
    ])
  })

  describe("property: matches a straightforward reference computation", () => {
    const ITEMS = ["iitem_a", "iitem_b", "iitem_c", "iitem_d"]
    const LOCATIONS = ["sloc_1", "sloc_2", "sloc_3"]

    /** Sum per (item, location) over everything, then look only at tracked keys with a difference. */
    function reference(tracked: string[], levels: StockLevel[], totals: LotTotal[]): StockDrift[] {
      const out: StockDrift[] = []
      for (const item of [...new Set(tracked)].sort()) {
        for (const location of [...LOCATIONS].sort()) {
          const stocked = levels
            .filter((l) => l.inventory_item_id === item && l.location_id === location)
            .reduce((sum, l) => sum + l.stocked_quantity, 0)
          const lot = totals
            .filter((t) => t.inventory_item_id === item && t.location_id === location)
            .reduce((sum, t) => sum + t.quantity, 0)
          if (stocked !== lot) {
            out.push(drift(item, location, stocked, lot))
          }
        }
      }
      return out
    }

    const itemArb = fc.constantFrom(...ITEMS)
    const locationArb = fc.constantFrom(...LOCATIONS)
    const quantityArb = fc.integer({ min: 0, max: 50 })
    const levelArb = fc.record({ inventory_item_id: itemArb, location_id: locationArb, stocked_quantity: quantityArb })
    const totalArb = fc.record({ inventory_item_id: itemArb, location_id: locationArb, quantity: quantityArb })

    it("for random levels, lot totals and tracked sets", () => {
      fc.assert(
        fc.property(
          fc.subarray(ITEMS),
          fc.array(levelArb, { maxLength: 15 }),
          fc.array(totalArb, { maxLength: 15 }),
          (tracked, levels, totals) => {
            const result = findStockDrift(tracked, levels, totals)
            expect(result).toEqual(reference(tracked, levels, totals))
            for (const row of result) {
              expect(row.untracked_quantity).not.toBe(0)
              expect(tracked).toContain(row.inventory_item_id)
            }
          }
        ),
        { numRuns: 500 }
      )
    })

    it("lots that mirror Medusa's levels exactly (in any order and split) give no drift", () => {
      fc.assert(
        fc.property(fc.array(levelArb, { maxLength: 15 }), fc.integer({ min: 0, max: 1000 }), (levels, seed) => {
          // Split every level into two lot rows and shuffle them deterministically.
          const totals = levels
            .flatMap((l) => {
              const part = l.stocked_quantity === 0 ? 0 : seed % (l.stocked_quantity + 1)
              return [lots(l.inventory_item_id, l.location_id, part), lots(l.inventory_item_id, l.location_id, l.stocked_quantity - part)]
            })
            .reverse()
          expect(findStockDrift(ITEMS, levels, totals)).toEqual([])
        })
      )
    })
  })
})

describe("findStockDrift causes", () => {
  it("names units Medusa restocked twice as the cause of surplus Medusa stock there, and nowhere else", () => {
    const restocks = [{ inventory_item_id: "i1", location_id: "loc", fulfillment_id: "ful_1", quantity: 1 }]
    const [surplus] = findStockDrift(["i1"], [level("i1", "loc", 6)], [lots("i1", "loc", 5)], { doubleRestocks: restocks })
    expect(surplus.cause).toMatch(/restocked 1 unit\(s\) twice when fulfillment ful_1 was canceled after they already came back/)
    const [shortage] = findStockDrift(["i1"], [level("i1", "loc", 4)], [lots("i1", "loc", 5)], { doubleRestocks: restocks })
    expect(shortage.cause).toBeUndefined()
    const [elsewhere] = findStockDrift(["i1"], [level("i1", "other", 1)], [], { doubleRestocks: restocks })
    expect(elsewhere.cause).toBeUndefined()
  })

  it("names returned units no lot shipped as the cause, beside units restocked twice", () => {
    const restocks = [{ inventory_item_id: "i1", location_id: "loc", fulfillment_id: "ful_1", quantity: 1 }]
    const returnSurplus = [{ inventory_item_id: "i1", location_id: "loc", quantity: 2 }]
    const [onlyReturns] = findStockDrift(["i1"], [level("i1", "loc", 7)], [lots("i1", "loc", 5)], { returnSurplus })
    expect(onlyReturns.cause).toMatch(/^Medusa restocked 2 returned unit\(s\) that no lot shipped .* Count the shelf/)
    const [both] = findStockDrift(["i1"], [level("i1", "loc", 8)], [lots("i1", "loc", 5)], { doubleRestocks: restocks, returnSurplus })
    expect(both.cause).toMatch(/restocked 1 unit\(s\) twice .* restocked 2 returned unit\(s\) that no lot shipped/)
    const [elsewhere] = findStockDrift(["i1"], [level("i1", "other", 1)], [], { returnSurplus })
    expect(elsewhere.cause).toBeUndefined()
  })

  it("names a fulfillment that never reached an order as the cause of Medusa's shortage when it explains all of it", () => {
    const orphanedFulfillments = [{ inventory_item_id: "i1", location_id: "loc", fulfillment_id: "ful_9", quantity: 2 }]
    const [short] = findStockDrift(["i1"], [level("i1", "loc", 3)], [lots("i1", "loc", 5)], { orphanedFulfillments })
    expect(short.cause).toMatch(/^Medusa took 2 unit\(s\) off its stock for fulfillment ful_9, which belongs to no order/)
    const [moreShort] = findStockDrift(["i1"], [level("i1", "loc", 2)], [lots("i1", "loc", 5)], { orphanedFulfillments })
    expect(moreShort.cause).toBeUndefined()
    const [surplus] = findStockDrift(["i1"], [level("i1", "loc", 7)], [lots("i1", "loc", 5)], { orphanedFulfillments })
    expect(surplus.cause).toBeUndefined()
  })
})
