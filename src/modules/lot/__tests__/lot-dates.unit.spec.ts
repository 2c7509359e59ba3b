import { daysUntilExpiry, deriveExpiry, expiryStart, lotDateProblems, toDate } from "../domain/lot-dates"

const DAY_MS = 24 * 60 * 60 * 1000
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min))

describe("toDate", () => {
  it("returns null for null, undefined and the empty string", () => {
    expect(toDate(null)).toBeNull()
    expect(toDate(undefined)).toBeNull()
    expect(toDate("")).toBeNull()
  })

  it("parses ISO strings (as workflow checkpoints carry them)", () => {
    expect(toDate("2026-11-25T12:00:00.000Z")).toEqual(utc(2026, 11, 25, 12))
    expect(toDate("2026-11-25")).toEqual(utc(2026, 11, 25))
  })

  it("returns an equal but separate Date for a Date (callers may not mutate the input through it)", () => {
    const input = utc(2026, 1, 2)
    const result = toDate(input)
    expect(result).toEqual(input)
    expect(result).not.toBe(input)
  })
})

describe("expiryStart", () => {
  it("counts from the manufacture date when there is one", () => {
    expect(expiryStart({ manufactured_at: utc(2026, 1, 1) }, utc(2026, 2, 1))).toEqual({ from: "manufactured_at", at: utc(2026, 1, 1) })
  })

  it("counts from the receipt date without a manufacture date", () => {
    expect(expiryStart({}, utc(2026, 2, 1))).toEqual({ from: "received_at", at: utc(2026, 2, 1) })
    expect(expiryStart({ manufactured_at: "" }, "2026-02-01T00:00:00.000Z")).toEqual({ from: "received_at", at: utc(2026, 2, 1) })
  })

  it("is null with neither date", () => {
    expect(expiryStart({ manufactured_at: null }, null)).toBeNull()
  })
})

describe("deriveExpiry", () => {
  const received = utc(2026, 12, 1, 9)

  it("returns a given expiry date as is, ignoring the shelf life", () => {
    const expires = utc(2027, 3, 31)
    expect(deriveExpiry({ expires_at: expires, manufactured_at: utc(2026, 1, 1) }, 30, received)).toEqual(expires)
    expect(deriveExpiry({ expires_at: expires }, 30, received)).toEqual(expires)
  })

  it("accepts the given expiry as an ISO string and returns a Date", () => {
    const result = deriveExpiry({ expires_at: "2027-03-31T00:00:00.000Z" }, null, received)
    expect(result).toBeInstanceOf(Date)
    expect(result).toEqual(utc(2027, 3, 31))
  })

  it("does not judge a given expiry: an expiry before manufacture is still returned (lotDateProblems reports it)", () => {
    expect(deriveExpiry({ manufactured_at: utc(2026, 5, 1), expires_at: utc(2026, 4, 1) }, 10, received)).toEqual(utc(2026, 4, 1))
  })

  it("derives manufacture date + shelf life days (exact 24 h days, UTC), whatever the receipt date", () => {
    expect(deriveExpiry({ manufactured_at: utc(2026, 11, 25, 8, 30) }, 10, received)).toEqual(utc(2026, 12, 5, 8, 30))
    expect(deriveExpiry({ manufactured_at: "2026-11-25T08:30:00.000Z" }, 1, received)).toEqual(utc(2026, 11, 26, 8, 30))
  })

  it("derives receipt date + shelf life when neither expiry nor manufacture date is given", () => {
    expect(deriveExpiry({}, 28, received)).toEqual(utc(2026, 12, 29, 9))
    expect(deriveExpiry({ manufactured_at: null, expires_at: null }, 28, received)).toEqual(utc(2026, 12, 29, 9))
    expect(deriveExpiry({ manufactured_at: "", expires_at: "" }, 1, "2026-12-01T09:00:00.000Z")).toEqual(utc(2026, 12, 2, 9))
  })

  it("crosses month, year and leap-day boundaries", () => {
    expect(deriveExpiry({ manufactured_at: utc(2024, 2, 28) }, 1, received)).toEqual(utc(2024, 2, 29))
    expect(deriveExpiry({ manufactured_at: utc(2025, 2, 28) }, 1, received)).toEqual(utc(2025, 3, 1))
    expect(deriveExpiry({}, 365, utc(2026, 12, 31))).toEqual(utc(2027, 12, 31))
  })

  it("returns null without a shelf life (a lot may not expire)", () => {
    expect(deriveExpiry({}, null, received)).toBeNull()
    expect(deriveExpiry({ manufactured_at: utc(2026, 1, 1) }, null, received)).toBeNull()
    expect(deriveExpiry({ manufactured_at: utc(2026, 1, 1) }, undefined, received)).toBeNull()
  })

  it("returns null with a shelf life but nothing to count it from", () => {
    expect(deriveExpiry({}, 30, null)).toBeNull()
  })

  it("treats a shelf life of 0 as none", () => {
    expect(deriveExpiry({ manufactured_at: utc(2026, 1, 1) }, 0, received)).toBeNull()
    expect(deriveExpiry({}, 0, received)).toBeNull()
  })

  it("ignores best_before_at", () => {
    expect(deriveExpiry({ best_before_at: utc(2026, 6, 1) }, null, received)).toBeNull()
    expect(deriveExpiry({ best_before_at: utc(2026, 6, 1), manufactured_at: utc(2026, 1, 1) }, 2, received)).toEqual(utc(2026, 1, 3))
  })
})

