import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { adjustLotStockWorkflow, receiveLotWorkflow, transferLotStockWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import { rows } from "../../helpers/allocation"
import { createWarehouse, stockedQuantity } from "../../helpers/fixtures"
import {
  expectInBalance,
  getLot,
  lotEventsInDb,
  lotsInDb,
  lotStockInDb,
  receive,
  send,
  setPolicy,
  stockByLocation,
  yymmdd,
} from "../../helpers/lots"

// Each hook runs after all of its workflow's writes; throwing there must undo all of them. Only one
// handler per hook per process is allowed, so they are registered once, here, when the suite is
// imported; they stay registered for the other suites of its group, for which they only count. The
// app the runner boots (inApp) resolves the same workflow objects as this file, so these take effect
// for HTTP requests; `hookCalls` proves it.
// `dead_lock: { key, seconds }` first takes Medusa's lock on `key` as a process that then dies would
// leave it: held by no live caller until its lease runs out, past the provider's usual 5 s wait.
const hookCalls = { received: 0, adjusted: 0, transferred: 0 }
type HookInput = { additional_data?: { fail?: boolean; dead_lock?: { key: string; seconds: number } } }
const failIfAsked = (name: keyof typeof hookCalls) => async ({ additional_data }: HookInput, { container }: { container: MedusaContainer }) => {
  hookCalls[name]++
  const deadLock = additional_data?.dead_lock
  if (deadLock) {
    const locking = container.resolve(Modules.LOCKING)
    await locking.acquire(deadLock.key, { ownerId: "killed-process" })
    setTimeout(() => void locking.release(deadLock.key, { ownerId: "killed-process" }), deadLock.seconds * 1000)
  }
  if (additional_data?.fail) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `injected failure in ${name}`)
  }
}
receiveLotWorkflow.hooks.lotReceived(failIfAsked("received"))
adjustLotStockWorkflow.hooks.lotStockAdjusted(failIfAsked("adjusted"))
transferLotStockWorkflow.hooks.lotStockTransferred(failIfAsked("transferred"))

export function lotRollbackAndConcurrencySuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let w: Awaited<ReturnType<typeof createWarehouse>>

  beforeEach(async () => {
    const container = getContainer()
    headers = (await loginAsAdmin(api, container)).headers
    w = await createWarehouse(container)
    await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: 21 })
  })

  const post = (url: string, body?: unknown) => api.post(url, body, { headers })
  const get = (url: string) => api.get(url, { headers })
  const stocked = (locationId: string) => stockedQuantity(getContainer(), w.yogurt.id, locationId)
  const eventRows = async (lotId: string) =>
    (await lotEventsInDb(getContainer(), lotId)).map((e: any) => [e.type, e.quantity, e.location_id])

  describe("rollback when a workflow hook throws", () => {
    // Medusa's stock followed each write or its undo: nothing is left for the repair to apply.
    afterEach(async () => {
      const pending = await rows(
        getContainer(),
        `SELECT quantity FROM lot_level_change WHERE inventory_item_id = ? AND applied_at IS NULL AND reverted_at IS NULL`,
        [w.yogurt.id]
      )
      expect(pending).toEqual([])
    })

    it("runs the hooks registered in the spec for HTTP requests", async () => {
      const before = { ...hookCalls }
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      await post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -1, reason: "damage" })
      await post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.main.id, to_location_id: w.cold.id, quantity: 1 })
      expect(hookCalls).toEqual({
        received: before.received + 1,
        adjusted: before.adjusted + 1,
        transferred: before.transferred + 1,
      })
    })

    it("undoes a new lot's receipt: no lot, no stock, the level it created removed, history kept", async () => {
      const container = getContainer()
      const res = await send(
        post(`/admin/lots`, {
          inventory_item_id: w.yogurt.id,
          location_id: w.main.id,
          quantity: 10,
          lot_number: "ROLL-1",
          additional_data: { fail: true },
        })
      )
      expect(res.status).toBe(400)
      expect(res.data).toEqual({ type: "not_allowed", message: "injected failure in received" })

      expect((await get(`/admin/lots`)).data).toEqual(expect.objectContaining({ lots: [], count: 0 }))
      expect((await get(`/admin/lots?q=ROLL-1`)).data.count).toBe(0)
      expect(await stocked(w.main.id)).toBeNull()

      // The lot row is retired (soft-deleted), never removed, and its history records the undo.
      const [retired] = await lotsInDb(container, w.yogurt.id)
      expect(retired).toEqual(expect.objectContaining({ lot_number: "ROLL-1", deleted_at: expect.any(Date) }))
      expect(await lotStockInDb(container, retired.id)).toEqual([
        expect.objectContaining({ location_id: w.main.id, quantity: 0, deleted_at: expect.any(Date) }),
      ])
      const events = await lotEventsInDb(container, retired.id)
      expect(events).toEqual([
        expect.objectContaining({ type: "received", quantity: 10, location_id: w.main.id }),
        expect.objectContaining({
          type: "reverted",
          quantity: -10,
          location_id: w.main.id,
          reference_type: "lot_event",
          reference_id: events[0].id,
        }),
      ])
      expect((await send(get(`/admin/lots/${retired.id}`))).status).toBe(404)
      await expectInBalance(api, headers)
      // Its change to Medusa's stock is recorded as taken back.
      expect(
        await rows(container, `SELECT quantity, applied_at IS NULL AS unapplied, reverted_at IS NOT NULL AS reverted FROM lot_level_change WHERE inventory_item_id = ?`, [w.yogurt.id])
      ).toEqual([{ quantity: 10, unapplied: true, reverted: true }])

      // The lot number is free again.
      const again = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 3, lot_number: "ROLL-1" })
      expect(again.lot.id).not.toBe(retired.id)
      expect(await stocked(w.main.id)).toBe(3)
      await expectInBalance(api, headers)
    })

    it("undoes a generated-number receipt into a location that already had a Medusa level", async () => {
      const container = getContainer()
      await container
        .resolve(Modules.INVENTORY)
        .createInventoryLevels([{ inventory_item_id: w.yogurt.id, location_id: w.cold.id, stocked_quantity: 5 }])
      const res = await send(
        post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 7, additional_data: { fail: true } })
      )
      expect(res.status).toBe(400)
      expect(await stocked(w.cold.id)).toBe(5)
      expect((await get(`/admin/lots`)).data.count).toBe(0)
      const [retired] = await lotsInDb(container, w.yogurt.id)
      expect(retired.lot_number).toBe(`YOG-500-${yymmdd()}-001`)
      expect(await eventRows(retired.id)).toEqual([
        ["received", 7, w.cold.id],
        ["reverted", -7, w.cold.id],
      ])
      // The next receipt gets a lot number of its own.
      const next = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 1 })
      expect(next.lot.lot_number).toMatch(new RegExp(`^YOG-500-${yymmdd()}-\\d{3}$`))
      expect(await stocked(w.cold.id)).toBe(6)
    })

    it("an undo waits out a lock a killed process left on the item instead of leaving Medusa's stock raised", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      const started = Date.now()
      const res = await send(
        post(`/admin/lots`, {
          inventory_item_id: w.yogurt.id,
          location_id: w.main.id,
          quantity: 4,
          lot_id: lot.id,
          additional_data: { fail: true, dead_lock: { key: w.yogurt.id, seconds: 7 } },
        })
      )
      expect(res.status).toBe(400)
      expect(res.data.message).toBe("injected failure in received")
      expect(await stocked(w.main.id)).toBe(10)
      expect(stockByLocation(await getLot(api, headers, lot.id))).toEqual({ [w.main.id]: 10 })
      // The undo of Medusa's level waited for the lease (7 s) rather than giving up after 5 s.
      expect(Date.now() - started).toBeGreaterThanOrEqual(7000)
      await expectInBalance(api, headers)
    })

    it("undoes a receipt into an existing lot; the lot keeps its stock and records the undo", async () => {
      const container = getContainer()
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      for (const location of [w.main, w.cold]) {
        const res = await send(
          post(`/admin/lots`, {
            inventory_item_id: w.yogurt.id,
            location_id: location.id,
            quantity: 5,
            lot_id: lot.id,
            additional_data: { fail: true },
          })
        )
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("injected failure in received")
      }
      const detail = await getLot(api, headers, lot.id)
      expect(detail.stock.reduce((sum: number, s: any) => sum + s.quantity, 0)).toBe(10)
      expect(stockByLocation(detail)[w.main.id]).toBe(10)
      expect(stockByLocation(detail)[w.cold.id] ?? 0).toBe(0)
      expect(await stocked(w.main.id)).toBe(10)
      expect(await stocked(w.cold.id)).toBeNull()
      expect(detail.events.map((e: any) => [e.type, e.quantity, e.location_id])).toEqual([
        ["reverted", -5, w.cold.id],
        ["received", 5, w.cold.id],
        ["reverted", -5, w.main.id],
        ["received", 5, w.main.id],
        ["received", 10, w.main.id],
      ])
      expect(detail.events[0].reference_id).toBe(detail.events[1].id)
      expect(detail.events[2].reference_id).toBe(detail.events[3].id)
      expect((await lotsInDb(container, w.yogurt.id)).map((l: any) => l.deleted_at)).toEqual([null])
      await expectInBalance(api, headers)
    })

    it("undoes an adjustment: lot stock and Medusa's level unchanged, the undo recorded", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      const bodies = [
        { quantity_change: -2, reason: "damage" },
        { quantity_change: 3, reason: "other" },
        { counted_quantity: 4, reason: "count" },
      ]
      for (const body of bodies) {
        const res = await send(post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, ...body, additional_data: { fail: true } }))
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("injected failure in adjusted")
      }
      const detail = await getLot(api, headers, lot.id)
      expect(stockByLocation(detail)).toEqual({ [w.main.id]: 10 })
      expect(await stocked(w.main.id)).toBe(10)
      expect(detail.events.map((e: any) => [e.type, e.quantity, e.reason])).toEqual([
        ["reverted", 6, null],
        ["adjusted", -6, "count"],
        ["reverted", -3, null],
        ["adjusted", 3, "other"],
        ["reverted", 2, null],
        ["scrapped", -2, "damage"],
        ["received", 10, null],
      ])
      for (const i of [0, 2, 4]) {
        expect(detail.events[i].reference_id).toBe(detail.events[i + 1].id)
      }
      await expectInBalance(api, headers)
    })

    it("undoes a transfer: both sides unchanged, the destination level removed, the undo recorded", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      const res = await send(
        post(`/admin/lots/${lot.id}/transfer`, {
          from_location_id: w.main.id,
          to_location_id: w.cold.id,
          quantity: 4,
          additional_data: { fail: true },
        })
      )
      expect(res.status).toBe(400)
      expect(res.data.message).toBe("injected failure in transferred")

      const detail = await getLot(api, headers, lot.id)
      expect(stockByLocation(detail)[w.main.id]).toBe(10)
      expect(stockByLocation(detail)[w.cold.id] ?? 0).toBe(0)
      expect(await stocked(w.main.id)).toBe(10)
      expect(await stocked(w.cold.id)).toBeNull()
      const rows = detail.events.map((e: any) => [e.type, e.quantity, e.location_id])
      expect(rows[4]).toEqual(["received", 10, w.main.id])
      // The transfer's two events share a transaction, and so do the two undo events.
      const sorted = (r: any[]) => [...r].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`))
      expect(sorted(rows.slice(2, 4))).toEqual(sorted([["transferred_out", -4, w.main.id], ["transferred_in", 4, w.cold.id]]))
      expect(sorted(rows.slice(0, 2))).toEqual(sorted([["reverted", 4, w.main.id], ["reverted", -4, w.cold.id]]))
      await expectInBalance(api, headers)

      // A transfer into a location that already has a level leaves that level as it was.
      await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.cold.id, quantity: 2, lot_id: lot.id })
      const again = await send(
        post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.cold.id, to_location_id: w.main.id, quantity: 2, additional_data: { fail: true } })
      )
      expect(again.status).toBe(400)
      expect(await stocked(w.main.id)).toBe(10)
      expect(await stocked(w.cold.id)).toBe(2)
      expect(stockByLocation(await getLot(api, headers, lot.id))).toEqual({ [w.main.id]: 10, [w.cold.id]: 2 })
      await expectInBalance(api, headers)
    })

    it("undoes the same way when the workflow is run directly", async () => {
      const container = getContainer()
      // The workflow engine rejects with the serialized error (a plain object, not an Error).
      await expect(
        receiveLotWorkflow(container).run({
          input: {
            inventory_item_id: w.yogurt.id,
            location_id: w.main.id,
            quantity: 8,
            lot_number: "DIRECT-1",
            additional_data: { fail: true },
          },
          throwOnError: true,
        })
      ).rejects.toMatchObject({ message: "injected failure in received" })
      expect((await get(`/admin/lots`)).data.count).toBe(0)
      expect(await stocked(w.main.id)).toBeNull()
      const [retired] = await lotsInDb(container, w.yogurt.id)
      expect(await eventRows(retired.id)).toEqual([
        ["received", 8, w.main.id],
        ["reverted", -8, w.main.id],
      ])
    })
  })

  describe("concurrent requests", () => {
    it("8 concurrent takes of 3 from a lot of 10: at most 3 succeed, stock never negative, Medusa agrees", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          send(post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -3, reason: "scrap" }))
        )
      )
      const ok = results.filter((r) => r.status === 200)
      const refused = results.filter((r) => r.status !== 200)
      expect(ok.length).toBeLessThanOrEqual(3)
      for (const r of refused) {
        expect({ status: r.status, message: r.data.message }).toEqual({
          status: 400,
          message: expect.stringMatching(/has only [01] unit\(s\) free .* 3 requested/),
        })
      }
      const remaining = 10 - 3 * ok.length
      // Refusals only once fewer than 3 are left: exactly 3 succeed.
      expect(remaining).toBe(1)
      expect(ok.map((r) => r.data.adjustment.quantity).sort()).toEqual([1, 4, 7])

      const detail = await getLot(api, headers, lot.id)
      expect(stockByLocation(detail)).toEqual({ [w.main.id]: remaining })
      expect(await stocked(w.main.id)).toBe(remaining)
      expect(detail.events.filter((e: any) => e.type === "scrapped").map((e: any) => e.quantity)).toEqual([-3, -3, -3])
      await expectInBalance(api, headers)
    })

    it("concurrent transfers and write-offs of one lot never oversell and keep Medusa in step", async () => {
      const { lot } = await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10 })
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          send(
            i % 2
              ? post(`/admin/lots/${lot.id}/transfer`, { from_location_id: w.main.id, to_location_id: w.cold.id, quantity: 3 })
              : post(`/admin/lots/${lot.id}/adjust`, { location_id: w.main.id, quantity_change: -3, reason: "damage" })
          )
        )
      )
      expect(results.filter((r) => ![200, 400].includes(r.status))).toEqual([])
      const okTransfers = results.filter((r, i) => i % 2 && r.status === 200).length
      const okAdjusts = results.filter((r, i) => !(i % 2) && r.status === 200).length
      expect(okTransfers + okAdjusts).toBe(3)

      const detail = await getLot(api, headers, lot.id)
      const stock = stockByLocation(detail)
      expect(stock[w.main.id]).toBe(1)
      expect(stock[w.cold.id] ?? 0).toBe(3 * okTransfers)
      expect(await stocked(w.main.id)).toBe(1)
      expect((await stocked(w.cold.id)) ?? 0).toBe(3 * okTransfers)
      await expectInBalance(api, headers)
    })

    it("6 concurrent receipts without a lot number get 6 distinct generated numbers", async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          send(post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: i + 1 }))
        )
      )
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
      const numbers = results.map((r) => r.data.lot.lot_number).sort()
      const day = yymmdd()
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => `YOG-500-${day}-00${n}`))
      expect((await get(`/admin/lots`)).data.count).toBe(6)
      expect(await stocked(w.main.id)).toBe(21)
      await expectInBalance(api, headers)
    })

    it("concurrent receipts of the same new lot number: one lot, the others refused as duplicates", async () => {
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          send(post(`/admin/lots`, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 5, lot_number: i % 2 ? "race-1" : "RACE-1" }))
        )
      )
      expect(results.map((r) => r.status).sort()).toEqual([200, 422, 422, 422])
      for (const r of results.filter((r) => r.status === 422)) {
        expect(r.data.message).toContain("Lot number RACE-1 already exists")
      }
      const { data } = await get(`/admin/lots`)
      expect(data.lots.map((l: any) => [l.lot_number, l.stock[0].quantity])).toEqual([["RACE-1", 5]])
      expect(await stocked(w.main.id)).toBe(5)
      expect(await lotsInDb(getContainer(), w.yogurt.id)).toHaveLength(1)
      await expectInBalance(api, headers)
    })
  })
}
