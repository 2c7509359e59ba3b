/**
 * The reservations that keep held units off sale, against Medusa's own checkout and its
 * Reservations page: written under Medusa's locking module, so `reserved_quantity` stays the sum of
 * the reservations while checkouts run; in place before a hold answers; re-created at once when an
 * admin deletes one, and the deletion recorded in the lot's history.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loginAsAdmin } from "../../helpers/admin"
import {
  blockedReservationTotal,
  changeLotStatus,
  daysFromNow,
  lotEvents,
  receiveLot,
  setLotPolicy,
  waitFor,
  waitForOrderLots,
  type LotView,
} from "../../helpers/allocation"
import type { Suite } from "../../helpers/run-suites"
import {
  completeCart,
  createStockedProduct,
  placeOrder,
  prepareCart,
  setupStore,
  tryPlaceOrder,
  type Headers,
  type StoreSetup,
} from "../../helpers/store"

type Pg = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

const pg = (container: MedusaContainer) => container.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION)

/** Per location of an item: Medusa's `reserved_quantity` beside the sum of its live reservations. */
async function reservedAgainstReservations(container: MedusaContainer, inventoryItemId: string) {
  const { rows } = await pg(container).raw(
    `SELECT l.location_id, l.reserved_quantity::int AS reserved,
            COALESCE((SELECT SUM(r.quantity) FROM reservation_item r
                       WHERE r.inventory_item_id = l.inventory_item_id AND r.location_id = l.location_id
                         AND r.deleted_at IS NULL), 0)::int AS reservations
       FROM inventory_level l
      WHERE l.inventory_item_id = ? AND l.deleted_at IS NULL
      ORDER BY l.location_id`,
    [inventoryItemId]
  )
  return rows.map((r) => ({ location_id: String(r.location_id), reserved: Number(r.reserved), reservations: Number(r.reservations) }))
}

/** The plugin's blocking reservations (no line item) of an item at a location. */
async function blockIds(container: MedusaContainer, inventoryItemId: string, locationId: string): Promise<string[]> {
  const { rows } = await pg(container).raw(
    `SELECT id FROM reservation_item
      WHERE inventory_item_id = ? AND location_id = ? AND line_item_id IS NULL AND deleted_at IS NULL ORDER BY id`,
    [inventoryItemId, locationId]
  )
  return rows.map((r) => String(r.id))
}

