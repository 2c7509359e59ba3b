import { MedusaError } from "@medusajs/framework/utils"

import { lotModuleSpec, rejectionOf } from "./lot-module-runner"
import { LotEventType, LotStatus, type LotReceipt, type ReceiveLotInput } from "../types"

jest.setTimeout(120_000)

const ITEM = "iitem_test_1"
const OTHER_ITEM = "iitem_test_2"
const LOC = "sloc_test_a"
const OTHER_LOC = "sloc_test_b"

lotModuleSpec(({ service, sql }) => {
  const receive = (input: Partial<ReceiveLotInput> = {}) =>
    service.receiveLot({ lot_number: "L-1", inventory_item_id: ITEM, location_id: LOC, quantity: 10, ...input })

  const stockOf = async (lotId: string, locationId = LOC) => {
    const [stock] = await service.listLotStocks({ lot_id: lotId, location_id: locationId })
    return stock
  }

  describe("schema", () => {
    it("is built from the module's migrations, so the append-only triggers exist", async () => {
      const triggers = await sql<{ tgname: string }[]>(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = 'lot_event'::regclass AND NOT tgisinternal ORDER BY tgname`
      )
      expect(triggers.map((t) => t.tgname)).toEqual(["lot_event_append_only", "lot_event_no_truncate"])
    })
  })

  describe("receiveLot", () => {
    it("creates the lot, its stock and a 'received' event, normalising the lot number", async () => {
      const receipt = await receive({
        lot_number: "  l-1 ",
        quantity: 12,
        supplier: "ACME",
        expires_at: new Date("2027-03-31T00:00:00.000Z"),
        reference_type: "purchase_order",
        reference_id: "po_1",
        actor_id: "user_1",
      })

      expect(receipt).toEqual({
        lot_id: expect.stringMatching(/^lot_/),
        lot_number: "L-1",
        inventory_item_id: ITEM,
        location_id: LOC,
        quantity: 12,
        created: true,
        event_id: expect.stringMatching(/^lotevt_/),
        level_change_id: expect.stringMatching(/^lotlvlchg_/),
      })
      // The change Medusa's stocked quantity needs is recorded with the receipt, still pending.
      expect(await service.listPendingLevelChangesOfWrites([receipt.level_change_id!])).toEqual([
        expect.objectContaining({ inventory_item_id: ITEM, location_id: LOC, quantity: 12 }),
      ])

      const lot = await service.retrieveLot(receipt.lot_id)
      expect(lot).toMatchObject({
        lot_number: "L-1",
        inventory_item_id: ITEM,
        status: LotStatus.RELEASED,
        supplier: "ACME",
      })
      expect(new Date(lot.expires_at!).toISOString()).toBe("2027-03-31T00:00:00.000Z")
      expect(lot.received_at).toBeTruthy()

      const stock = await stockOf(receipt.lot_id)
      expect(stock).toMatchObject({ quantity: 12, allocated_quantity: 0 })

      const events = await service.listLotEvents({ lot_id: receipt.lot_id })
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        id: receipt.event_id,
        type: LotEventType.RECEIVED,
        quantity: 12,
        location_id: LOC,
        to_status: LotStatus.RELEASED,
        actor_id: "user_1",
        reference_type: "purchase_order",
        reference_id: "po_1",
        data: { supplier: "ACME" },
      })
    })

    it("collapses inner whitespace and upper-cases the lot number", async () => {
      const receipt = await receive({ lot_number: " ab   c-1\t" })
      expect(receipt.lot_number).toBe("AB C-1")
      expect((await service.retrieveLot(receipt.lot_id)).lot_number).toBe("AB C-1")
    })

    it("uses the status given, and records it on the event", async () => {
      const receipt = await receive({ status: LotStatus.QUARANTINE })
      expect((await service.retrieveLot(receipt.lot_id)).status).toBe(LotStatus.QUARANTINE)
      const [event] = await service.listLotEvents({ lot_id: receipt.lot_id })
      expect(event.to_status).toBe(LotStatus.QUARANTINE)
    })

    it.each([
      ["the same spelling", "L-1"],
      ["different case and spacing", " l-1 "],
    ])("refuses a duplicate lot number (%s) with DUPLICATE_ERROR naming the existing lot", async (_label, number) => {
      const first = await receive({ lot_number: "L-1" })
      const error = await rejectionOf(receive({ lot_number: number, inventory_item_id: OTHER_ITEM }))

      expect(error.type).toBe(MedusaError.Types.DUPLICATE_ERROR)
      expect(error.message).toContain("Lot number L-1 already exists")
      expect(error.message).toContain(first.lot_id)
      // Nothing of the refused receipt was written.
      expect(await service.listLots({})).toHaveLength(1)
      expect(await service.listLotStocks({})).toHaveLength(1)
      expect(await service.listLotEvents({})).toHaveLength(1)
    })

    it("adds stock to an existing lot when given its lot_id", async () => {
      const first = await receive({ quantity: 10 })
      const second = await receive({ lot_id: first.lot_id, lot_number: undefined, quantity: 5 })

      expect(second).toMatchObject({ lot_id: first.lot_id, lot_number: "L-1", quantity: 5, created: false })
      expect(await stockOf(first.lot_id)).toMatchObject({ quantity: 15 })

      const events = await service.listLotEvents({ lot_id: first.lot_id }, { order: { created_at: "ASC" } })
      expect(events.map((e) => [e.type, e.quantity, e.to_status])).toEqual(
        expect.arrayContaining([
          [LotEventType.RECEIVED, 10, LotStatus.RELEASED],
          [LotEventType.RECEIVED, 5, null],
        ])
      )
      expect(events).toHaveLength(2)
      expect(await service.listLots({})).toHaveLength(1)
    })

    it("receiving into an existing lot at another location creates stock there", async () => {
      const first = await receive({ quantity: 10 })
      await receive({ lot_id: first.lot_id, location_id: OTHER_LOC, quantity: 3 })
      expect(await stockOf(first.lot_id, LOC)).toMatchObject({ quantity: 10 })
      expect(await stockOf(first.lot_id, OTHER_LOC)).toMatchObject({ quantity: 3 })
    })

    it("refuses to receive into a lot of another inventory item", async () => {
      const first = await receive()
      const error = await rejectionOf(receive({ lot_id: first.lot_id, inventory_item_id: OTHER_ITEM, quantity: 1 }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toContain("Lot L-1 belongs to inventory item")
      expect(await stockOf(first.lot_id)).toMatchObject({ quantity: 10 })
    })

    it("refuses to receive into a closed (recalled) lot", async () => {
      const first = await receive()
      await service.updateLots({ id: first.lot_id, status: LotStatus.RECALLED })
      const error = await rejectionOf(receive({ lot_id: first.lot_id, quantity: 1 }))
      expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect(error.message).toContain("Lot L-1 is recalled")
      expect(await stockOf(first.lot_id)).toMatchObject({ quantity: 10 })
    })

    it("refuses an unknown lot_id with NOT_FOUND", async () => {
      const error = await rejectionOf(receive({ lot_id: "lot_missing", quantity: 1 }))
      expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
    })

    it("of the same new lot number concurrently, exactly one wins; the others get DUPLICATE_ERROR", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => receive({ lot_number: i % 2 ? "race-1" : "RACE-1", quantity: 1 }))
      )
      const ok = results.filter((r) => r.status === "fulfilled")
      const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as MedusaError] : []))
      expect(ok).toHaveLength(1)
      expect(refused).toHaveLength(4)
      for (const error of refused) {
        expect(error.type).toBe(MedusaError.Types.DUPLICATE_ERROR)
        expect(error.message).toContain("Lot number RACE-1 already exists")
      }
      expect(await service.listLots({})).toHaveLength(1)
      expect(await service.listLotEvents({})).toHaveLength(1)
    })
  })

  describe("revertLotReceipt", () => {
    it("retires a created lot (soft delete, number reusable) and records a 'reverted' event", async () => {
      const receipt = await receive({ quantity: 8 })
      await service.revertLotReceipt(receipt)

      expect(await service.listLots({ id: receipt.lot_id })).toHaveLength(0)
      const [deleted] = await service.listLots({ id: receipt.lot_id }, { withDeleted: true })
      expect(deleted.deleted_at).toBeTruthy()
      expect(await service.listLotStocks({ lot_id: receipt.lot_id })).toHaveLength(0)

      const events = await service.listLotEvents({ lot_id: receipt.lot_id })
      expect(events).toHaveLength(2)
      const reverted = events.find((e) => e.type === LotEventType.REVERTED)
      expect(reverted).toMatchObject({
        quantity: -8,
        location_id: LOC,
        reference_type: "lot_event",
        reference_id: receipt.event_id,
      })

      // The number is free again.
      const again = await receive({ lot_number: "l-1", quantity: 2 })
      expect(again).toMatchObject({ lot_number: "L-1", created: true })
      expect(again.lot_id).not.toBe(receipt.lot_id)
      expect(await service.sumLotStock()).toEqual([
        { inventory_item_id: ITEM, location_id: LOC, quantity: 2, allocated_quantity: 0 },
      ])
    })

    it("takes back only the added stock when the receipt went into an existing lot", async () => {
      const first = await receive({ quantity: 10 })
      const added: LotReceipt = await receive({ lot_id: first.lot_id, quantity: 4 })
      await service.revertLotReceipt(added)

      expect(await service.listLots({ id: first.lot_id })).toHaveLength(1)
      expect(await stockOf(first.lot_id)).toMatchObject({ quantity: 10 })
      const types = (await service.listLotEvents({ lot_id: first.lot_id })).map((e) => e.type).sort()
      expect(types).toEqual([LotEventType.RECEIVED, LotEventType.RECEIVED, LotEventType.REVERTED].sort())
    })
  })
})
