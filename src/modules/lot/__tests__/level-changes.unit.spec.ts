import { netLevelChanges, PendingLevelChangeAction, pendingLevelChangeAction } from "../domain/level-changes"

describe("netLevelChanges", () => {
  it("nets one write's changes per item and location and drops what nets to nothing", () => {
    expect(
      netLevelChanges([
        { inventory_item_id: "a", location_id: "x", quantity: -5 },
        { inventory_item_id: "a", location_id: "y", quantity: 5 },
        { inventory_item_id: "b", location_id: "x", quantity: 3 },
        { inventory_item_id: "b", location_id: "x", quantity: -3 },
        { inventory_item_id: "a", location_id: "x", quantity: 2 },
      ])
    ).toEqual([
      { inventory_item_id: "a", location_id: "x", quantity: -3 },
      { inventory_item_id: "a", location_id: "y", quantity: 5 },
    ])
  })
})

describe("pendingLevelChangeAction", () => {
  it("applies what Medusa is missing, marks what it already has, and leaves anything else to a person", () => {
    expect(pendingLevelChangeAction(4, [4])).toBe(PendingLevelChangeAction.APPLY)
    expect(pendingLevelChangeAction(-2, [-2])).toBe(PendingLevelChangeAction.APPLY)
    expect(pendingLevelChangeAction(0, [4])).toBe(PendingLevelChangeAction.MARK_APPLIED)
    expect(pendingLevelChangeAction(3, [4])).toBe(PendingLevelChangeAction.MANUAL)
    expect(pendingLevelChangeAction(-4, [4])).toBe(PendingLevelChangeAction.MANUAL)
  })

  it("accepts a difference that some of several pending changes add up to (some reached Medusa, some did not)", () => {
    expect(pendingLevelChangeAction(2, [1, -1, 1, 1, 1])).toBe(PendingLevelChangeAction.APPLY)
    expect(pendingLevelChangeAction(-1, [1, -1, 1])).toBe(PendingLevelChangeAction.APPLY)
    expect(pendingLevelChangeAction(7, [2, 3])).toBe(PendingLevelChangeAction.MANUAL)
    expect(pendingLevelChangeAction(5, [])).toBe(PendingLevelChangeAction.MANUAL)
  })

  it("gives up on more pending changes than it can tell apart", () => {
    const many = Array.from({ length: 40 }, (_, i) => 2 ** (i % 20) + i)
    expect(pendingLevelChangeAction(-1, many)).toBe(PendingLevelChangeAction.MANUAL)
  })
})
