import {
  compactNumber, counted, daysLeft, describeDaysLeft, describeIntegrity, describeLotEdit, describeRepair, expiryColor, integrityCheckLabel,
  isLotEditData, signedUnits, totals,
} from "../format"

describe("expiry display", () => {
  const now = new Date("2026-11-25T15:30:00Z")

  it("counts whole calendar days to the expiry day", () => {
    expect(daysLeft("2026-11-25T00:00:00.000Z", now)).toBe(0)
    expect(daysLeft("2026-11-26T00:00:00.000Z", now)).toBe(1)
    expect(daysLeft("2026-11-22T00:00:00.000Z", now)).toBe(-3)
    expect(daysLeft(null, now)).toBeNull()
  })

  it("colours by the 30/60/90-day windows", () => {
    expect(expiryColor(-3)).toBe("red")
    expect(expiryColor(30)).toBe("red")
    expect(expiryColor(31)).toBe("orange")
    expect(expiryColor(60)).toBe("orange")
    expect(expiryColor(90)).toBe("blue")
    expect(expiryColor(91)).toBe("green")
    expect(expiryColor(null)).toBe("grey")
  })

  it("says it in words", () => {
    expect(describeDaysLeft(-1)).toBe("Expired 1 day ago")
    expect(describeDaysLeft(0)).toBe("Expires today")
    expect(describeDaysLeft(12)).toBe("12 days left")
    expect(describeDaysLeft(null)).toBe("No expiry")
  })

  it("adds up stock over locations", () => {
    expect(totals([{ quantity: 5, allocated_quantity: 2 }, { quantity: 3, allocated_quantity: 0 }])).toEqual({ quantity: 8, allocated: 2 })
  })
})

describe("integrity display", () => {
  const finding = {}

  it("names each check in a merchant's words, and an unknown one as it is named", () => {
    expect(integrityCheckLabel("blocked")).toBe("Held back")
    expect(integrityCheckLabel("allocated")).toBe("Allocated counter")
    expect(integrityCheckLabel("ledger")).toBe("History")
    expect(integrityCheckLabel("shelf_life")).toBe("shelf_life")
    expect(integrityCheckLabel("constructor")).toBe("constructor")
  })

  it("says whether everything is in balance, or how many problems there are", () => {
    expect(describeIntegrity({ checked_items: 12, findings: [] })).toBe("All 12 lot-tracked items are in balance")
    expect(describeIntegrity({ checked_items: 1, findings: [] })).toBe("The lot-tracked item is in balance")
    expect(describeIntegrity({ checked_items: 0, findings: [] })).toBe("No items are lot-tracked yet")
    expect(describeIntegrity({ checked_items: 12, findings: [finding] })).toBe("1 problem found")
    expect(describeIntegrity({ checked_items: 12, findings: [finding, finding, finding] })).toBe("3 problems found")
  })

  it("sums up a repair: found, corrected, left for a person", () => {
    const none = { found: [], corrections: [], after: { findings: [] } }
    expect(describeRepair(none)).toBe("Nothing to repair: everything is in balance.")
    expect(describeRepair({ found: [finding, finding], corrections: [finding, finding], after: { findings: [] } })).toBe(
      "2 problems found, 2 corrections made; everything is in balance now."
    )
    expect(describeRepair({ found: [finding, finding], corrections: [finding], after: { findings: [finding] } })).toBe(
      "2 problems found, 1 correction made; 1 left for a person."
    )
  })
})

describe("counts in words", () => {
  it("says one unit, one lot, and plural otherwise", () => {
    expect(counted(1, "unit")).toBe("1 unit")
    expect(counted(0, "unit")).toBe("0 units")
    expect(counted(1200, "lot")).toBe("1,200 lots")
    expect(counted(2, "delivery", "deliveries")).toBe("2 deliveries")
  })

  it("signs history quantities with a real minus", () => {
    expect(signedUnits(1)).toBe("+1 unit")
    expect(signedUnits(-3)).toBe("−3 units")
  })

  it("shortens chart numbers", () => {
    expect(compactNumber(950)).toBe("950")
    expect(compactNumber(1240)).toBe("1.2k")
    expect(compactNumber(34_000)).toBe("34k")
  })
})

describe("lot edit display", () => {
  it("shows one line per field a merchant reads, old → new, in a fixed order (the stored JSON keeps none)", () => {
    const lines = describeLotEdit({
      changes: {
        notes: { from: null, to: "Expiry misread" },
        supplier_details: { from: { name: "Alpine Dairy" }, to: { name: "Hof Berger" } },
        supplier: { from: "Alpine Dairy", to: "Hof Berger" },
        supplier_id: { from: "lotsup_1", to: "lotsup_2" },
        expires_at: { from: "2027-01-01T00:00:00.000Z", to: "2027-02-01T00:00:00.000Z" },
        best_before_at: { from: "2026-12-20T00:00:00.000Z", to: null },
      },
    })
    expect(lines).toEqual([
      "Expiry: 1 Jan 2027 → 1 Feb 2027",
      "Best before: 20 Dec 2026 → —",
      "Supplier: “Alpine Dairy” → “Hof Berger”",
      "Notes: — → “Expiry misread”",
    ])
  })

  it("says where a derived expiry came from", () => {
    const data = { changes: { expires_at: { from: null, to: "2026-12-29T09:00:00.000Z" } }, derived_expiry: { from: "received_at" as const, shelf_life_days: 28 } }
    expect(describeLotEdit(data)).toEqual(["Expiry: — → 29 Dec 2026 (received + 28 days shelf life)"])
  })

  it("keeps long or multi-line text on one short line", () => {
    const [line] = describeLotEdit({ changes: { notes: { from: "a\nb", to: "x".repeat(100) } } })
    expect(line).toBe(`Notes: “a b” → “${"x".repeat(59)}…”`)
  })

  it("recognises the data of an edit, not that of other history entries", () => {
    expect(isLotEditData({ changes: {} })).toBe(true)
    expect(isLotEditData({ test_results: [] })).toBe(false)
    expect(isLotEditData(null)).toBe(false)
  })
})
