import { lotModuleSpec } from "./lot-module-runner"
import { LotEventType, LotStatus, LotStatusAction, type OrderLineDemand } from "../types"

jest.setTimeout(120_000)

const ITEM = "iitem_sweep_1"
const OTHER_ITEM = "iitem_sweep_2"
const LOC = "sloc_sweep_a"
const OTHER_LOC = "sloc_sweep_b"
const DAY_MS = 86_400_000
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS)

lotModuleSpec(({ service, sql }) => {
  const receive = async (lot_number: string, inventory_item_id: string, location_id: string, quantity: number, expiresInDays: number) =>
    await service.receiveLot({ lot_number, inventory_item_id, location_id, quantity, expires_at: inDays(expiresInDays) })
  const line = (order_id: string, line_item_id: string, inventory_item_id: string, location_id: string, quantity: number): OrderLineDemand => ({
    order_id,
    line_item_id,
    inventory_item_id,
    location_id,
    quantity,
    rules: { strategy: "fefo", ship_date: new Date(), min_remaining_shelf_life_days: 0, removal_lead_days: 0 },
  })
  const allocated = async () =>
    await sql<{ lot_id: string; location_id: string; allocated: number }[]>(
      `SELECT lot_id, location_id, allocated_quantity::int AS allocated FROM lot_stock WHERE deleted_at IS NULL ORDER BY lot_id, location_id`
    )
  const statusOf = async (lotId: string) => (await service.retrieveLot(lotId)).status

  describe("expiry sweep batch", () => {
    it("expires the due lots, then releases their allocations at every location with one history entry each", async () => {
      const soon = await receive("SOON-1", ITEM, LOC, 10, 2)
      await service.receiveLot({ lot_id: soon.lot_id, lot_number: "SOON-1", inventory_item_id: ITEM, location_id: OTHER_LOC, quantity: 4 })
      const other = await receive("SOON-2", OTHER_ITEM, LOC, 8, 3)
      const fresh = await receive("FRESH-1", ITEM, LOC, 10, 100)
      await service.allocateOrderLines([
        line("order_1", "line_1", ITEM, LOC, 6),
        line("order_1", "line_2", OTHER_ITEM, LOC, 3),
        line("order_2", "line_3", ITEM, OTHER_LOC, 2),
      ])

      const expired = await service.expireDueLots({ as_of: inDays(5), limit: 10 })
      expect(expired.map((l) => [l.lot_number, l.from_status]).sort()).toEqual([
        ["SOON-1", LotStatus.RELEASED],
        ["SOON-2", LotStatus.RELEASED],
      ])
      expect(await statusOf(fresh.lot_id)).toBe(LotStatus.RELEASED)

      const released = await service.releaseLotAllocations([soon.lot_id, other.lot_id], "lot expired")
      expect(released.map((r) => [r.order_id, r.line_item_id, r.location_id, r.quantity]).sort()).toEqual([
        ["order_1", "line_1", LOC, 6],
        ["order_1", "line_2", LOC, 3],
        ["order_2", "line_3", OTHER_LOC, 2],
      ])
      expect((await allocated()).every((s) => s.allocated === 0)).toBe(true)
      const deallocated = await service.listLotEvents({ type: LotEventType.DEALLOCATED }, { order: { quantity: "ASC" } })
      expect(deallocated.map((e) => [e.lot_id, Number(e.quantity), e.location_id, e.reason, e.reference_id, e.data])).toEqual([
        [soon.lot_id, -6, LOC, "lot expired", "order_1", { line_item_id: "line_1", allocation_id: released.find((r) => r.line_item_id === "line_1")!.allocation_id }],
        [other.lot_id, -3, LOC, "lot expired", "order_1", { line_item_id: "line_2", allocation_id: released.find((r) => r.line_item_id === "line_2")!.allocation_id }],
        [soon.lot_id, -2, OTHER_LOC, "lot expired", "order_2", { line_item_id: "line_3", allocation_id: released.find((r) => r.line_item_id === "line_3")!.allocation_id }],
      ])
      // Released once: a second release finds nothing open and writes nothing.
      expect(await service.releaseLotAllocations([soon.lot_id, other.lot_id], "lot expired")).toEqual([])
      expect(await service.listLotEvents({ type: LotEventType.DEALLOCATED })).toHaveLength(3)
    })

    it("sums several allocations of one stock row into one decrement", async () => {
      const soon = await receive("SOON-3", ITEM, LOC, 10, 2)
      await service.allocateOrderLines([line("order_3", "line_4", ITEM, LOC, 3), line("order_4", "line_5", ITEM, LOC, 4)])
      expect((await allocated()).map((s) => s.allocated)).toEqual([7])
      await service.expireDueLots({ as_of: inDays(5), limit: 10 })
      const released = await service.releaseLotAllocations([soon.lot_id], "lot expired")
      expect(released.map((r) => r.quantity).sort()).toEqual([3, 4])
      expect((await allocated()).map((s) => s.allocated)).toEqual([0])
    })

    it("reopens a release of several orders' allocations with a reverted entry against each order", async () => {
      const soon = await receive("SOON-4", ITEM, LOC, 10, 2)
      await service.allocateOrderLines([line("order_5", "line_6", ITEM, LOC, 3), line("order_6", "line_7", ITEM, LOC, 4)])
      const released = await service.releaseLotAllocations([soon.lot_id], "lot expired")

      await service.reopenAllocations(released)
      expect((await allocated()).map((s) => s.allocated)).toEqual([7])
      const open = await service.listLotAllocations({ lot_id: soon.lot_id, status: "open" })
      expect(open.map((a) => [a.order_id, a.line_item_id, Number(a.quantity)]).sort()).toEqual([
        ["order_5", "line_6", 3],
        ["order_6", "line_7", 4],
      ])
      const reverted = await service.listLotEvents({ type: LotEventType.REVERTED, lot_id: soon.lot_id })
      expect(reverted.map((e) => [e.reference_type, e.reference_id, e.reason, (e.data as { line_item_id: string }).line_item_id]).sort()).toEqual([
        ["order", "order_5", "release rolled back", "line_6"],
        ["order", "order_6", "release rolled back", "line_7"],
      ])
    })

    it("undoes a batch: lots still expired get their status back with a reverted entry; a lot that moved on is left alone", async () => {
      const a = await receive("UNDO-1", ITEM, LOC, 5, 1)
      const b = await receive("UNDO-2", ITEM, OTHER_LOC, 5, 2)
      const c = await receive("UNDO-3", OTHER_ITEM, LOC, 5, 3)
      await service.changeLotStatus({ lot_id: b.lot_id, action: LotStatusAction.HOLD, reason: "smell" })
      const expired = await service.expireDueLots({ as_of: inDays(5), limit: 10 })
      expect(expired.map((l) => [l.lot_number, l.from_status]).sort()).toEqual([
        ["UNDO-1", LotStatus.RELEASED],
        ["UNDO-2", LotStatus.ON_HOLD],
        ["UNDO-3", LotStatus.RELEASED],
      ])
      // Recalled after the sweep: the undo must not turn it back into a sellable lot.
      await service.changeLotStatus({ lot_id: c.lot_id, action: LotStatusAction.RECALL, reason: "supplier recall" })

      await service.unexpireLots(expired)
      expect([await statusOf(a.lot_id), await statusOf(b.lot_id), await statusOf(c.lot_id)]).toEqual([
        LotStatus.RELEASED,
        LotStatus.ON_HOLD,
        LotStatus.RECALLED,
      ])
      const reverted = await service.listLotEvents({ type: LotEventType.REVERTED }, { order: { lot_id: "ASC" } })
      expect(reverted.map((e) => [e.lot_id, e.from_status, e.to_status, e.reason]).sort()).toEqual(
        [
          [a.lot_id, LotStatus.EXPIRED, LotStatus.RELEASED, "expiry sweep reverted"],
          [b.lot_id, LotStatus.EXPIRED, LotStatus.ON_HOLD, "expiry sweep reverted"],
        ].sort()
      )
    })
  })
})
