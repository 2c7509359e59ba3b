import fc from "fast-check"
import { itemLocationStock, untrackedAssignmentProblem, untrackedQuantity } from "../domain/untracked-stock"

const check = (stocked_quantity: number, lot_quantity: number, quantity: number) => ({
  inventory_item_id: "iitem_1",
  location_id: "sloc_1",
  stocked_quantity,
  lot_quantity,
  quantity,
})

describe("untrackedQuantity", () => {
  it("is what Medusa stocks beyond the lots, never negative", () => {
    expect(untrackedQuantity(20, 15)).toBe(5)
    expect(untrackedQuantity(15, 15)).toBe(0)
    expect(untrackedQuantity(10, 15)).toBe(0)
  })
})

describe("untrackedAssignmentProblem", () => {
  it("accepts up to the untracked quantity", () => {
    expect(untrackedAssignmentProblem(check(20, 15, 5))).toBeNull()
    expect(untrackedAssignmentProblem(check(20, 0, 1))).toBeNull()
  })

  it("names how many units are untracked when asked for more", () => {
    expect(untrackedAssignmentProblem(check(20, 15, 6))).toBe(
      "Only 5 unit(s) of inventory item iitem_1 at location sloc_1 are untracked (Medusa stocks 20, lots hold 15); " +
        "6 cannot be assigned to a lot."
    )
  })

  it("says none are untracked when the lots hold everything, or more", () => {
    expect(untrackedAssignmentProblem(check(15, 15, 1))).toMatch(/^No units of inventory item iitem_1 at location sloc_1 are untracked/)
    expect(untrackedAssignmentProblem(check(10, 15, 1))).toMatch(/^No units .* \(Medusa stocks 10, lots hold 15\)/)
  })

  it("never lets lot stock pass Medusa's stocked quantity", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 1000 }), (stocked, lots, quantity) => {
        const accepted = untrackedAssignmentProblem(check(stocked, lots, quantity)) === null
        expect(accepted).toBe(lots + quantity <= stocked)
      })
    )
  })
})

describe("itemLocationStock", () => {
  it("puts Medusa's levels and the lot totals side by side, per location", () => {
    expect(
      itemLocationStock(
        [
          { location_id: "sloc_b", stocked_quantity: 20 },
          { location_id: "sloc_a", stocked_quantity: 4 },
        ],
        [
          { location_id: "sloc_b", quantity: 15, allocated_quantity: 3 },
          { location_id: "sloc_c", quantity: 2, allocated_quantity: 0 },
        ]
      )
    ).toEqual([
      { location_id: "sloc_a", stocked_quantity: 4, lot_quantity: 0, allocated_quantity: 0, untracked_quantity: 4 },
      { location_id: "sloc_b", stocked_quantity: 20, lot_quantity: 15, allocated_quantity: 3, untracked_quantity: 5 },
      // Lots claim units Medusa does not stock: drift for the reconciliation, nothing untracked.
      { location_id: "sloc_c", stocked_quantity: 0, lot_quantity: 2, allocated_quantity: 0, untracked_quantity: 0 },
    ])
  })

  it("is empty for an item with no levels and no lots", () => {
    expect(itemLocationStock([], [])).toEqual([])
  })
})
