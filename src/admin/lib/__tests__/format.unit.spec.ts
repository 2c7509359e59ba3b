import { daysLeft, describeDaysLeft, expiryColor, totals } from "../format"

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
