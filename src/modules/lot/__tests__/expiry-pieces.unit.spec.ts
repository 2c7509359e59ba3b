import { expiryPieces, expiryUnits } from "../domain/expiry-pieces"

const at = (iso: string, inclusive = true) => ({ at: new Date(iso), inclusive })
const day = (iso: string) => new Date(iso)

describe("expiryPieces", () => {
  // 2026-12-07 is a Monday.
  it("reads whole weeks and days from the summary and the ragged ends from the lots", () => {
    expect(expiryPieces(at("2026-12-09T10:00:00Z", false), at("2027-01-08T10:00:00Z"))).toEqual([
      { source: "lots", from: at("2026-12-09T10:00:00Z", false), until: { at: day("2026-12-10"), inclusive: false } },
      { source: "days", from: day("2026-12-10"), until: day("2026-12-14") },
      { source: "weeks", from: day("2026-12-14"), until: day("2027-01-04") },
      { source: "days", from: day("2027-01-04"), until: day("2027-01-08") },
      // The last day whole, less what expires after the end that day.
      { source: "days", from: day("2027-01-08"), until: day("2027-01-09") },
      { source: "lots", from: at("2027-01-08T10:00:00Z", false), until: { at: day("2027-01-09"), inclusive: false }, subtract: true },
    ])
  })

  it("reads an interval inside one day from the lots alone, and whole days inside one week from the days", () => {
    expect(expiryPieces(at("2026-12-08T01:00:00Z", false), at("2026-12-08T09:00:00Z"))).toEqual([
      { source: "lots", from: at("2026-12-08T01:00:00Z", false), until: at("2026-12-08T09:00:00Z") },
    ])
    expect(expiryPieces(at("2026-12-08T00:00:00Z", false), at("2026-12-11T00:00:00Z"))).toEqual([
      { source: "lots", from: at("2026-12-08T00:00:00Z", false), until: { at: day("2026-12-09"), inclusive: false } },
      { source: "days", from: day("2026-12-09"), until: day("2026-12-11") },
      // Just midnight itself: from the lots.
      { source: "lots", from: { at: day("2026-12-11"), inclusive: true }, until: at("2026-12-11T00:00:00Z") },
    ])
  })

  it("takes a whole week from the summary when the interval is exactly that week", () => {
    expect(expiryPieces(at("2026-12-14T00:00:00Z"), at("2026-12-21T00:00:00Z", false))).toEqual([
      { source: "weeks", from: day("2026-12-14"), until: day("2026-12-21") },
    ])
  })

  it("keeps a start on Monday midnight out of the summary when it is excluded", () => {
    expect(expiryPieces(at("2026-12-14T00:00:00Z", false), at("2026-12-21T00:00:00Z", false))).toEqual([
      { source: "lots", from: at("2026-12-14T00:00:00Z", false), until: { at: day("2026-12-15"), inclusive: false } },
      { source: "days", from: day("2026-12-15"), until: day("2026-12-21") },
    ])
  })

  it("reads everything before the end's week from the summary when the start is open", () => {
    expect(expiryPieces(null, at("2026-12-09T10:00:00Z"))).toEqual([
      { source: "weeks", from: null, until: day("2026-12-07") },
      { source: "days", from: day("2026-12-07"), until: day("2026-12-09") },
      { source: "days", from: day("2026-12-09"), until: day("2026-12-10") },
      { source: "lots", from: at("2026-12-09T10:00:00Z", false), until: { at: day("2026-12-10"), inclusive: false }, subtract: true },
    ])
    // An end on Monday midnight that it includes still needs that one instant from the lots.
    expect(expiryPieces(null, at("2026-12-07T00:00:00Z")).map((p) => p.source)).toEqual(["weeks", "lots"])
    expect(expiryPieces(null, at("2026-12-07T00:00:00Z", false)).map((p) => p.source)).toEqual(["weeks"])
  })

  it("covers every moment exactly once", () => {
    const contains = (piece: ReturnType<typeof expiryPieces>[number], t: number) => {
      if (piece.source !== "lots") {
        const dayOf = Math.floor(t / 86_400_000) * 86_400_000
        const period = piece.source === "days" ? dayOf : dayOf - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000
        return (piece.from === null || period >= piece.from.getTime()) && period < piece.until.getTime()
      }
      const lo = piece.from
      const aboveLo = !lo || t > lo.at.getTime() || (lo.inclusive && t === lo.at.getTime())
      const belowHi = t < piece.until.at.getTime() || (piece.until.inclusive && t === piece.until.at.getTime())
      return aboveLo && belowHi
    }
    const hour = 3_600_000
    const base = Date.UTC(2026, 11, 1)
    const wrong: unknown[] = []
    // Starts and ends at odd hours, on Monday midnights (a multiple of 168 h from base + 144 h) and inside one week.
    const ends = [0, 5, 24, 30, 144, 150, 168, 192, 312, 313, 500, 648, 817, 960]
    for (const a of ends) {
      for (const b of ends.filter((e) => e >= a)) {
        for (const [loIn, hiIn] of [[true, true], [false, false], [true, false], [false, true]]) {
          const pieces = expiryPieces({ at: new Date(base + a * hour), inclusive: loIn }, { at: new Date(base + b * hour), inclusive: hiIn })
          for (let t = base - 10 * 24 * hour; t < base + 50 * 24 * hour; t += hour) {
            const inside = (t > base + a * hour || (loIn && t === base + a * hour)) && (t < base + b * hour || (hiIn && t === base + b * hour))
            const found = pieces.reduce((n, p) => n + (contains(p, t) ? (p.source === "lots" && p.subtract ? -1 : 1) : 0), 0)
            if (found !== (inside ? 1 : 0)) {
              wrong.push({ a, b, loIn, hiIn, t: new Date(t).toISOString(), found })
            }
          }
        }
      }
    }
    expect(wrong).toEqual([])
  })
})

