import { recoveryRefusal, unitsStillOut, type RecalledLotUnits } from "../domain/recall-units"

const lot = (over: Partial<RecalledLotUnits> = {}): RecalledLotUnits => ({
  lot_number: "L-7",
  outstanding_at_recall: 10,
  returned_since: 3,
  recorded_recovered: 2,
  ...over,
})

describe("units of a recalled lot still with customers", () => {
  it("is what was out at the recall less returns and recorded recoveries, never below zero", () => {
    expect(unitsStillOut(lot())).toBe(5)
    expect(unitsStillOut(lot({ returned_since: 9, recorded_recovered: 4 }))).toBe(0)
  })
})

describe("recording recovered units", () => {
  it("takes up to what is still out", () => {
    expect(recoveryRefusal(lot(), 5)).toBeNull()
    expect(recoveryRefusal(lot(), 6)).toBe(
      "Lot L-7 has 5 units still with customers (10 units when the recall opened, 5 units back since): 6 units cannot be recorded as recovered."
    )
  })

  it("takes from a named customer no more than they had less what is recorded from them", () => {
    const customer = { customer: "jane@example.com", outstanding_at_recall: 3, recorded_recovered: 1 }
    expect(recoveryRefusal(lot(), 2, customer)).toBeNull()
    expect(recoveryRefusal(lot(), 3, customer)).toBe(
      "jane@example.com had 3 units of lot L-7 when the recall opened and 1 unit is already recorded as recovered: 3 units cannot be recorded as recovered from them."
    )
  })

  it("says only what the customer had when nothing is recorded from them yet", () => {
    expect(recoveryRefusal(lot(), 4, { customer: "Ida", outstanding_at_recall: 3, recorded_recovered: 0 })).toBe(
      "Ida had 3 units of lot L-7 when the recall opened: 4 units cannot be recorded as recovered from them."
    )
  })

  it("refuses a customer who had none of the lot", () => {
    expect(recoveryRefusal(lot(), 1, { customer: "Bob", outstanding_at_recall: 0, recorded_recovered: 0 })).toBe(
      "Bob had no units of lot L-7 when the recall opened."
    )
  })

  it("checks the lot before the customer", () => {
    expect(recoveryRefusal(lot({ recorded_recovered: 7 }), 1, { customer: "Bob", outstanding_at_recall: 4, recorded_recovered: 0 })).toMatch(
      /^Lot L-7 has 0 units still with customers/
    )
  })
})
