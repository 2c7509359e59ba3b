import type { AllocationRules } from "../domain/allocation"
import {
  decidePickScan,
  doNotPickMessage,
  noFreeStockMessage,
  pickSwapMessage,
  planPickSwap,
  type PickOpenAllocation,
  type PickScanFacts,
  type PickScanLot,
} from "../domain/pick-scan"
import { AllocationStrategy, LotStatus } from "../types"

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
const rules = (over: Partial<AllocationRules> = {}): AllocationRules => ({
  strategy: AllocationStrategy.FEFO,
  ship_date: day("2026-11-25"),
  min_remaining_shelf_life_days: 0,
  removal_lead_days: 0,
  ...over,
})
const lot = (over: Partial<PickScanLot> = {}): PickScanLot => ({
  lot_id: "lot_b",
  lot_number: "B-1",
  inventory_item_id: "iitem_1",
  status: LotStatus.RELEASED,
  expires_at: day("2027-06-01"),
  received_at: day("2026-01-01"),
  available: 0,
  ...over,
})
const open = (over: Partial<PickOpenAllocation> = {}): PickOpenAllocation => ({
  allocation_id: "alloc_1",
  line_item_id: "line_1",
  lot_id: "lot_a",
  lot_number: "A-1",
  location_id: "sloc_main",
  quantity: 3,
  expires_at: day("2027-01-01"),
  ...over,
})
const facts = (over: Partial<PickScanFacts> = {}): PickScanFacts => ({
  order_label: "#7",
  lines: [{ line_item_id: "line_1", inventory_item_id: "iitem_1" }],
  open: [open()],
  lot: lot(),
  product: "Greek yogurt (SKU YOG-1)",
  rules: rules(),
  status_reason: null,
  ...over,
})

describe("doNotPickMessage", () => {
  it("lets a released lot that keeps past shipment be picked", () => {
    expect(doNotPickMessage(lot(), rules())).toBeNull()
  })

  it.each([
    [LotStatus.ON_HOLD, "lab check", "Do not pick lot B-1: it is on hold (lab check). Put it aside and scan another lot."],
    [LotStatus.QUARANTINE, null, "Do not pick lot B-1: it is in quarantine, waiting for quality release. Put it aside and scan another lot."],
    [LotStatus.REJECTED, "mould", "Do not pick lot B-1: it was rejected by quality (mould). Put it aside and scan another lot."],
    [LotStatus.RECALLED, "RC-1", "Do not pick lot B-1: it is recalled (RC-1). Put it aside and scan another lot."],
    [LotStatus.EXPIRED, null, "Do not pick lot B-1: it is expired (expiry 1 Jun 2027). Put it aside and scan another lot."],
  ])("names the status (%s) and its reason", (status, reason, message) => {
    expect(doNotPickMessage(lot({ status }), rules(), reason)).toBe(message)
  })

  it("refuses a released lot that is expired at shipment, or short of the minimum shelf life", () => {
    expect(doNotPickMessage(lot({ expires_at: day("2026-11-25") }), rules())).toBe(
      "Do not pick lot B-1: it expires 25 Nov 2026, so it is expired at shipment. Put it aside and scan another lot."
    )
    expect(doNotPickMessage(lot({ expires_at: day("2026-12-10") }), rules({ min_remaining_shelf_life_days: 30 }))).toBe(
      "Do not pick lot B-1: it expires 10 Dec 2026, less than the 30 days of shelf life the customer must get. Put it aside and scan another lot."
    )
  })
})

