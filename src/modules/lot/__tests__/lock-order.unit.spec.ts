import fc from "fast-check"
import { byLotAndLocation, inLockOrder } from "../domain/lock-order"

describe("inLockOrder", () => {
  it("sorts by lot, then location, without changing the rows", () => {
    const rows = [
      { lot_id: "lot_b", location_id: "sloc_a", n: 1 },
      { lot_id: "lot_a", location_id: "sloc_b", n: 2 },
      { lot_id: "lot_a", location_id: "sloc_a", n: 3 },
    ]
    expect(inLockOrder(rows, byLotAndLocation).map((r) => r.n)).toEqual([3, 2, 1])
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3])
  })

  it("keeps rows with equal keys in their input order", () => {
    const rows = [
      { lot_id: "lot_a", location_id: "sloc_a", n: 1 },
      { lot_id: "lot_0", location_id: "sloc_a", n: 2 },
      { lot_id: "lot_a", location_id: "sloc_a", n: 3 },
    ]
    expect(inLockOrder(rows, byLotAndLocation).map((r) => r.n)).toEqual([2, 1, 3])
  })

  it("compares key by key, a missing key part as the smallest", () => {
    const rows = [{ key: ["b"] }, { key: ["a", "z"] }, { key: ["a", null] }, { key: ["a", "b"] }]
    expect(inLockOrder(rows, (r) => r.key).map((r) => r.key)).toEqual([["a", null], ["a", "b"], ["a", "z"], ["b"]])
  })

  it("gives any two transactions the same order for the rows they share", () => {
    const row = fc.record({ lot_id: fc.constantFrom("lot_a", "lot_b", "lot_c"), location_id: fc.constantFrom("sloc_1", "sloc_2") })
    fc.assert(
      fc.property(fc.array(row), fc.array(row), (first, second) => {
        const shared = (rows: typeof first) =>
          inLockOrder(rows, byLotAndLocation)
            .map((r) => `${r.lot_id}/${r.location_id}`)
            .filter((key) => first.some((r) => `${r.lot_id}/${r.location_id}` === key) && second.some((r) => `${r.lot_id}/${r.location_id}` === key))
        const dedupe = (keys: string[]) => keys.filter((key, i) => keys.indexOf(key) === i)
        expect(dedupe(shared(first))).toEqual(dedupe(shared(second)))
      })
    )
  })
})
