import fc from "fast-check"
import { planSurplusRelease } from "../domain/allocation-surplus"
import type { LineAllocation } from "../domain/fulfillment-plan"

const day = (n: number) => new Date(Date.UTC(2030, 0, 1 + n))
const row = (id: string, quantity: number, expiresInDays: number | null): LineAllocation => ({
  id,
  lot_id: `lot_${id}`,
  location_id: "sloc_main",
  quantity,
  expires_at: expiresInDays === null ? null : day(expiresInDays),
})

describe("planSurplusRelease", () => {
  it("gives back nothing when the line still needs every allocated unit", () => {
    expect(planSurplusRelease([row("a", 2, 10), row("b", 1, 20)], 3)).toEqual([])
    expect(planSurplusRelease([row("a", 2, 10)], 5)).toEqual([])
  })

  it("gives back the latest-expiring lot first (lots without expiry before any), splitting a row when only part is surplus", () => {
    const open = [row("a", 2, 10), row("b", 2, 300), row("c", 1, null)]
    expect(planSurplusRelease(open, 3)).toEqual([
      { allocation_id: "c", row_quantity: 1, quantity: 1, lot_id: "lot_c", location_id: "sloc_main" },
      { allocation_id: "b", row_quantity: 2, quantity: 1, lot_id: "lot_b", location_id: "sloc_main" },
    ])
  })

  it("gives back everything of a removed line (keep 0, or less)", () => {
    const open = [row("a", 2, 10), row("b", 3, 30)]
    expect(planSurplusRelease(open, 0).map((r) => [r.allocation_id, r.quantity])).toEqual([["b", 3], ["a", 2]])
    expect(planSurplusRelease(open, -1).reduce((t, r) => t + r.quantity, 0)).toBe(5)
  })

  it("ties on expiry: the newer allocation gives back first", () => {
    expect(planSurplusRelease([row("a1", 1, 10), row("a2", 1, 10)], 1).map((r) => r.allocation_id)).toEqual(["a2"])
  })

  it("always leaves exactly min(keep, allocated) units, never a row below zero", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 9 }), expiry: fc.option(fc.integer({ min: 0, max: 400 })) }), { maxLength: 8 }),
        fc.integer({ min: -2, max: 40 }),
        (rows, keep) => {
          const open = rows.map((r, i) => row(`r${String(i).padStart(2, "0")}`, r.quantity, r.expiry))
          const total = open.reduce((t, r) => t + r.quantity, 0)
          const released = planSurplusRelease(open, keep)
          expect(total - released.reduce((t, r) => t + r.quantity, 0)).toBe(Math.min(Math.max(keep, 0), total))
          for (const r of released) {
            expect(r.quantity).toBeGreaterThan(0)
            expect(r.quantity).toBeLessThanOrEqual(r.row_quantity)
          }
          expect(new Set(released.map((r) => r.allocation_id)).size).toBe(released.length)
        }
      )
    )
  })
})