describe("decidePickScan", () => {
  it("refuses an item that is not on the order", () => {
    expect(decidePickScan(facts({ lot: lot({ inventory_item_id: "iitem_other" }) }))).toEqual({
      outcome: "refused",
      message: "This is Greek yogurt (SKU YOG-1), lot B-1, which is not on order #7.",
    })
  })

  it("refuses the right item scanned against another line", () => {
    expect(decidePickScan(facts({ line_item_id: "line_2" })).outcome).toBe("refused")
  })

  it("checks the item before the lot's status: a held lot of another product is the wrong item", () => {
    const decision = decidePickScan(facts({ lot: lot({ inventory_item_id: "iitem_other", status: LotStatus.ON_HOLD }) }))
    expect(decision).toMatchObject({ outcome: "refused", message: expect.stringContaining("not on order #7") })
  })

  it("refuses a held lot even when it is the allocated one", () => {
    const decision = decidePickScan(facts({ lot: lot({ lot_id: "lot_a", lot_number: "A-1", status: LotStatus.ON_HOLD }), status_reason: "complaint" }))
    expect(decision).toEqual({ outcome: "refused", message: "Do not pick lot A-1: it is on hold (complaint). Put it aside and scan another lot." })
  })

  it("confirms one of the line's allocated lots with the units allocated from it", () => {
    const decision = decidePickScan(
      facts({
        lot: lot({ lot_id: "lot_a", lot_number: "A-1" }),
        open: [open(), open({ allocation_id: "alloc_2", quantity: 2 }), open({ allocation_id: "alloc_3", lot_id: "lot_c", quantity: 4 })],
      })
    )
    expect(decision).toEqual({
      outcome: "confirmed",
      line_item_id: "line_1",
      location_id: "sloc_main",
      quantity: 5,
      message: "Lot A-1 is the right lot: pick 5 units of Greek yogurt (SKU YOG-1).",
    })
  })

  it("asks for a swap onto an eligible lot the line is not allocated to, at the allocation's location", () => {
    expect(decidePickScan(facts())).toEqual({ outcome: "swap", line_item_id: "line_1", location_id: "sloc_main" })
  })

  it("keeps to the location the picker works at", () => {
    const twoPlaces = facts({ open: [open(), open({ allocation_id: "alloc_2", location_id: "sloc_second" })] })
    expect(decidePickScan({ ...twoPlaces, location_id: "sloc_second" })).toMatchObject({ outcome: "swap", location_id: "sloc_second" })
    expect(decidePickScan({ ...twoPlaces, location_id: "sloc_none" })).toMatchObject({ outcome: "refused" })
  })

  it("when asked to warn, holds back a swap onto a lot that expires after one allocated here", () => {
    expect(decidePickScan(facts({ fefo_skip: "warn", open: [open(), open({ allocation_id: "alloc_2", lot_id: "lot_0", lot_number: "Z-0", expires_at: day("2026-12-20") })] }))).toEqual({
      outcome: "fefo_warning",
      line_item_id: "line_1",
      location_id: "sloc_main",
      skipped: { lot_id: "lot_0", lot_number: "Z-0", expires_at: day("2026-12-20") },
      message: "Lot Z-0 expires first (20 Dec 2026) and is the one to pick. Lot B-1 expires 1 Jun 2027: take it anyway?",
    })
    // A lot without expiry comes after every dated one.
    expect(decidePickScan(facts({ fefo_skip: "warn", lot: lot({ expires_at: null }) }))).toMatchObject({
      outcome: "fefo_warning",
      message: "Lot A-1 expires first (1 Jan 2027) and is the one to pick. Lot B-1 expires never: take it anyway?",
    })
  })

  it("when asked to warn, names a free lot on the shelf that expires before the scanned and the allocated lots", () => {
    const shelf = { lot_id: "lot_free", lot_number: "F-0", location_id: "sloc_main", expires_at: day("2026-12-10") }
    expect(decidePickScan(facts({ fefo_skip: "warn", lot: lot({ expires_at: day("2026-12-31") }), free_lots: [shelf] }))).toMatchObject({
      outcome: "fefo_warning",
      skipped: { lot_id: "lot_free", lot_number: "F-0", expires_at: day("2026-12-10") },
      message: "Lot F-0 expires first (10 Dec 2026) and is the one to pick. Lot B-1 expires 31 Dec 2026: take it anyway?",
    })
    // A free lot at another location, or one expiring after the scanned lot, is not skipped.
    const elsewhere = { ...shelf, location_id: "sloc_second" }
    expect(decidePickScan(facts({ fefo_skip: "warn", lot: lot({ expires_at: day("2026-12-31") }), free_lots: [elsewhere] })).outcome).toBe("swap")
    const later = { ...shelf, expires_at: day("2027-02-01") }
    expect(decidePickScan(facts({ fefo_skip: "warn", lot: lot({ expires_at: day("2026-12-31") }), free_lots: [later] })).outcome).toBe("swap")
  })

  it("does not warn for an earlier-expiring lot, when allowed, or under FIFO", () => {
    expect(decidePickScan(facts({ fefo_skip: "warn", lot: lot({ expires_at: day("2026-12-31") }) })).outcome).toBe("swap")
    expect(decidePickScan(facts({ fefo_skip: "allow" })).outcome).toBe("swap")
    expect(decidePickScan(facts({ fefo_skip: "warn", rules: rules({ strategy: AllocationStrategy.FIFO }) })).outcome).toBe("swap")
  })

  it("refuses when the line has nothing left to pick", () => {
    expect(decidePickScan(facts({ open: [] }))).toEqual({
      outcome: "refused",
      message: "Nothing left to pick for Greek yogurt (SKU YOG-1) on order #7: no units of it are waiting to be picked.",
    })
  })
})

