import {
  daysLeft,
  expiryWeeks,
  isoWeekStart,
  normalizeWarningDays,
  warningBoundaries,
  warningNotification,
  windowFor,
  windowToAnnounce,
} from "../domain/expiry-warnings"

const DAY_MS = 24 * 60 * 60 * 1000
const WINDOWS = [90, 60, 30]
const asOf = new Date(Date.UTC(2026, 10, 25, 0, 5))

describe("normalizeWarningDays", () => {
  it("sorts largest first and drops duplicates", () => {
    expect(normalizeWarningDays([30, 90, 60, 30])).toEqual([90, 60, 30])
  })

  it.each([[[]], [[0]], [[-7]], [[1.5]], [[30, NaN]]])("refuses %j", (days) => {
    expect(() => normalizeWarningDays(days)).toThrow(/positive whole numbers/)
  })
})

describe("daysLeft", () => {
  it("rounds up, so a lot dated midnight N days ahead has N days left all day", () => {
    expect(daysLeft(new Date(Date.UTC(2026, 11, 25)), asOf)).toBe(30)
    expect(daysLeft(new Date(Date.UTC(2026, 11, 25)), new Date(Date.UTC(2026, 10, 25, 23, 59)))).toBe(30)
  })

  it("is exactly N at N whole days and N+1 a millisecond later", () => {
    expect(daysLeft(new Date(asOf.getTime() + 30 * DAY_MS), asOf)).toBe(30)
    expect(daysLeft(new Date(asOf.getTime() + 30 * DAY_MS + 1), asOf)).toBe(31)
  })

  it("is zero or negative once expired, and accepts ISO strings", () => {
    expect(daysLeft(asOf.toISOString(), asOf)).toBe(0)
    expect(daysLeft(new Date(asOf.getTime() - 3 * DAY_MS), asOf)).toBe(-3)
  })
})

describe("windowFor", () => {
  it.each([
    [120, null],
    [91, null],
    [90, 90],
    [61, 90],
    [60, 60],
    [31, 60],
    [30, 30],
    [20, 30],
    [1, 30],
    [0, null],
    [-5, null],
  ])("%i days left -> window %p", (days, window) => {
    expect(windowFor(days, WINDOWS)).toBe(window)
  })

  it("works with any configured windows, in any order", () => {
    expect(windowFor(10, [7, 14])).toBe(14)
    expect(windowFor(7, [14, 7])).toBe(7)
  })
})

describe("windowToAnnounce", () => {
  it("announces a window once, then nothing until the lot enters a smaller one", () => {
    expect(windowToAnnounce(85, null, WINDOWS)).toBe(90)
    expect(windowToAnnounce(84, 90, WINDOWS)).toBeNull()
    expect(windowToAnnounce(60, 90, WINDOWS)).toBe(60)
    expect(windowToAnnounce(45, 60, WINDOWS)).toBeNull()
    expect(windowToAnnounce(30, 60, WINDOWS)).toBe(30)
    expect(windowToAnnounce(1, 30, WINDOWS)).toBeNull()
  })

  it("announces a lot first seen at 20 days once, for 30 (not 90, 60 and 30)", () => {
    expect(windowToAnnounce(20, null, WINDOWS)).toBe(30)
    expect(windowToAnnounce(19, 30, WINDOWS)).toBeNull()
  })

  it("skips windows a lot jumped over since the last run", () => {
    expect(windowToAnnounce(25, 90, WINDOWS)).toBe(30)
  })

  it("never announces outside every window or after expiry", () => {
    expect(windowToAnnounce(200, null, WINDOWS)).toBeNull()
    expect(windowToAnnounce(0, null, WINDOWS)).toBeNull()
  })
})

describe("warningBoundaries", () => {
  it("gives each window's last expiry moment, smallest window first", () => {
    expect(warningBoundaries(WINDOWS, asOf)).toEqual([
      { window_days: 30, until: new Date(asOf.getTime() + 30 * DAY_MS) },
      { window_days: 60, until: new Date(asOf.getTime() + 60 * DAY_MS) },
      { window_days: 90, until: new Date(asOf.getTime() + 90 * DAY_MS) },
    ])
  })

  it("agrees with windowFor: the first boundary at or after the expiry is the lot's window", () => {
    const bounds = warningBoundaries(WINDOWS, asOf)
    for (const offsetMs of [1, 29 * DAY_MS, 30 * DAY_MS, 30 * DAY_MS + 1, 59.5 * DAY_MS, 90 * DAY_MS, 90 * DAY_MS + 1]) {
      const expires = new Date(asOf.getTime() + offsetMs)
      const viaBounds = bounds.find((b) => expires.getTime() <= b.until.getTime())?.window_days ?? null
      expect(viaBounds).toBe(windowFor(daysLeft(expires, asOf), WINDOWS))
    }
  })

  it("does not reorder the caller's array", () => {
    const windows = [90, 60, 30]
    warningBoundaries(windows, asOf)
    expect(windows).toEqual([90, 60, 30])
  })
})

describe("warningNotification", () => {
  it("is null when nothing was announced", () => {
    expect(warningNotification([])).toBeNull()
  })

  it("names the count and the window when all lots entered the same one", () => {
    expect(warningNotification([{ window_days: 30 }, { window_days: 30 }, { window_days: 30 }])).toEqual({
      title: "3 lots expire within 30 days",
      description: "See them on the Expiry page: /app/expiry",
    })
    expect(warningNotification([{ window_days: 60 }])?.title).toBe("1 lot expires within 60 days")
  })

  it("summarises several windows, smallest first", () => {
    expect(warningNotification([{ window_days: 90 }, { window_days: 30 }, { window_days: 90 }])).toEqual({
      title: "3 lots entered an expiry warning window",
      description: "1 lot expires within 30 days, 2 lots expire within 90 days. See them on the Expiry page: /app/expiry",
    })
  })
})

describe("isoWeekStart / expiryWeeks", () => {
  it("starts ISO weeks on Monday, UTC", () => {
    // 25 Nov 2026 is a Wednesday; 23 Nov the Monday; a Sunday belongs to the week before it.
    expect(isoWeekStart(asOf).toISOString()).toBe("2026-11-23T00:00:00.000Z")
    expect(isoWeekStart(new Date(Date.UTC(2026, 10, 23))).toISOString()).toBe("2026-11-23T00:00:00.000Z")
    expect(isoWeekStart(new Date(Date.UTC(2026, 10, 29, 23, 59))).toISOString()).toBe("2026-11-23T00:00:00.000Z")
  })

  it("lists this week and the following ones, across a year end", () => {
    const weeks = expiryWeeks(asOf, 26)
    expect(weeks).toHaveLength(26)
    expect(weeks.slice(0, 3)).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"])
    expect(weeks[6]).toBe("2027-01-04")
    expect(weeks[25]).toBe("2027-05-17")
  })
})
