import { allocationRulesFor } from "../domain/allocation-rules"
import { AllocationStrategy } from "../types"

const shipDate = new Date("2026-05-01T00:00:00.000Z")

describe("allocationRulesFor", () => {
  it("takes the strategy, shelf-life minimum and removal lead time from the policy, shipping on the given date", () => {
    const policy = { strategy: AllocationStrategy.LIFO, min_remaining_shelf_life_days: 30, removal_lead_days: 5 }
    expect(allocationRulesFor(policy, shipDate)).toEqual({ ...policy, ship_date: shipDate })
  })

  it.each([null, undefined])("gives an item without a policy (%p) the policy defaults: FEFO, no lead time, no minimum shelf life", (missing) => {
    expect(allocationRulesFor(missing, shipDate)).toEqual({
      strategy: AllocationStrategy.FEFO,
      ship_date: shipDate,
      min_remaining_shelf_life_days: 0,
      removal_lead_days: 0,
    })
  })

  it("leaves the policy's other fields out", () => {
    const policy = { strategy: AllocationStrategy.FIFO, min_remaining_shelf_life_days: 0, removal_lead_days: 2, tracked: true, shelf_life_days: 90 }
    expect(Object.keys(allocationRulesFor(policy, shipDate)).sort()).toEqual([
      "min_remaining_shelf_life_days",
      "removal_lead_days",
      "ship_date",
      "strategy",
    ])
  })
})
