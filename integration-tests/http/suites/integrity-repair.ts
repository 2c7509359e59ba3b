/**
 * The integrity check covers every invariant, and the repair brings each back from the states a
 * crash or Medusa itself leaves behind: Medusa's reserved quantity gone stale, a reservation left
 * on units already fulfilled, a block lost or left stray, an allocated count off, an order line never allocated, a fulfillment Medusa made that no
 * lot gave units to. What cannot be known (a lot whose stock disagrees with its history) is listed
 * for a person, not invented. Each correction is recorded.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LOT_MODULE, LotEventType } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"
import { loginAsAdmin } from "../../helpers/admin"
import { createStockedProduct, fulfillOrder, placeOrder, setupStore, tryFulfillOrder, type Headers, type StoreSetup } from "../../helpers/store"
import {
  allocationRows, changeLotStatus, daysFromNow, lotEvents, lotStockRows, receiveLot, rows, setLotPolicy, waitFor, waitForOrderLots, type LotView,
} from "../../helpers/allocation"

type Finding = {
  check: string
  inventory_item_id: string
  location_id: string | null
  expected: number
  actual: number
  source: string
  repair: string
  message: string
  order_id?: string
  fulfillment_id?: string
  lot_number?: string
}
type Report = { in_balance: boolean; findings: Finding[] }
type Repair = { found: Finding[]; corrections: { check: string; before: number; after: number; source: string }[]; failed: unknown[]; after: Report }

export function integrityRepairSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Headers
  let store: StoreSetup
  let container: MedusaContainer
  let main: string

  const check = async (itemId: string) =>
    (await api.get(`/admin/lots/reconciliation?inventory_item_id=${itemId}`, { headers })).data as Report
  const repair = async (itemId: string) =>
    (await api.post(`/admin/lots/reconciliation/repair`, { inventory_item_id: itemId }, { headers })).data as Repair
  const summary = (findings: Finding[]) => findings.map((f) => [f.check, f.expected, f.actual, f.repair]).sort()
  const corrections = async (itemId: string) =>
    (await rows(container, `SELECT "check", before, after, source FROM lot_correction WHERE inventory_item_id = ? ORDER BY created_at, id`, [itemId])).map(
      (r) => [r.check, Number(r.before), Number(r.after), r.source]
    )

  /** A tracked item with one released lot of `quantity` at the main location. */
  const trackedItem = async (sku: string, quantity: number) => {
    const product = await createStockedProduct(api, headers, store, { title: sku, sku, stock: { [main]: 0 } })
    await setLotPolicy(api, headers, product.inventoryItemId, { strategy: "fefo" })
    const lot: LotView = await receiveLot(api, headers, {
      inventory_item_id: product.inventoryItemId,
      location_id: main,
      lot_number: `${sku}-1`,
      quantity,
      expires_at: daysFromNow(60),
    })
    return { ...product, lot }
  }

  beforeEach(async () => {
    container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    store = await setupStore(api, container, headers)
    main = store.locations[0]
  })

  it("Medusa's reserved quantity left stale by a partial fulfillment at another location is recounted at once, and repaired when off", async () => {
    const item = await trackedItem("INT-RES", 10)
    await api.post(`/admin/inventory-items/${item.inventoryItemId}/location-levels`, { location_id: store.locations[1], stocked_quantity: 0 }, { headers })
    await receiveLot(api, headers, {
      inventory_item_id: item.inventoryItemId, location_id: store.locations[1], lot_number: "INT-RES-2", quantity: 5, expires_at: daysFromNow(90),
    })
    const order = await placeOrder(api, store, [{ variant_id: item.variant.id, quantity: 4 }])
    await waitForOrderLots(api, headers, order)
    await fulfillOrder(api, headers, order.id, { items: [{ id: order.items[0].id, quantity: 1 }], location_id: store.locations[1] })

    // Medusa moves the line's reservation to the other location but leaves its 4 on the main
    // location's level; the fulfillment subscriber recounts it and records the correction.
    await waitFor(() => corrections(item.inventoryItemId), (c) => c.length > 0, { what: "reserved quantity recounted" })
    expect(await corrections(item.inventoryItemId)).toEqual([["reserved", 4, 0, "medusa"]])
    // Then the same subscriber moves the line's remaining allocation to where Medusa now reserves it.
    await waitFor(() => check(item.inventoryItemId), (r) => r.in_balance, { what: "the order allocated where Medusa reserves it" })

    // The same number gone astray any other way (a crash, a write outside the lock) is named as Medusa's and repaired.
    await rows(container, `UPDATE inventory_level SET reserved_quantity = 2, raw_reserved_quantity = jsonb_build_object('value', '2', 'precision', 20) WHERE inventory_item_id = ? AND location_id = ?`, [
      item.inventoryItemId, main,
    ])
    expect((await check(item.inventoryItemId)).findings).toEqual([
      expect.objectContaining({ check: "reserved", location_id: main, expected: 0, actual: 2, source: "medusa", repair: "automatic" }),
    ])
    const result = await repair(item.inventoryItemId)
    expect(result.after).toMatchObject({ in_balance: true, findings: [] })
    expect(await corrections(item.inventoryItemId)).toEqual([["reserved", 4, 0, "medusa"], ["reserved", 2, 0, "medusa"]])
  })

  it("a fulfillment at another location that the plugin refuses leaves Medusa's reserved quantities true at both locations", async () => {
    const other = store.locations[1]
    const pair = await Promise.all(["INT-RFA", "INT-RFB"].map((sku) => trackedItem(sku, 10)))
    for (const item of pair) {
      await api.post(`/admin/inventory-items/${item.inventoryItemId}/location-levels`, { location_id: other, stocked_quantity: 0 }, { headers })
      await receiveLot(api, headers, {
        inventory_item_id: item.inventoryItemId, location_id: other, lot_number: `${item.lot.lot_number}-O`, quantity: 5, expires_at: daysFromNow(90),
      })
    }
    const order = await placeOrder(api, store, pair.map((item) => ({ variant_id: item.variant.id, quantity: 4 })))
    await waitForOrderLots(api, headers, order)
    // Medusa moves both reservations to the other location, then the plugin refuses: the picker
    // names a lot that is not there.
    const lineOf = (item: (typeof pair)[number]) => order.items.find((l) => l.variant_id === item.variant.id)!.id
    const refused = await tryFulfillOrder(api, headers, order.id, {
      items: order.items.map((l) => ({ id: l.id, quantity: 1 })),
      location_id: other,
      additional_data: { lots: [{ line_item_id: lineOf(pair[1]), lot_number: pair[1].lot.lot_number, quantity: 1 }] },
    })
    expect(refused).toMatchObject({ status: 400, data: { message: expect.stringContaining(pair[1].lot.lot_number) } })

    // Medusa's rollback moves both reservations back, raising the first location's reserved quantity
    // again without lowering the other's — or, under load, fails half-way and leaves them at the
    // other location. Either way the plugin recounts both and allocates the lines where Medusa
    // now reserves them (the check covers both), once the rollback is done.
    for (const item of pair) {
      await waitFor(() => check(item.inventoryItemId), (r) => r.in_balance, { what: `${item.lot.lot_number}: reserved quantities recounted` })
    }
    const levels = await rows(
      container,
      `SELECT inventory_item_id, SUM(reserved_quantity)::int AS reserved FROM inventory_level WHERE inventory_item_id = ANY(?) GROUP BY inventory_item_id`,
      [pair.map((item) => item.inventoryItemId)]
    )
    expect(pair.map((item) => levels.find((l) => l.inventory_item_id === item.inventoryItemId)?.reserved)).toEqual([4, 4])
    const allocated = await allocationRows(container, pair[1].inventoryItemId)
    expect(allocated.filter((a) => a.status === "open").reduce((sum, a) => sum + a.quantity, 0)).toBe(4)
  })

  it("a refused fulfillment at another location of a line no lot covers (short) also leaves Medusa's reserved quantities true", async () => {
    const other = store.locations[1]
    const item = await trackedItem("INT-RFS", 4)
    // Units Medusa stocks at the other location that no lot holds: Medusa lets the fulfillment start there.
    await api.post(`/admin/inventory-items/${item.inventoryItemId}/location-levels`, { location_id: other, stocked_quantity: 3 }, { headers })
    const order = await placeOrder(api, store, [{ variant_id: item.variant.id, quantity: 2 }])
    await waitForOrderLots(api, headers, order)
    await changeLotStatus(api, headers, item.lot.id, "hold", { reason: "lab check" })
    const refused = await tryFulfillOrder(api, headers, order.id, { items: [{ id: order.items[0].id, quantity: 1 }], location_id: other })
    expect(refused).toMatchObject({ status: 400, data: { message: expect.stringContaining("in lots that may ship") } })

    // Medusa's rollback moves the reservation back with a one-sided level update; the plugin
    // follows it although the line has no allocation to say where it was reserved (its shortfall does).
    const levelsVersusReservations = () =>
      rows(
        container,
        `SELECT l.location_id, l.reserved_quantity::int AS reserved,
                COALESCE((SELECT SUM(r.quantity) FROM reservation_item r
                           WHERE r.inventory_item_id = l.inventory_item_id AND r.location_id = l.location_id AND r.deleted_at IS NULL), 0)::int AS reservations
           FROM inventory_level l WHERE l.inventory_item_id = ? AND l.deleted_at IS NULL ORDER BY l.location_id`,
        [item.inventoryItemId]
      )
    const levels = await waitFor(levelsVersusReservations, (ls) => ls.every((l) => l.reserved === l.reservations), {
      what: "reserved quantities equal to the reservations at both locations",
    })
    expect(levels).toHaveLength(2)
  })

  it("a lot write the server stopped before Medusa's stock followed is applied by the repair; one Medusa already has is only marked", async () => {
    const lotsModule = container.resolve<LotModuleService>(LOT_MODULE)
    const [unapplied, unmarked] = await Promise.all(["INT-LVL-A", "INT-LVL-B"].map((sku) => trackedItem(sku, 10)))
    // As `kill -9` between the lot write and the next step leaves them: a receipt in the lots only,
    // and an adjustment Medusa got whose change was never marked applied.
    await lotsModule.receiveLot({ inventory_item_id: unapplied.inventoryItemId, location_id: main, lot_number: "INT-LVL-A-2", quantity: 4, expires_at: daysFromNow(90) })
    await lotsModule.changeLotStock([{ lot_id: unmarked.lot.id, location_id: main, delta: -3, event: { type: LotEventType.ADJUSTED, reason: "damage" } }])
    await container.resolve(Modules.INVENTORY).adjustInventory(unmarked.inventoryItemId, main, -3)

    expect((await check(unapplied.inventoryItemId)).findings).toEqual([
      expect.objectContaining({ check: "stock", expected: 10, actual: 14, repair: "automatic", message: expect.stringContaining("never reached Medusa's stock") }),
    ])
    expect((await check(unmarked.inventoryItemId)).findings).toEqual([])
    const pending = async () =>
      rows(container, `SELECT inventory_item_id, quantity FROM lot_level_change WHERE inventory_item_id = ANY(?) AND applied_at IS NULL AND reverted_at IS NULL`, [
        [unapplied.inventoryItemId, unmarked.inventoryItemId],
      ])
    expect(await pending()).toHaveLength(2)

    // A change this young may still be on its way: the repair leaves it to its workflow.
    expect((await repair(unapplied.inventoryItemId)).corrections).toEqual([])
    await rows(container, `UPDATE lot_level_change SET created_at = now() - interval '1 minute' WHERE inventory_item_id = ANY(?)`, [
      [unapplied.inventoryItemId, unmarked.inventoryItemId],
    ])
    for (const item of [unapplied, unmarked]) {
      expect((await repair(item.inventoryItemId)).after).toMatchObject({ in_balance: true, findings: [] })
    }
    expect(await pending()).toEqual([])
    expect(await corrections(unapplied.inventoryItemId)).toEqual([["stock", 10, 14, "lots"]])
    expect(await corrections(unmarked.inventoryItemId)).toEqual([])
    const levels = await rows(container, `SELECT inventory_item_id, stocked_quantity::int AS stocked FROM inventory_level WHERE inventory_item_id = ANY(?) AND location_id = ?`, [
      [unapplied.inventoryItemId, unmarked.inventoryItemId], main,
    ])
    expect(Object.fromEntries(levels.map((l) => [l.inventory_item_id, l.stocked]))).toEqual({ [unapplied.inventoryItemId]: 14, [unmarked.inventoryItemId]: 7 })
  })

  it("a lost block, a stray block and a wrong allocated count are found and repaired, each recorded", async () => {
    const item = await trackedItem("INT-BLK", 6)
    const held = await receiveLot(api, headers, {
      inventory_item_id: item.inventoryItemId, location_id: main, lot_number: "INT-BLK-Q", quantity: 3, expires_at: daysFromNow(90), status: "quarantine",
    })
    // As a crash between Medusa's write and ours leaves them: the quarantine block gone without a
    // trace, a block no stock row points at, and a counter that missed an allocation.
    await rows(container, `UPDATE reservation_item SET deleted_at = now() WHERE id = (SELECT blocked_reservation_id FROM lot_stock WHERE lot_id = ?)`, [held.id])
    await rows(container, `UPDATE inventory_level SET reserved_quantity = reserved_quantity - 3, raw_reserved_quantity = jsonb_build_object('value', (reserved_quantity - 3)::text, 'precision', 20) WHERE inventory_item_id = ? AND location_id = ?`, [item.inventoryItemId, main])
    await container.resolve("inventory").createReservationItems([
      { inventory_item_id: item.inventoryItemId, location_id: main, quantity: 2, allow_backorder: true, metadata: { lot_id: item.lot.id, lot_stock_id: "lotstk_gone" } },
    ])
    await rows(container, `UPDATE lot_stock SET allocated_quantity = 1 WHERE lot_id = ?`, [item.lot.id])

    expect(summary((await check(item.inventoryItemId)).findings)).toEqual(
      [["allocated", 0, 1, "automatic"], ["blocked", 0, 2, "automatic"], ["blocked", 3, 0, "automatic"]].sort()
    )
    const result = await repair(item.inventoryItemId)
    expect(result.after).toMatchObject({ in_balance: true, findings: [] })
    expect((await corrections(item.inventoryItemId)).map((c) => c.slice(0, 3)).sort()).toEqual(
      [["allocated", 1, 0], ["blocked", 0, 3], ["blocked", 2, 0]].sort()
    )
    expect((await lotEvents(api, headers, item.lot.id)).filter((e) => e.type === "corrected")).toEqual([
      expect.objectContaining({ quantity: -1 }),
    ])
    // A second run finds nothing and changes nothing.
    expect((await repair(item.inventoryItemId)).found).toEqual([])
  })

  it("an order line never allocated and a fulfillment no lot gave units to are repaired from Medusa's records", async () => {
    const item = await trackedItem("INT-FUL", 8)
    // Untracked while these happen, as a crash before the subscriber and inside the fulfillment leave them.
    await api.post(`/admin/inventory-items/${item.inventoryItemId}/lot-policy`, { tracked: false }, { headers })
    const unallocated = await placeOrder(api, store, [{ variant_id: item.variant.id, quantity: 2 }])
    await api.post(`/admin/inventory-items/${item.inventoryItemId}/lot-policy`, { tracked: true }, { headers })
    const shipped = await placeOrder(api, store, [{ variant_id: item.variant.id, quantity: 3 }])
    await waitForOrderLots(api, headers, shipped)
    await api.post(`/admin/inventory-items/${item.inventoryItemId}/lot-policy`, { tracked: false }, { headers })
    const { fulfillment } = await fulfillOrder(api, headers, shipped.id, { items: [{ id: shipped.items[0].id, quantity: 3 }], location_id: main })
    await api.post(`/admin/inventory-items/${item.inventoryItemId}/lot-policy`, { tracked: true }, { headers })

    const before = (await check(item.inventoryItemId)).findings
    expect(before.filter((f) => f.check === "fulfillment")).toEqual([
      expect.objectContaining({ fulfillment_id: fulfillment.id, expected: 3, actual: 0, repair: "automatic" }),
    ])
    expect(before.filter((f) => f.check === "allocation").map((f) => [f.order_id, f.expected, f.actual]).sort()).toEqual(
      [[unallocated.id, 2, 0], [shipped.id, 0, 3]].sort()
    )
    expect(before.filter((f) => f.check === "stock")).toEqual([expect.objectContaining({ expected: 5, actual: 8, repair: "manual" })])

    const result = await repair(item.inventoryItemId)
    expect(result.failed).toEqual([])
    expect(result.after).toMatchObject({ in_balance: true, findings: [] })
    expect(await lotStockRows(container, item.inventoryItemId)).toEqual([
      expect.objectContaining({ lot_number: "INT-FUL-1", quantity: 5, allocated_quantity: 2 }),
    ])
    const allocations = await allocationRows(container, item.inventoryItemId)
    expect(allocations.filter((a) => a.fulfillment_id === fulfillment.id).map((a) => [a.status, a.quantity])).toEqual([["fulfilled", 3]])
    expect(allocations.filter((a) => a.order_id === unallocated.id && a.status === "open").map((a) => a.quantity)).toEqual([2])
  })

  it("reservations holding more than their line has left to fulfill (a server stopped inside Medusa's fulfillment) are trimmed by the repair", async () => {
    const item = await trackedItem("INT-RES", 9)
    const partly = await placeOrder(api, store, [{ variant_id: item.variant.id, quantity: 3 }])
    const done = await placeOrder(api, store, [{ variant_id: item.variant.id, quantity: 2 }])
    await waitForOrderLots(api, headers, partly)
    await waitForOrderLots(api, headers, done)
    await fulfillOrder(api, headers, partly.id, { items: [{ id: partly.items[0].id, quantity: 2 }], location_id: main })
    await fulfillOrder(api, headers, done.id, { items: [{ id: done.items[0].id, quantity: 2 }], location_id: main })
    // What Medusa leaves when it stops between registering the fulfillment and updating the reservations.
    const inventory = container.resolve(Modules.INVENTORY)
    const [kept] = await inventory.listReservationItems({ line_item_id: partly.items[0].id })
    await inventory.updateReservationItems([{ id: kept.id, quantity: 3 }])
    await inventory.createReservationItems([
      { line_item_id: done.items[0].id, inventory_item_id: item.inventoryItemId, location_id: main, quantity: 2 },
    ])

    const before = (await check(item.inventoryItemId)).findings
    expect(before.map((f) => [f.check, f.order_id, f.expected, f.actual, f.source]).sort()).toEqual(
      [["over_reserved", partly.id, 1, 3, "medusa"], ["over_reserved", done.id, 0, 2, "medusa"]].sort()
    )
    const result = await repair(item.inventoryItemId)
    expect(result.failed).toEqual([])
    expect(result.after).toMatchObject({ in_balance: true, findings: [] })
    expect((await inventory.listReservationItems({ inventory_item_id: item.inventoryItemId, line_item_id: [partly.items[0].id, done.items[0].id] }))
      .map((r) => [r.line_item_id, Number(r.quantity)])).toEqual([[partly.items[0].id, 1]])
    const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.inventoryItemId, location_id: main })
    expect([Number(level.stocked_quantity), Number(level.reserved_quantity)]).toEqual([5, 1])
    expect((await corrections(item.inventoryItemId)).filter(([c]) => c === "over_reserved").sort()).toEqual(
      [["over_reserved", 3, 1, "medusa"], ["over_reserved", 2, 0, "medusa"]].sort()
    )
    expect((await lotStockRows(container, item.inventoryItemId))[0]).toMatchObject({ quantity: 5, allocated_quantity: 1 })
  })

  it("a lot whose stock disagrees with its history is listed for a person and left as it is", async () => {
    const item = await trackedItem("INT-LDG", 4)
    // Both sides moved together by hand: stock agrees with Medusa, but no history explains the unit.
    await rows(container, `UPDATE lot_stock SET quantity = quantity + 1 WHERE lot_id = ?`, [item.lot.id])
    await rows(container, `UPDATE inventory_level SET stocked_quantity = stocked_quantity + 1, raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + 1)::text, 'precision', 20) WHERE inventory_item_id = ? AND location_id = ?`, [item.inventoryItemId, main])
    const result = await repair(item.inventoryItemId)
    expect(summary(result.after.findings)).toEqual([["ledger", 4, 5, "manual"], ["ledger", 4, 5, "manual"]])
    expect(result.after.findings[0].message).toMatch(/^Lot INT-LDG-1 holds 5 units but its history accounts for 4/)
    expect(result.corrections).toEqual([])
    expect((await lotStockRows(container, item.inventoryItemId))[0].quantity).toBe(5)
  })
}
