import { IntegrityCheck } from "../domain/integrity"
import { overReservedFindings, reservedForOpenUnits, type LineReservation } from "../domain/line-reservations"

const reservation = (id: string, quantity: number, location_id = "sloc_main"): LineReservation => ({
  id,
  inventory_item_id: "iitem_1",
  location_id,
  quantity,
})

describe("reservedForOpenUnits", () => {
  it("counts every unit while the line has that many left", () => {
    const counted = reservedForOpenUnits(5, [reservation("res_b", 2), reservation("res_a", 3)])
    expect(counted.map((c) => [c.reservation.id, c.units])).toEqual([
      ["res_b", 2],
      ["res_a", 3],
    ])
  })

  it("gives what is left to the newest reservations and nothing to older ones a rollback brought back", () => {
    const counted = reservedForOpenUnits(1, [reservation("res_01", 3, "sloc_a"), reservation("res_02", 3, "sloc_b")])
    expect(counted.map((c) => [c.reservation.location_id, c.units])).toEqual([
      ["sloc_b", 1],
      ["sloc_a", 0],
    ])
  })

  it("counts nothing for a line fulfilled in full, and never a negative number", () => {
    expect(reservedForOpenUnits(0, [reservation("res_1", 2)]).map((c) => c.units)).toEqual([0])
    expect(reservedForOpenUnits(-3, [reservation("res_1", 2)]).map((c) => c.units)).toEqual([0])
    expect(reservedForOpenUnits(4, [reservation("res_1", -1)]).map((c) => c.units)).toEqual([0])
  })
})

describe("overReservedFindings", () => {
  const line = (unfulfilled: number, reservations: LineReservation[]) => ({
    order_id: "order_1",
    line_item_id: "ordli_1",
    unfulfilled,
    reservations,
  })

  it("finds nothing when the reservations hold at most what the line has left", () => {
    expect(overReservedFindings([line(3, [reservation("res_1", 2), reservation("res_2", 1)])])).toEqual([])
    expect(overReservedFindings([line(3, [reservation("res_1", 1)])])).toEqual([])
  })

  it("asks to lower a line's reservation after an edit re-reserved fulfilled units (4 → 3 with 2 fulfilled reserves 3)", () => {
    const [finding, ...rest] = overReservedFindings([line(1, [reservation("res_1", 3)])])
    expect(rest).toEqual([])
    expect(finding).toMatchObject({
      check: IntegrityCheck.OVER_RESERVED,
      reservation_id: "res_1",
      line_item_id: "ordli_1",
      order_id: "order_1",
      expected: 1,
      actual: 3,
      source: "medusa",
      repair: "automatic",
    })
    expect(finding.message).toContain("2 units are held back from sale for no one")
    expect(finding.message).toContain("lowers the reservation to 1")
  })

  it("asks to delete the reservation a fulfilled line kept", () => {
    const [finding] = overReservedFindings([line(0, [reservation("res_1", 1)])])
    expect(finding).toMatchObject({ expected: 0, actual: 1 })
    expect(finding.message).toContain("which has nothing left to fulfill")
    expect(finding.message).toContain("deletes the reservation")
  })

  it("keeps the newest reservation and trims an older one at another location (restored by Medusa's rollback)", () => {
    const findings = overReservedFindings([line(2, [reservation("res_01", 2, "sloc_a"), reservation("res_02", 2, "sloc_b")])])
    expect(findings.map((f) => [f.reservation_id, f.location_id, f.expected, f.actual])).toEqual([["res_01", "sloc_a", 0, 2]])
  })
})