export const reservationLockingSuite: Suite = ({ api, getContainer }) => {
  let headers: Headers
  let store: StoreSetup
  let main: string

  beforeEach(async () => {
    ;({ headers } = await loginAsAdmin(api, getContainer()))
    store = await setupStore(api, getContainer(), headers)
    main = store.locations[0]
  })

  const trackedProduct = async (title: string, sku: string) => {
    const product = await createStockedProduct(api, headers, store, { title, sku, stock: { [main]: 0 } })
    await setLotPolicy(api, headers, product.inventoryItemId, { strategy: "fefo" })
    return product
  }
  const receive = (inventoryItemId: string, lotNumber: string, quantity: number): Promise<LotView> =>
    receiveLot(api, headers, { inventory_item_id: inventoryItemId, location_id: main, lot_number: lotNumber, quantity, expires_at: daysFromNow(60) })

  it("keeps reserved_quantity equal to the reservations while checkouts run during holds and releases, and held stock stays unsold", async () => {
    const container = getContainer()
    const { variant, inventoryItemId } = await trackedProduct("Oat milk", "OAT-L")
    const lot = await receive(inventoryItemId, "OAT-1", 60)

    const ROUNDS = 4
    const CHECKOUTS = 12
    const TOGGLES = 6
    for (let round = 0; round < ROUNDS; round++) {
      const carts = await Promise.all(
        Array.from({ length: CHECKOUTS }, (_, i) =>
          prepareCart(api, store, [{ variant_id: variant.id, quantity: 1 }], { email: `r${round}-${i}@lots.test` })
        )
      )
      const toggles = async () => {
        for (let i = 0; i < TOGGLES; i++) {
          await changeLotStatus(api, headers, lot.id, "hold")
          await changeLotStatus(api, headers, lot.id, "release")
        }
      }
      // Completions and holds/releases at once: each writes reserved_quantity of the same level.
      await Promise.all([Promise.all(carts.map((cartId) => completeCart(api, store, cartId))), toggles()])
    }
    await changeLotStatus(api, headers, lot.id, "hold")

    const levels = await reservedAgainstReservations(container, inventoryItemId)
    expect(levels.map((l) => ({ ...l, equal: l.reserved === l.reservations }))).toEqual(
      levels.map((l) => ({ location_id: l.location_id, reserved: l.reservations, reservations: l.reservations, equal: true }))
    )
    // The item's only lot is on hold: no unit may be sold.
    const attempt = await tryPlaceOrder(api, store, [{ variant_id: variant.id, quantity: 1 }], { email: "late@lots.test" })
    expect(attempt.ok).toBe(false)
  })

  it("a hold answers only after its units are held back: they are never sellable while the lot is on hold", async () => {
    const container = getContainer()
    const { variant, inventoryItemId } = await trackedProduct("Rye flour", "RYE-1")
    const lot = await receive(inventoryItemId, "RYE-A", 8)
    // Orders allocated to the lot make the hold re-allocate them before it finishes.
    const orders = []
    for (let i = 0; i < 3; i++) {
      orders.push(await placeOrder(api, store, [{ variant_id: variant.id, quantity: 1 }], { email: `rye-${i}@lots.test` }))
    }
    await Promise.all(orders.map((o) => waitForOrderLots(api, headers, o)))

    // Samples lot status and Medusa's available quantity in one snapshot, as fast as it can, while
    // the hold runs: a sample with the lot on hold and units available is a sellable window.
    const windows: { status: string; available: number }[] = []
    let holding = true
    const sample = async () => {
      while (holding) {
        const { rows } = await pg(container).raw(
          `SELECT lot.status, (lvl.stocked_quantity - lvl.reserved_quantity)::int AS available
             FROM lot JOIN inventory_level lvl ON lvl.inventory_item_id = lot.inventory_item_id AND lvl.location_id = ?
            WHERE lot.id = ? AND lvl.deleted_at IS NULL`,
          [main, lot.id]
        )
        const [row] = rows
        if (row && row.status !== "released" && Number(row.available) > 0) {
          windows.push({ status: String(row.status), available: Number(row.available) })
        }
      }
    }
    const sampler = sample()
    await changeLotStatus(api, headers, lot.id, "hold")
    holding = false
    await sampler

    expect({ samples: windows.length, first: windows[0] }).toEqual({ samples: 0, first: undefined })
    // Right after the answer: every unit of the lot is held back, and the storefront refuses.
    expect(await blockedReservationTotal(container, inventoryItemId, main)).toBe(8)
    const attempt = await tryPlaceOrder(api, store, [{ variant_id: variant.id, quantity: 1 }], { email: "after-hold@lots.test" })
    expect(attempt.ok).toBe(false)
  })

  it("re-creates a block deleted in Medusa's Reservations page, records it in the lot's history, and held units stay unsold", async () => {
    const container = getContainer()
    const { variant, inventoryItemId } = await trackedProduct("Buckwheat", "BCK-1")
    await receive(inventoryItemId, "BCK-OK", 2)
    const held = await receive(inventoryItemId, "BCK-HELD", 5)
    await changeLotStatus(api, headers, held.id, "hold")
    const [block] = await blockIds(container, inventoryItemId, main)
    expect(block).toBeDefined()

    const res = await api.delete(`/admin/reservations/${block}`, { headers })
    expect(res.status).toBe(200)

    // The subscriber puts the block back (a new reservation) within moments.
    const restored = await waitFor(
      () => blockIds(container, inventoryItemId, main),
      (ids) => ids.length === 1 && ids[0] !== block,
      { timeout: 5_000, interval: 50, what: "the deleted block to be re-created" }
    )
    expect(await blockedReservationTotal(container, inventoryItemId, main)).toBe(5)
    const levels = await reservedAgainstReservations(container, inventoryItemId)
    expect(levels.every((l) => l.reserved === l.reservations)).toBe(true)

    const history = await lotEvents(api, headers, held.id)
    const record = history.filter((e) => e.type === "block_restored")
    expect(record).toEqual([
      expect.objectContaining({
        type: "block_restored",
        location_id: main,
        reference_type: "reservation",
        reference_id: block,
        data: expect.objectContaining({ reservation_id: restored[0], quantity: 5 }),
      }),
    ])

    // Only 2 units are released: an order of 3 is refused, an order of 2 goes through.
    const tooMany = await tryPlaceOrder(api, store, [{ variant_id: variant.id, quantity: 3 }], { email: "three@lots.test" })
    expect(tooMany.ok).toBe(false)
    await placeOrder(api, store, [{ variant_id: variant.id, quantity: 2 }], { email: "two@lots.test" })
  })

  it("puts back a block edited in Medusa's Reservations page (its quantity lowered, or moved to another location) and records each edit", async () => {
    const container = getContainer()
    const other = store.locations[1]
    const { variant, inventoryItemId } = await trackedProduct("Millet", "MIL-1")
    await api.post(`/admin/inventory-items/${inventoryItemId}/location-levels`, { location_id: other, stocked_quantity: 0 }, { headers })
    await receive(inventoryItemId, "MIL-OK", 2)
    const held = await receive(inventoryItemId, "MIL-HELD", 5)
    await changeLotStatus(api, headers, held.id, "hold")
    const [block] = await blockIds(container, inventoryItemId, main)

    // Lowered to 1, the block would let 4 held units be sold.
    expect((await api.post(`/admin/reservations/${block}`, { quantity: 1 }, { headers })).status).toBe(200)
    await waitFor(() => blockedReservationTotal(container, inventoryItemId, main), (total) => total === 5, {
      timeout: 5_000, interval: 50, what: "the lowered block to hold 5 again",
    })

    // Moved to the other location, it would hold back units the lot does not have there.
    const [current] = await blockIds(container, inventoryItemId, main)
    expect((await api.post(`/admin/reservations/${current}`, { location_id: other }, { headers })).status).toBe(200)
    await waitFor(
      async () => [await blockedReservationTotal(container, inventoryItemId, main), (await blockIds(container, inventoryItemId, other)).length],
      ([atMain, atOther]) => atMain === 5 && atOther === 0,
      { timeout: 5_000, interval: 50, what: "the moved block to be back at the lot's location" }
    )
    await waitFor(() => reservedAgainstReservations(container, inventoryItemId), (levels) => levels.every((l) => l.reserved === l.reservations), {
      what: "reserved quantities to agree with the reservations at both locations",
    })

    // The reservation is put back first, the lot's history written after it.
    const record = await waitFor(
      async () => (await lotEvents(api, headers, held.id)).filter((e) => e.type === "block_restored"),
      (restored) => restored.length >= 2,
      { what: "both restored blocks in the lot's history" }
    )
    expect(record).toEqual([
      expect.objectContaining({ reason: "the reservation holding the lot's units back was edited in Medusa", reference_id: block }),
      expect.objectContaining({ reason: "the reservation holding the lot's units back was edited in Medusa", reference_id: current }),
    ])
    const tooMany = await tryPlaceOrder(api, store, [{ variant_id: variant.id, quantity: 3 }], { email: "millet-three@lots.test" })
    expect(tooMany.ok).toBe(false)
    await placeOrder(api, store, [{ variant_id: variant.id, quantity: 2 }], { email: "millet-two@lots.test" })
  })
}