describe("lotDateProblems", () => {
  it("is empty when no dates are given", () => {
    expect(lotDateProblems({})).toEqual([])
    expect(lotDateProblems({ manufactured_at: null, expires_at: undefined, best_before_at: "" })).toEqual([])
  })

  it("is empty for sensible dates: manufacture < best-before < expiry", () => {
    expect(
      lotDateProblems({ manufactured_at: utc(2026, 1, 1), best_before_at: utc(2026, 6, 1), expires_at: utc(2026, 12, 1) })
    ).toEqual([])
  })

  it("accepts a best-before date equal to the expiry date", () => {
    expect(lotDateProblems({ best_before_at: utc(2026, 6, 1), expires_at: utc(2026, 6, 1) })).toEqual([])
    expect(
      lotDateProblems({ manufactured_at: utc(2026, 1, 1), best_before_at: utc(2026, 6, 1), expires_at: utc(2026, 6, 1) })
    ).toEqual([])
  })

  it("refuses an expiry before the manufacture date", () => {
    expect(lotDateProblems({ manufactured_at: utc(2026, 5, 1), expires_at: utc(2026, 4, 30) })).toEqual([
      "The expiry date (30 Apr 2026) must be after the manufacture date (1 May 2026).",
    ])
  })

  it("refuses an expiry equal to the manufacture date", () => {
    expect(lotDateProblems({ manufactured_at: utc(2026, 5, 1, 10), expires_at: utc(2026, 5, 1, 10) })).toEqual([
      "The expiry date (1 May 2026) must be after the manufacture date (1 May 2026).",
    ])
  })

  it("accepts an expiry one millisecond after manufacture", () => {
    const made = utc(2026, 5, 1, 10)
    expect(lotDateProblems({ manufactured_at: made, expires_at: new Date(made.getTime() + 1) })).toEqual([])
  })

  it("refuses a best-before date on or before the manufacture date", () => {
    expect(lotDateProblems({ manufactured_at: utc(2026, 5, 1), best_before_at: utc(2026, 5, 1) })).toEqual([
      "The best-before date (1 May 2026) must be after the manufacture date (1 May 2026).",
    ])
    expect(lotDateProblems({ manufactured_at: utc(2026, 5, 1), best_before_at: utc(2026, 3, 1) })).toEqual([
      "The best-before date (1 Mar 2026) must be after the manufacture date (1 May 2026).",
    ])
  })

  it("refuses a best-before date later than the expiry date", () => {
    expect(lotDateProblems({ best_before_at: utc(2026, 7, 2), expires_at: utc(2026, 7, 1) })).toEqual([
      "The best-before date (2 Jul 2026) cannot be later than the expiry date (1 Jul 2026).",
    ])
  })

  it("compares instants, not days: an expiry later on the manufacture day is accepted", () => {
    expect(lotDateProblems({ manufactured_at: utc(2026, 5, 1, 8), expires_at: utc(2026, 5, 1, 20) })).toEqual([])
  })

  it("reports every problem, in a fixed order (expiry, best-before vs manufacture, best-before vs expiry)", () => {
    // best-before before manufacture, expiry before manufacture, best-before after expiry.
    expect(
      lotDateProblems({ manufactured_at: utc(2026, 5, 10), best_before_at: utc(2026, 5, 5), expires_at: utc(2026, 5, 1) })
    ).toEqual([
      "The expiry date (1 May 2026) must be after the manufacture date (10 May 2026).",
      "The best-before date (5 May 2026) must be after the manufacture date (10 May 2026).",
      "The best-before date (5 May 2026) cannot be later than the expiry date (1 May 2026).",
    ])
  })

  it("treats ISO strings and Dates alike, also mixed", () => {
    const asDates = lotDateProblems({ manufactured_at: utc(2026, 5, 1), expires_at: utc(2026, 4, 1) })
    const asStrings = lotDateProblems({ manufactured_at: "2026-05-01T00:00:00.000Z", expires_at: "2026-04-01T00:00:00.000Z" })
    const mixed = lotDateProblems({ manufactured_at: "2026-05-01T00:00:00.000Z", expires_at: utc(2026, 4, 1) })
    expect(asStrings).toEqual(asDates)
    expect(mixed).toEqual(asDates)
    expect(asDates).toHaveLength(1)
  })

  it("formats the days in the messages in UTC", () => {
    // 23:30 UTC; in a UTC+ zone the local day would already be the next one.
    expect(
      lotDateProblems({ manufactured_at: utc(2026, 12, 31, 23, 30), expires_at: utc(2026, 12, 31, 23, 30) })
    ).toEqual(["The expiry date (31 Dec 2026) must be after the manufacture date (31 Dec 2026)."])
  })

  it("checks only the pairs that are present", () => {
    expect(lotDateProblems({ manufactured_at: utc(2026, 5, 1) })).toEqual([])
    expect(lotDateProblems({ expires_at: utc(2000, 1, 1) })).toEqual([])
    expect(lotDateProblems({ best_before_at: utc(2000, 1, 1) })).toEqual([])
  })
})