describe("planPickSwap", () => {
  const src = (id: string, quantity: number, expires: string | null) => ({
    allocation_id: id,
    lot_id: `lot_${id}`,
    quantity,
    expires_at: expires ? day(expires) : null,
  })

  it("takes the latest-expiring allocations first (no expiry counts as latest), up to the free units", () => {
    const sources = [src("a", 3, "2027-01-01"), src("b", 2, "2027-05-01"), src("c", 1, null)]
    expect(planPickSwap(sources, 4)).toEqual([
      { allocation_id: "c", lot_id: "lot_c", quantity: 1 },
      { allocation_id: "b", lot_id: "lot_b", quantity: 2 },
      { allocation_id: "a", lot_id: "lot_a", quantity: 1 },
    ])
  })

  it("moves everything when the scanned lot covers the line, nothing when it has no free units", () => {
    const sources = [src("a", 3, "2027-01-01"), src("b", 2, "2027-05-01")]
    expect(planPickSwap(sources, 10).reduce((t, x) => t + x.quantity, 0)).toBe(5)
    expect(planPickSwap(sources, 0)).toEqual([])
    expect(planPickSwap(sources, -2)).toEqual([])
  })

  it("never moves more than a source holds or more than is free", () => {
    for (let free = 0; free <= 8; free++) {
      const sources = [src("a", 3, "2027-01-01"), src("b", 2, "2027-01-01"), src("c", 1, "2026-12-01")]
      const takes = planPickSwap(sources, free)
      expect(takes.reduce((t, x) => t + x.quantity, 0)).toBe(Math.min(free, 6))
      for (const take of takes) {
        expect(take.quantity).toBeGreaterThan(0)
        expect(take.quantity).toBeLessThanOrEqual(sources.find((s) => s.allocation_id === take.allocation_id)!.quantity)
      }
    }
  })
})

describe("messages", () => {
  it("says what was swapped and what is still to pick from the list", () => {
    expect(pickSwapMessage("B-1", ["A-1"], "Greek yogurt", 3, 0)).toBe("Picked lot B-1 instead of A-1 for Greek yogurt (3 units).")
    expect(pickSwapMessage("B-1", ["A-1", "C-1"], "Greek yogurt", 1, 2)).toBe(
      "Picked lot B-1 instead of A-1, C-1 for Greek yogurt (1 unit). Pick the other 2 units from the pick list."
    )
  })

  it("says how many units are free and where", () => {
    expect(noFreeStockMessage("B-1", "Main", 4, [{ location_name: "Second", free: 3 }])).toBe(
      "Cannot pick lot B-1 at Main: none of its 4 units there is free (the rest are promised to other orders or awaiting inspection). Free elsewhere: 3 units at Second."
    )
    expect(noFreeStockMessage("B-1", "Main", 0, [])).toBe(
      "Cannot pick lot B-1 at Main: it has no stock there. Pick the lot on the pick list instead."
    )
  })
})