describe("expiryUnits", () => {
  it("reads each week and each ragged end once, however many buckets it belongs to", () => {
    const now = at("2026-12-09T10:00:00Z", false)
    const buckets = [
      expiryPieces(now, at("2026-12-14T00:00:00Z", false)), // this week, after now
      expiryPieces(at("2026-12-14T00:00:00Z"), at("2026-12-21T00:00:00Z", false)), // next week
      expiryPieces(now, at("2026-12-30T10:00:00Z")), // a window: this week, two whole weeks, a ragged end
    ]
    const { units, members } = expiryUnits(buckets)
    const days = (from: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        source: "days",
        from: new Date(day(from).getTime() + i * 86_400_000),
        until: new Date(day(from).getTime() + (i + 1) * 86_400_000),
      }))
    expect(units).toEqual([
      { source: "lots", from: now, until: { at: day("2026-12-10"), inclusive: false } },
      ...days("2026-12-10", 4),
      { source: "weeks", from: day("2026-12-14"), until: day("2026-12-21") },
      { source: "weeks", from: day("2026-12-21"), until: day("2026-12-28") },
      ...days("2026-12-28", 3),
      { source: "lots", from: at("2026-12-30T10:00:00Z", false), until: { at: day("2026-12-31"), inclusive: false }, subtract: true },
    ])
    const of = (bucket: number) => members.filter((m) => m.bucket === bucket).map((m) => m.unit)
    expect([of(0), of(1), of(2)]).toEqual([[0, 1, 2, 3, 4], [5], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]])
  })

  it("keeps an open range of weeks (everything before) as one unit", () => {
    const { units } = expiryUnits([expiryPieces(null, at("2026-12-09T10:00:00Z"))])
    expect(units.map((u) => u.source)).toEqual(["weeks", "days", "days", "days", "lots"])
    expect(units[0]).toEqual({ source: "weeks", from: null, until: day("2026-12-07") })
  })
})