describe("daysUntilExpiry", () => {
  const now = utc(2026, 11, 25, 12)

  it("is null for lots without an expiry", () => {
    expect(daysUntilExpiry(null, now)).toBeNull()
    expect(daysUntilExpiry(undefined, now)).toBeNull()
    expect(daysUntilExpiry("", now)).toBeNull()
  })

  it("is 0 when the lot expires right now", () => {
    expect(daysUntilExpiry(now, now)).toBe(0)
  })

  it("counts whole days, rounding down", () => {
    expect(daysUntilExpiry(new Date(now.getTime() + DAY_MS - 1), now)).toBe(0)
    expect(daysUntilExpiry(new Date(now.getTime() + DAY_MS), now)).toBe(1)
    expect(daysUntilExpiry(new Date(now.getTime() + 30 * DAY_MS + 5), now)).toBe(30)
  })

  it("is negative once expired, even by one millisecond", () => {
    expect(daysUntilExpiry(new Date(now.getTime() - 1), now)).toBe(-1)
    expect(daysUntilExpiry(new Date(now.getTime() - DAY_MS), now)).toBe(-1)
    expect(daysUntilExpiry(new Date(now.getTime() - DAY_MS - 1), now)).toBe(-2)
    expect(daysUntilExpiry(new Date(now.getTime() - 1.5 * DAY_MS), now)).toBe(-2)
  })

  it("accepts the expiry as an ISO string", () => {
    expect(daysUntilExpiry("2026-12-25T12:00:00.000Z", now)).toBe(30)
    expect(daysUntilExpiry("2026-11-24T12:00:00.000Z", now)).toBe(-1)
  })
})
