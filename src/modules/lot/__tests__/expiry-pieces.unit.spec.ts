import { expiryPieces, pieceColumns } from "../domain/expiry-pieces"

const at = (iso: string, inclusive = true) => ({ at: new Date(iso), inclusive })
const day = (iso: string) => new Date(iso)

describe("expiryPieces", () => {
  // 2026-12-07 is a Monday.
  it("reads whole weeks from the summary and the ragged ends from the lots", () => {
    expect(expiryPieces(at("2026-12-09T10:00:00Z", false), at("2027-01-08T10:00:00Z"))).toEqual([
      { source: "lots", from: at("2026-12-09T10:00:00Z", false), until: { at: day("2026-12-14"), inclusive: false } },
      { source: "weeks", from: day("2026-12-14"), until: day("2027-01-04") },
      { source: "lots", from: { at: day("2027-01-04"), inclusive: true }, until: at("2027-01-08T10:00:00Z") },
    ])
  })

  it("reads an interval inside one week from the lots alone", () => {
    expect(expiryPieces(at("2026-12-08T00:00:00Z", false), at("2026-12-11T00:00:00Z"))).toEqual([
      { source: "lots", from: at("2026-12-08T00:00:00Z", false), until: at("2026-12-11T00:00:00Z") },
    ])
  })

  it("takes a whole week from the summary when the interval is exactly that week", () => {
    expect(expiryPieces(at("2026-12-14T00:00:00Z"), at("2026-12-21T00:00:00Z", false))).toEqual([
      { source: "weeks", from: day("2026-12-14"), until: day("2026-12-21") },
    ])
  })

  it("keeps a start on Monday midnight out of the summary when it is excluded", () => {
    expect(expiryPieces(at("2026-12-14T00:00:00Z", false), at("2026-12-21T00:00:00Z", false))).toEqual([
      { source: "lots", from: at("2026-12-14T00:00:00Z", false), until: at("2026-12-21T00:00:00Z", false) },
    ])
  })

  it("reads everything before the end's week from the summary when the start is open", () => {
    expect(expiryPieces(null, at("2026-12-09T10:00:00Z"))).toEqual([
      { source: "weeks", from: null, until: day("2026-12-07") },
      { source: "lots", from: { at: day("2026-12-07"), inclusive: true }, until: at("2026-12-09T10:00:00Z") },
    ])
    // An end on Monday midnight that it includes still needs that one instant from the lots.
    expect(expiryPieces(null, at("2026-12-07T00:00:00Z")).map((p) => p.source)).toEqual(["weeks", "lots"])
    expect(expiryPieces(null, at("2026-12-07T00:00:00Z", false)).map((p) => p.source)).toEqual(["weeks"])
  })

  it("covers every moment exactly once", () => {
    const contains = (piece: ReturnType<typeof expiryPieces>[number], t: number) => {
      if (piece.source === "weeks") {
        const week = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), new Date(t).getUTCDate()) -
          ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000
        return (piece.from === null || week >= piece.from.getTime()) && week < piece.until.getTime()
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
    const ends = [0, 5, 144, 150, 168, 312, 313, 500, 648, 817, 960]
    for (const a of ends) {
      for (const b of ends.filter((e) => e >= a)) {
        for (const [loIn, hiIn] of [[true, true], [false, false], [true, false], [false, true]]) {
          const pieces = expiryPieces({ at: new Date(base + a * hour), inclusive: loIn }, { at: new Date(base + b * hour), inclusive: hiIn })
          for (let t = base - 10 * 24 * hour; t < base + 50 * 24 * hour; t += hour) {
            const inside = (t > base + a * hour || (loIn && t === base + a * hour)) && (t < base + b * hour || (hiIn && t === base + b * hour))
            const found = pieces.filter((p) => contains(p, t)).length
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

describe("pieceColumns", () => {
  it("flattens pieces per bucket for one unnest", () => {
    const columns = pieceColumns([
      [{ source: "weeks", from: null, until: day("2026-12-07") }],
      [{ source: "lots", from: at("2026-12-09T10:00:00Z", false), until: at("2026-12-10T00:00:00Z") }],
    ])
    expect(columns).toEqual({
      bucket: [0, 1],
      source: ["weeks", "lots"],
      from: [null, day("2026-12-09T10:00:00Z")],
      until: [day("2026-12-07"), day("2026-12-10")],
      from_inclusive: [true, false],
      until_inclusive: [false, true],
    })
  })
})
