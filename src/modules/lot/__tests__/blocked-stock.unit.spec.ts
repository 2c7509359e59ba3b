import { blockedQuantity, planBlockChanges, type LotStockBlockRow } from "../domain/blocked-stock"
import { LotStatus } from "../types"

const row = (over: Partial<LotStockBlockRow> = {}): LotStockBlockRow => ({
  stock_id: "lotstk_1",
  lot_id: "lot_1",
  lot_number: "L-1",
  status: LotStatus.ON_HOLD,
  inventory_item_id: "iitem_1",
  location_id: "sloc_1",
  quantity: 10,
  allocated_quantity: 0,
  quarantined_quantity: 0,
  blocked_reservation_id: null,
  ...over,
})

describe("blocked stock", () => {
  it("blocks the unallocated quantity of every lot that may not be sold", () => {
    expect(blockedQuantity(row({ status: LotStatus.RELEASED }))).toBe(0)
    for (const status of [LotStatus.QUARANTINE, LotStatus.ON_HOLD, LotStatus.REJECTED, LotStatus.RECALLED, LotStatus.EXPIRED]) {
      expect(blockedQuantity(row({ status, allocated_quantity: 3 }))).toBe(7)
    }
  })

  it("blocks returned units awaiting inspection of a sellable lot, and no more", () => {
    expect(blockedQuantity(row({ status: LotStatus.RELEASED, allocated_quantity: 2, quarantined_quantity: 3 }))).toBe(3)
    // A lot that may not be sold blocks every unpromised unit, returned ones included.
    expect(blockedQuantity(row({ status: LotStatus.ON_HOLD, quarantined_quantity: 3 }))).toBe(10)
  })

  it("creates, resizes and removes blocking reservations to match", () => {
    const reservations = new Map([
      ["res_a", 10],
      ["res_b", 4],
      ["res_c", 6],
    ])
    const rows = [
      row({ stock_id: "new" }),
      row({ stock_id: "same", blocked_reservation_id: "res_a" }),
      row({ stock_id: "resize", blocked_reservation_id: "res_b", quantity: 9 }),
      row({ stock_id: "released", blocked_reservation_id: "res_c", status: LotStatus.RELEASED }),
      row({ stock_id: "empty", quantity: 0 }),
    ]
    expect(planBlockChanges(rows, reservations).map((c) => [c.kind, c.row.stock_id, "quantity" in c ? c.quantity : 0])).toEqual([
      ["create", "new", 10],
      ["update", "resize", 9],
      ["delete", "released", 0],
    ])
  })

  it("replaces a blocking reservation someone deleted, and forgets a dangling one no longer needed", () => {
    const changes = planBlockChanges(
      [row({ stock_id: "gone", blocked_reservation_id: "res_x" }), row({ stock_id: "done", blocked_reservation_id: "res_y", status: LotStatus.RELEASED })],
      new Map()
    )
    expect(changes.map((c) => [c.kind, c.row.stock_id])).toEqual([
      ["create", "gone"],
      ["delete", "done"],
    ])
  })
})
