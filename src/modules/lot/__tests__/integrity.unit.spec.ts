import {
  allocatedCounterFindings, allocationFindings, blockFindings, driftNotification, fulfillmentFindings, ledgerFindings,
  reservedFindings, stockFindings,
} from "../domain/integrity"
import type { LotStockBlockRow } from "../domain/blocked-stock"

const row = (over: Partial<LotStockBlockRow> = {}): LotStockBlockRow => ({
  stock_id: "stk_1",
  lot_id: "lot_1",
  lot_number: "L-1",
  status: "released",
  inventory_item_id: "iitem_1",
  location_id: "sloc_1",
  quantity: 10,
  allocated_quantity: 2,
  quarantined_quantity: 0,
  blocked_reservation_id: null,
  ...over,
})

describe("reservedFindings", () => {
  it("names Medusa's reserved quantity that differs from its reservations, both ways, and nothing where they agree", () => {
    const findings = reservedFindings(
      [
        { inventory_item_id: "a", location_id: "x", reserved_quantity: 5 },
        { inventory_item_id: "a", location_id: "y", reserved_quantity: 1 },
        { inventory_item_id: "b", location_id: "x", reserved_quantity: 3 },
      ],
      [
        { inventory_item_id: "a", location_id: "x", quantity: 2 },
        { inventory_item_id: "a", location_id: "y", quantity: 4 },
        { inventory_item_id: "b", location_id: "x", quantity: 3 },
      ]
    )
    expect(findings.map((f) => [f.location_id, f.expected, f.actual, f.source, f.repair])).toEqual([
      ["x", 2, 5, "medusa", "automatic"],
      ["y", 4, 1, "medusa", "automatic"],
    ])
    expect(findings[0].message).toMatch(/shows 3 units fewer available than there are/)
  })

  it("a level with no reservations should reserve 0", () => {
    expect(reservedFindings([{ inventory_item_id: "a", location_id: "x", reserved_quantity: 4 }], [])[0]).toMatchObject({ expected: 0, actual: 4 })
  })
})

describe("blockFindings", () => {
  it("finds a held lot whose block is missing or short, and a released lot still blocked", () => {
    const findings = blockFindings(
      [
        row({ stock_id: "s1", status: "on_hold", blocked_reservation_id: null }),
        row({ stock_id: "s2", status: "quarantine", blocked_reservation_id: "res_2" }),
        row({ stock_id: "s3", status: "released", blocked_reservation_id: "res_3" }),
        row({ stock_id: "s4", status: "on_hold", blocked_reservation_id: "res_4" }),
      ],
      [
        { id: "res_2", inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 5, lot_stock_id: "s2" },
        { id: "res_3", inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 2, lot_stock_id: "s3" },
        { id: "res_4", inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 8, lot_stock_id: "s4" },
      ]
    )
    expect(findings.map((f) => [f.stock_id, f.expected, f.actual])).toEqual([
      ["s1", 8, 0],
      ["s2", 8, 5],
      ["s3", 0, 2],
    ])
  })

  it("finds a block no stock row points at", () => {
    const [stray] = blockFindings([row()], [{ id: "res_9", inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 3, lot_stock_id: "gone" }])
    expect(stray).toMatchObject({ check: "blocked", reservation_id: "res_9", expected: 0, actual: 3, repair: "automatic" })
    expect(stray.lot_id).toBeUndefined()
  })
})

describe("allocatedCounterFindings", () => {
  it("compares each counter with the open allocation rows", () => {
    const findings = allocatedCounterFindings([row({ stock_id: "s1", allocated_quantity: 2 }), row({ stock_id: "s2", allocated_quantity: 3 })], new Map([["s1", 2]]))
    expect(findings.map((f) => [f.stock_id, f.expected, f.actual])).toEqual([["s2", 0, 3]])
  })
})

describe("allocationFindings", () => {
  const line = { order_id: "o", line_item_id: "li", inventory_item_id: "i", location_id: "x" }
  it("accepts a line whose allocations and shortfall make up its demand", () => {
    expect(allocationFindings([{ ...line, demand: 4, allocated: 3, short: 1 }])).toEqual([])
  })
  it("finds surplus (a line that needs less) and a gap (a line never allocated)", () => {
    const findings = allocationFindings([
      { ...line, demand: 1, allocated: 3, short: 0 },
      { ...line, line_item_id: "li2", demand: 2, allocated: 0, short: 0 },
    ])
    expect(findings.map((f) => [f.line_item_id, f.expected, f.actual])).toEqual([
      ["li", 1, 3],
      ["li2", 2, 0],
    ])
    expect(findings[0].message).toMatch(/has only 1 left to fulfill/)
  })
})

