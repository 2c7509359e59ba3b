import fc from "fast-check"
import { fulfillmentCancelRefusal, planFulfillmentCancelReturn, planReturn } from "../domain/return-plan"

describe("planReturn", () => {
  const shipments = [
    { shipment_id: "shp_new", lot_id: "lot_b", open: 2 },
    { shipment_id: "shp_old", lot_id: "lot_a", open: 5 },
  ]

  it("puts units back into the most recently shipped lot first", () => {
    expect(planReturn(3, [], shipments)).toEqual({
      entries: [
        { lot_id: "lot_b", shipment_id: "shp_new", quantity: 2, chosen_by: "plugin" },
        { lot_id: "lot_a", shipment_id: "shp_old", quantity: 1, chosen_by: "plugin" },
      ],
      unmatched: 0,
    })
  })

  it("honours the lot the merchant named, against that lot's shipment", () => {
    expect(planReturn(2, [{ lot_id: "lot_a", remaining: 2 }], shipments).entries).toEqual([
      { lot_id: "lot_a", shipment_id: "shp_old", quantity: 2, chosen_by: "merchant" },
    ])
  })

  it("reports units no shipment of the line explains", () => {
    expect(planReturn(9, [], shipments).unmatched).toBe(2)
  })

  it("never books more than returned, nor more than a shipment still has out", () => {
    const arb = fc.record({
      units: fc.integer({ min: 0, max: 30 }),
      shipments: fc.array(fc.record({ lot: fc.constantFrom("a", "b", "c"), open: fc.integer({ min: 0, max: 8 }) }), { maxLength: 6 }),
      designations: fc.array(fc.record({ lot: fc.constantFrom("a", "b", "x"), remaining: fc.integer({ min: 0, max: 6 }) }), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(arb, ({ units, shipments, designations }) => {
        const ships = shipments.map((s, i) => ({ shipment_id: `s${i}`, lot_id: s.lot, open: s.open }))
        const plan = planReturn(units, designations.map((d) => ({ lot_id: d.lot, remaining: d.remaining })), ships)
        const booked = plan.entries.reduce((sum, e) => sum + e.quantity, 0)
        expect(booked + plan.unmatched).toBe(units)
        expect(plan.entries.every((e) => e.quantity > 0)).toBe(true)
        for (const s of ships) {
          const used = plan.entries.filter((e) => e.shipment_id === s.shipment_id).reduce((sum, e) => sum + e.quantity, 0)
          expect(used).toBeLessThanOrEqual(s.open)
        }
      })
    )
  })
})

describe("planFulfillmentCancelReturn", () => {
  const allocation = (id: string, lot_id: string, quantity: number) => ({ id, lot_id, line_item_id: "li_1", quantity })

  it("puts back only the units that did not already come back by a return", () => {
    expect(planFulfillmentCancelReturn([allocation("a1", "lot_a", 2)], [{ lot_id: "lot_a", line_item_id: "li_1", returned: 1 }])).toEqual([
      { ...allocation("a1", "lot_a", 2), back: 1, already_returned: 1 },
    ])
  })

  it("spreads returned units over the lot's allocations and leaves other lots whole", () => {
    const returned = [{ lot_id: "lot_a", line_item_id: "li_1", returned: 3 }]
    const rows = [allocation("a1", "lot_a", 2), allocation("a2", "lot_a", 2), allocation("b1", "lot_b", 2)]
    expect(planFulfillmentCancelReturn(rows, returned).map((r) => [r.id, r.back, r.already_returned])).toEqual([
      ["a1", 0, 2],
      ["a2", 1, 1],
      ["b1", 2, 0],
    ])
  })
})

describe("fulfillmentCancelRefusal", () => {
  it("lets units back only for a fulfillment Medusa shows canceled before it left", () => {
    const now = new Date()
    expect(fulfillmentCancelRefusal({ canceled_at: now, shipped_at: null, delivered_at: null })).toBeNull()
    expect(fulfillmentCancelRefusal({ canceled_at: now, shipped_at: null, delivered_at: now })).toMatch(/delivered/)
    expect(fulfillmentCancelRefusal({ canceled_at: null, shipped_at: now, delivered_at: null })).toMatch(/shipped/)
    expect(fulfillmentCancelRefusal({ canceled_at: null, shipped_at: null, delivered_at: null })).toMatch(/not show .* canceled/)
    expect(fulfillmentCancelRefusal(null)).toMatch(/does not know/)
  })
})
