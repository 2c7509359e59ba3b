/**
 * Issue "FEFO reservation and quality holds" under concurrency: many checkouts at once compete
 * for a few lots, a lot goes on hold while orders are being allocated, fulfillments, fulfillment
 * cancels, order cancels and a release run side by side. After each round the books must hold:
 * no lot allocates or ships more than it held, no negative stock, allocated counters match the
 * allocation rows, held units are exactly held back from Medusa, every order is fully allocated
 * or has a recorded shortfall, and lot stock equals Medusa's stocked quantity.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { loginAsAdmin } from "../../helpers/admin"
import {
  cancelFulfillment,
  cancelOrder,
  createStockedProduct,
  inventoryLevels,
  setupStore,
  tryFulfillOrder,
  tryPlaceOrder,
  type ErrorBody,
  type Headers,
  type Order,
  type StoreSetup,
} from "../../helpers/store"
import {
  allocationRows,
  blockedReservationTotal,
  changeLotStatus,
  daysFromNow,
  getOrderLots,
  lineTotals,
  lotStockRows,
  receiveLot,
  reconciliation,
  setLotPolicy,
  sleep,
  waitFor,
  waitForOrderLots,
  type LotView,
  type OrderLots,
} from "../../helpers/allocation"

const UNITS_PER_ORDER = 2

export function fefoConcurrencySuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers
  let store: StoreSetup
  let main: string

  it("concurrent checkouts, holds, fulfillments and cancels never over-allocate or over-ship a lot, and the books stay in balance (3 rounds)", async () => {
    const container = getContainer()
    const t0 = Date.now()
    const lap = (label: string) => console.log(`[fefo-concurrency] ${label}: ${Date.now() - t0} ms`)
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    main = store.locations[0]
    const { variant, inventoryItemId: itemId } = await createStockedProduct(api, headers, store, {
      title: "Greek yogurt",
      sku: "YOG-C",
      stock: { [main]: 0 },
    })
    await setLotPolicy(api, headers, itemId, { strategy: "fefo" })

    /** Units received per lot number (the per-lot upper bound for allocated + shipped). */
    const received = new Map<string, number>()
    const lots = new Map<string, LotView>()
    const receive = async (lotNumber: string, quantity: number, expiresInDays: number) => {
      const lot = await receiveLot(api, headers, {
        inventory_item_id: itemId,
        location_id: main,
        lot_number: lotNumber,
        quantity,
        expires_at: daysFromNow(expiresInDays),
      })
      received.set(lotNumber, (received.get(lotNumber) ?? 0) + quantity)
      lots.set(lotNumber, lot)
    }

    /** Orders that are live (placed, not canceled) and what we expect of them. */
    const live = new Map<string, Order>()
    const canceled = new Set<string>()

    const checkoutMany = async (count: number, label: string) => {
      const results = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          tryPlaceOrder(api, store, [{ variant_id: variant.id, quantity: UNITS_PER_ORDER }], { email: `${label}-${i}@lots.test` })
        )
      )
      const placed: Order[] = []
      for (const r of results) {
        if (r.ok) {
          placed.push(r.order)
          live.set(r.order.id, r.order)
        } else {
          // Medusa refusing for stock is fine; anything else is not — except the race in Medusa's
          // own payment sessions that concurrent completions hit on a loaded machine (seen:
          // 'Updating Status from "ok" to "temp_failure" is not allowed.'): no lot is touched then.
          expect({ stage: r.stage, message: r.error.message }).toEqual({
            stage: expect.any(String),
            message: expect.stringMatching(/inventory|stock|to "temp_failure" is not allowed/i),
          })
        }
      }
      return placed
    }

    const settle = async (orders: Iterable<Order>) =>
      await Promise.all([...orders].map((o) => waitForOrderLots(api, headers, o, undefined, { timeout: 20_000 })))

    /**
     * The invariants, checked straight from the database and through the API. Returns the lots of
     * every live order.
     */
    const checkBooks = async (round: string) => {
      const stock = await lotStockRows(container, itemId)
      const allocations = await allocationRows(container, itemId)
      for (const row of stock) {
        const mine = allocations.filter((a) => a.lot_number === row.lot_number && a.location_id === row.location_id)
        const open = mine.filter((a) => a.status === "open").reduce((t, a) => t + a.quantity, 0)
        const shipped = mine.filter((a) => a.status === "fulfilled").reduce((t, a) => t + a.quantity, 0)
        const held = received.get(row.lot_number) ?? 0
        const context = { round, lot: row.lot_number }
        // No negative stock; allocated never above on hand.
        expect({ ...context, quantity: row.quantity >= 0, allocated: row.allocated_quantity >= 0 && row.allocated_quantity <= row.quantity }).toEqual({
          ...context,
          quantity: true,
          allocated: true,
        })
        // The counter is exactly the open allocation rows; on hand is what came in minus what shipped.
        expect({ ...context, allocated: row.allocated_quantity, quantity: row.quantity }).toEqual({ ...context, allocated: open, quantity: held - shipped })
        // Never promised or shipped more than the lot held.
        expect({ ...context, over: open + shipped > held }).toEqual({ ...context, over: false })
        // A lot that may not be sold keeps no open allocation.
        if (row.status !== "released") {
          expect({ ...context, status: row.status, open }).toEqual({ ...context, status: row.status, open: 0 })
        }
      }
      // Held-back units match the non-released lots exactly (Medusa cannot sell them).
      const shouldBlock = stock.filter((s) => s.status !== "released").reduce((t, s) => t + Math.max(0, s.quantity - s.allocated_quantity), 0)
      expect({ round, blocked: await blockedReservationTotal(container, itemId, main) }).toEqual({ round, blocked: shouldBlock })

      // Every live order is fully allocated, shipped or short; canceled ones hold nothing.
      const byOrder = new Map<string, OrderLots>()
      for (const id of [...live.keys(), ...canceled]) {
        const lotsOfOrder = await getOrderLots(api, headers, id)
        byOrder.set(id, lotsOfOrder)
        const t = lineTotals(lotsOfOrder.lines[0])
        if (canceled.has(id)) {
          expect({ round, id, allocated: t.allocated, short: t.short }).toEqual({ round, id, allocated: 0, short: 0 })
        } else {
          expect({ round, id, units: t.allocated + t.shipped + t.short }).toEqual({ round, id, units: UNITS_PER_ORDER })
        }
      }

      // Lot stock equals Medusa's stocked quantity.
      const total = stock.reduce((t, s) => t + s.quantity, 0)
      expect({ round, stocked: (await inventoryLevels(api, headers, itemId))[main].stocked }).toEqual({ round, stocked: total })
      const rec = await reconciliation(api, headers)
      expect({ round, drift: rec.drift, in_balance: rec.in_balance }).toEqual({ round, drift: [], in_balance: true })
      return byOrder
    }

    const fulfillAll = async (orders: Order[]) =>
      await Promise.all(
        orders.map(async (o) => ({
          order: o,
          res: await tryFulfillOrder(api, headers, o.id, { items: [{ id: o.items[0].id, quantity: UNITS_PER_ORDER }], location_id: main }),
        }))
      )

    // ---- Round 1: 3 lots of 4, 8 checkouts of 2 at once, then every order fulfilled at once.
    await receive("R1-A", 4, 30)
    await receive("R1-B", 4, 60)
    await receive("R1-C", 4, 90)
    lap("round 1 stocked")
    const round1 = await checkoutMany(8, "r1")
    lap(`round 1: ${round1.length} of 8 checkouts placed`)
    expect(round1.length).toBeGreaterThan(0)
    expect(round1.length).toBeLessThanOrEqual(6)
    await settle(round1)
    let books = await checkBooks("round 1 allocated")
    // All stock was eligible: nobody is short, and FEFO filled the earliest lots first.
    expect([...books.values()].map((l) => lineTotals(l.lines[0]).short)).toEqual(round1.map(() => 0))
    const allocatedUnits = round1.length * UNITS_PER_ORDER
    const afterR1 = await lotStockRows(container, itemId)
    expect(afterR1.map((s) => [s.lot_number, s.allocated_quantity])).toEqual([
      ["R1-A", Math.min(4, allocatedUnits)],
      ["R1-B", Math.min(4, Math.max(0, allocatedUnits - 4))],
      ["R1-C", Math.min(4, Math.max(0, allocatedUnits - 8))],
    ])

    const fulfilled1 = await fulfillAll(round1)
    expect(fulfilled1.map((f) => f.res.status)).toEqual(round1.map(() => 200))
    lap("round 1 fulfilled")
    books = await checkBooks("round 1 fulfilled")
    expect((await lotStockRows(container, itemId)).reduce((t, s) => t + s.quantity, 0)).toBe(12 - allocatedUnits)

    // ---- Round 2: 3 more lots. Two orders take the earliest new lot (R2-A); then 6 more
    // checkouts run while R2-A goes on hold, so its two orders are re-allocated under load.
    await receive("R2-A", 4, 20)
    await receive("R2-B", 4, 45)
    await receive("R2-C", 4, 120)
    const early = await checkoutMany(2, "r2-early")
    expect(early.length).toBe(2)
    for (const l of await settle(early)) {
      expect(l.lines[0].allocated.map((a) => [a.lot_number, a.quantity])).toEqual([["R2-A", 2]])
    }
    const [late, hold] = await Promise.all([
      checkoutMany(6, "r2-late"),
      sleep(300).then(() => changeLotStatus(api, headers, lots.get("R2-A")!.id, "hold", { reason: "temperature excursion" })),
    ])
    expect(hold.lot.status).toBe("on_hold")
    const round2 = [...early, ...late]
    lap(`round 2: ${round2.length} of 8 checkouts placed`)
    await settle(round2)
    books = await checkBooks("round 2 allocated")
    for (const order of early) {
      // Moved off the held lot: to other lots, or recorded short.
      const line = books.get(order.id)!.lines[0]
      expect(line.allocated.filter((a) => a.lot_number === "R2-A")).toEqual([])
      expect(lineTotals(line).allocated + lineTotals(line).short).toBe(UNITS_PER_ORDER)
    }

    // Fulfill all but the last round-2 order at once (that one is canceled in round 3).
    const keptOpen = round2[round2.length - 1]
    const fulfilled2 = await fulfillAll(round2.slice(0, -1))
    lap("round 2 fulfilled")
    for (const { order, res } of fulfilled2) {
      const short = lineTotals(books.get(order.id)!.lines[0]).short
      if (short === 0) {
        expect({ order: order.id, status: res.status }).toEqual({ order: order.id, status: 200 })
      } else if (res.status !== 200) {
        expect({ order: order.id, status: res.status, message: (res.data as ErrorBody).message }).toEqual({
          order: order.id,
          status: 400,
          message: expect.stringMatching(/^Cannot fulfill 2 × YOG-C: only \d of 2 unit\(s\) are in lots that may ship/),
        })
      }
    }
    books = await checkBooks("round 2 fulfilled")
    // The held lot never shipped a unit.
    expect((await allocationRows(container, itemId)).filter((a) => a.lot_number === "R2-A" && a.status === "fulfilled")).toEqual([])
    expect((await lotStockRows(container, itemId)).find((s) => s.lot_number === "R2-A")).toMatchObject({ status: "on_hold", quantity: 4, allocated_quantity: 0 })

    // ---- Round 3: at once — release the hold, cancel two round-1 fulfillments, cancel the
    // round-2 orders that could not ship, and 4 more checkouts. Then fulfill everything open.
    const unshipped2 = [...fulfilled2.filter((f) => f.res.status !== 200).map((f) => f.order), keptOpen]
    const shipped1 = fulfilled1.slice(0, 2)
    const [round3] = await Promise.all([
      checkoutMany(4, "r3"),
      changeLotStatus(api, headers, lots.get("R2-A")!.id, "release", { note: "probe back in range" }),
      ...shipped1.map(({ order, res }) => cancelFulfillment(api, headers, order.id, res.fulfillment!.id)),
      ...unshipped2.map(async (order) => {
        await cancelOrder(api, headers, order.id)
        live.delete(order.id)
        canceled.add(order.id)
      }),
    ])
    lap(`round 3: ${round3.length} of 4 checkouts placed, ${unshipped2.length} orders canceled`)
    // Subscribers run after the responses: wait until canceled orders hold nothing and the
    // orders whose fulfillment was canceled are allocated (or short) again.
    await Promise.all([
      ...[...canceled].map((id) =>
        waitFor(
          () => getOrderLots(api, headers, id),
          (l) => l.lines[0].allocated.length === 0 && l.lines[0].shortfalls.length === 0,
          { what: `release of canceled order ${id}`, timeout: 20_000 }
        )
      ),
      ...shipped1.map(({ order }) =>
        waitForOrderLots(api, headers, order, (l) => {
          const t = lineTotals(l.lines[0])
          return t.shipped === 0 && t.allocated + t.short === UNITS_PER_ORDER
        }, { timeout: 20_000 })
      ),
      settle(round3),
    ])
    books = await checkBooks("round 3 settled")

    const open3 = [...live.values()].filter((o) => lineTotals(books.get(o.id)!.lines[0]).shipped === 0)
    const fulfilled3 = await fulfillAll(open3)
    lap(`round 3: fulfilled ${fulfilled3.filter((f) => f.res.status === 200).length} of ${open3.length}`)
    for (const { order, res } of fulfilled3) {
      if (lineTotals(books.get(order.id)!.lines[0]).short === 0) {
        expect({ order: order.id, status: res.status }).toEqual({ order: order.id, status: 200 })
      }
    }
    await checkBooks("round 3 fulfilled")
    // Everything that shipped came out of the lots: received - on hand = net shipped units.
    const finalStock = await lotStockRows(container, itemId)
    const netShipped = (await allocationRows(container, itemId)).filter((a) => a.status === "fulfilled").reduce((t, a) => t + a.quantity, 0)
    expect([...received.values()].reduce((t, q) => t + q, 0) - finalStock.reduce((t, s) => t + s.quantity, 0)).toBe(netShipped)
    lap("done")
  })
}