describe("fulfillmentFindings", () => {
  const base = { order_id: "o", location_id: "x", inventory_item_id: "i", units: 3 }
  it("finds a fulfillment no lot booked and a canceled one the lots still count as shipped", () => {
    const findings = fulfillmentFindings([
      { ...base, fulfillment_id: "f1", canceled: false, booked: false, booked_shipped: 0 },
      { ...base, fulfillment_id: "f2", canceled: true, booked: true, booked_shipped: 3 },
      { ...base, fulfillment_id: "f3", canceled: false, booked: true, booked_shipped: 3 },
      { ...base, fulfillment_id: "f4", canceled: true, booked: true, booked_shipped: 0 },
      // Canceled before the lots ever booked it: nothing to give back.
      { ...base, fulfillment_id: "f5", canceled: true, booked: false, booked_shipped: 0 },
    ])
    expect(findings.map((f) => [f.fulfillment_id, f.expected, f.actual])).toEqual([
      ["f1", 3, 0],
      ["f2", 0, 3],
    ])
  })
})

describe("ledgerFindings", () => {
  it("lists a lot whose stock its history does not explain, and one above what it received, got back or was counted with, for a person", () => {
    const findings = ledgerFindings([
      { lot_id: "l1", lot_number: "A", inventory_item_id: "i", on_hand: 5, totals: { received: 5, shipped: -2, returned: 2 } },
      // Balanced, but a cancel put back units that never shipped.
      { lot_id: "l2", lot_number: "B", inventory_item_id: "i", on_hand: 7, totals: { received: 5, fulfillment_canceled: 2 } },
      { lot_id: "l3", lot_number: "C", inventory_item_id: "i", on_hand: 6, totals: { received: 5 } },
      // A count that found 2 units: recorded by a person, so within the lot's ceiling.
      { lot_id: "l4", lot_number: "D", inventory_item_id: "i", on_hand: 7, totals: { received: 5, adjusted: 2 } },
    ])
    expect(findings.map((f) => [f.lot_number, f.expected, f.actual, f.repair])).toEqual([
      ["B", 5, 7, "manual"],
      ["C", 5, 6, "manual"],
      ["C", 5, 6, "manual"],
    ])
  })
})

describe("stockFindings", () => {
  it("keeps a known cause and names Medusa as its source; otherwise says which side holds more", () => {
    const [known, surplus, short] = stockFindings([
      { inventory_item_id: "i", location_id: "x", stocked_quantity: 6, lot_quantity: 5, untracked_quantity: 1, cause: "Medusa restocked 1 unit(s) twice" },
      { inventory_item_id: "i", location_id: "y", stocked_quantity: 6, lot_quantity: 5, untracked_quantity: 1 },
      { inventory_item_id: "i", location_id: "z", stocked_quantity: 3, lot_quantity: 5, untracked_quantity: -2 },
    ])
    expect(known).toMatchObject({ source: "medusa", repair: "manual", message: "Medusa restocked 1 unit(s) twice" })
    expect(surplus.message).toMatch(/^Medusa holds 1 unit more than the lots/)
    expect(short.message).toMatch(/^The lots hold 2 units more than Medusa/)
  })

  it("is the repair's to make when a pending level change accounts for the whole difference", () => {
    const pending = new Map([["i\u0000x", [4]], ["i\u0000y", [3]], ["i\u0000z", [1, -2]]])
    const [unapplied, partly, taken] = stockFindings(
      [
        { inventory_item_id: "i", location_id: "x", stocked_quantity: 6, lot_quantity: 10, untracked_quantity: -4 },
        { inventory_item_id: "i", location_id: "y", stocked_quantity: 6, lot_quantity: 7, untracked_quantity: -1 },
        { inventory_item_id: "i", location_id: "z", stocked_quantity: 6, lot_quantity: 4, untracked_quantity: 2 },
      ],
      pending
    )
    expect(unapplied).toMatchObject({ repair: "automatic", source: "lots", message: expect.stringMatching(/^Lot changes of 4 units never reached/) })
    expect(partly).toMatchObject({ repair: "manual" })
    expect(taken).toMatchObject({ repair: "automatic", expected: 6, actual: 4 })
  })
})

describe("driftNotification", () => {
  it("says nothing when nothing was found, and what is left for a person otherwise", () => {
    expect(driftNotification([], 0, [])).toBeNull()
    const [f] = reservedFindings([{ inventory_item_id: "a", location_id: "x", reserved_quantity: 5 }], [])
    expect(driftNotification([f], 1, [])).toEqual({
      title: "Lot tracking: 1 problem found and repaired",
      description: "Checks that did not hold: reserved. The repair made 1 correction.",
    })
    expect(driftNotification([f, f], 1, [f])?.title).toBe("Lot tracking: 1 problem needs a person")
  })
})
