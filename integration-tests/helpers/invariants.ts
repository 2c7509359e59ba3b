/**
 * The invariants lot tracking keeps with Medusa, read straight from the database for a set of
 * lot-tracked inventory items and checked here, apart from the plugin's own reconciliation code
 * (a mistake shared by the plugin and its report cannot hide):
 *
 * - stock: Σ lot_stock.quantity per (item, location) = Medusa's inventory_level.stocked_quantity,
 *   except for units Medusa counts that no lot may hold: units it restocks twice (a fulfillment
 *   canceled after some of its units came back by a return; the lot history records them on the
 *   cancel, and no more may be recorded than the item's lots ever got back by returns) and
 *   returned units no lot shipped (a fulfillment canceled after the return was requested;
 *   recorded in lot_return_surplus);
 * - reserved: inventory_level.reserved_quantity = Σ live reservation_item.quantity per item/location;
 * - blocked: the block reservations lot stock points at hold exactly the units that may not be
 *   sold — all unallocated units of a lot that is not released, and the returned units awaiting
 *   inspection of a released one — and no other reservation without a line exists;
 * - allocated: lot_stock.allocated_quantity = Σ open lot_allocation rows of that lot and location;
 * - open-lines: open allocations only on lines of orders that are not canceled, never more than the
 *   line's unfulfilled quantity (a removed line has none);
 * - allocation-location: a line's open allocations at a location never exceed what Medusa reserves
 *   for that line there (the allocation follows Medusa's reservation);
 * - line-reserved: Medusa's reservations of a line never exceed its unfulfilled quantity (none for
 *   a canceled order): a surplus holds stock back from sale for no one;
 * - lot-inflow: each lot's on hand ≤ received + returned by its history, no stock row negative;
 * - shortfall: no line is left short at a location where a lot of its item may be sold and has
 *   free units (released, outlasting the item's minimum shelf life): freed stock covers shortfalls.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { allocationRows, lotStockRows, rows } from "./allocation"

export interface Books {
  levels: { inventory_item_id: string; location_id: string; stocked: number; reserved: number }[]
  /** Live reservations summed per item, location and line (null: a reservation without a line). */
  reservations: { inventory_item_id: string; location_id: string; line_item_id: string | null; quantity: number }[]
  stock: (Awaited<ReturnType<typeof lotStockRows>>[number] & { inventory_item_id: string; block: number | null })[]
  allocations: (Awaited<ReturnType<typeof allocationRows>>[number] & { inventory_item_id: string })[]
  /** Lines (at the order's current version) of every order that has allocations or shortfalls of the items. */
  lines: { order_id: string; order_status: string; line_item_id: string; quantity: number; fulfilled: number }[]
  /** Per lot: units its history says were received and returned, and how many entries it has. */
  inflow: { lot_number: string; received: number; returned: number; events: number }[]
  /** Unresolved shortfalls per line and location. */
  shortfalls: { line_item_id: string; inventory_item_id: string; location_id: string; quantity: number }[]
  /** Free units (not allocated, not awaiting inspection) of lots an order may take, per item and location. */
  freeEligible: { inventory_item_id: string; location_id: string; quantity: number }[]
  /** Units Medusa restocked a second time on a fulfillment cancel, as the lot history records them. */
  doubleRestocked: { inventory_item_id: string; location_id: string; quantity: number }[]
  /** Returned units Medusa restocked that no lot shipped, as the plugin recorded them. */
  returnSurplus: { inventory_item_id: string; location_id: string; quantity: number }[]
}

export interface Violation {
  invariant: "stock" | "reserved" | "blocked" | "allocated" | "open-lines" | "allocation-location" | "line-reserved" | "lot-inflow" | "shortfall"
  where: string
  detail: string
}

const num = (value: unknown) => Number(value)
const key = (...parts: (string | null)[]) => parts.map((p) => p ?? "-").join(" @ ")
/** Rows in one canonical order, so two reads of the same state compare equal whatever ids rows got. */
const canonical = <T>(list: T[]) => list.map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as T)

/** Everything the invariants look at, for the given inventory items. */
export async function readBooks(container: MedusaContainer, itemIds: string[]): Promise<Books> {
  const perItem = await Promise.all(
    itemIds.map(async (id) => ({ id, stock: await lotStockRows(container, id), allocations: await allocationRows(container, id) }))
  )
  const [levels, reservations, blocks, lines, inflow, shortfalls, doubleRestocked, returnSurplus, freeEligible] = await Promise.all([
    rows(
      container,
      `SELECT inventory_item_id, location_id, stocked_quantity::text AS stocked, reserved_quantity::text AS reserved
         FROM inventory_level WHERE deleted_at IS NULL AND inventory_item_id = ANY(?)`,
      [itemIds]
    ),
    rows(
      container,
      `SELECT inventory_item_id, location_id, line_item_id, SUM(quantity)::text AS quantity
         FROM reservation_item WHERE deleted_at IS NULL AND inventory_item_id = ANY(?)
        GROUP BY inventory_item_id, location_id, line_item_id`,
      [itemIds]
    ),
    rows(
      container,
      `SELECT l.lot_number, s.location_id, r.quantity::text AS quantity
         FROM lot_stock s JOIN lot l ON l.id = s.lot_id
         LEFT JOIN reservation_item r ON r.id = s.blocked_reservation_id AND r.deleted_at IS NULL
        WHERE l.inventory_item_id = ANY(?) AND s.deleted_at IS NULL AND l.deleted_at IS NULL`,
      [itemIds]
    ),
    rows(
      container,
      `SELECT o.id AS order_id, o.status AS order_status, oi.item_id AS line_item_id,
              oi.quantity::text AS quantity, oi.fulfilled_quantity::text AS fulfilled
         FROM "order" o JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
        WHERE o.id IN (SELECT order_id FROM lot_allocation WHERE inventory_item_id = ANY(?)
                       UNION SELECT order_id FROM lot_allocation_shortfall WHERE inventory_item_id = ANY(?))`,
      [itemIds, itemIds]
    ),
    rows(
      container,
      `SELECT l.lot_number,
              COALESCE(SUM(e.quantity) FILTER (WHERE e.type = 'received'), 0)::int AS received,
              COALESCE(SUM(e.quantity) FILTER (WHERE e.type = 'returned'), 0)::int AS returned,
              COUNT(e.id)::int AS events
         FROM lot l LEFT JOIN lot_event e ON e.lot_id = l.id
        WHERE l.inventory_item_id = ANY(?) AND l.deleted_at IS NULL
        GROUP BY l.lot_number`,
      [itemIds]
    ),
    rows(
      container,
      `SELECT line_item_id, inventory_item_id, location_id, SUM(quantity)::int AS quantity FROM lot_allocation_shortfall
        WHERE inventory_item_id = ANY(?) AND resolved_at IS NULL AND deleted_at IS NULL
        GROUP BY line_item_id, inventory_item_id, location_id`,
      [itemIds]
    ),
    rows(
      container,
      `SELECT l.inventory_item_id, e.location_id, SUM((e.data->>'already_returned')::int)::int AS quantity
         FROM lot_event e JOIN lot l ON l.id = e.lot_id
        WHERE e.type = 'fulfillment_canceled' AND e.data->>'already_returned' IS NOT NULL AND l.inventory_item_id = ANY(?)
        GROUP BY l.inventory_item_id, e.location_id`,
      [itemIds]
    ),
    rows(
      container,
      `SELECT inventory_item_id, location_id, SUM(quantity)::int AS quantity FROM lot_return_surplus
        WHERE inventory_item_id = ANY(?) AND deleted_at IS NULL GROUP BY inventory_item_id, location_id`,
      [itemIds]
    ),
    rows(
      container,
      `SELECT l.inventory_item_id, s.location_id, SUM(s.quantity - s.allocated_quantity - s.quarantined_quantity)::int AS quantity
         FROM lot_stock s JOIN lot l ON l.id = s.lot_id
         LEFT JOIN lot_policy p ON p.inventory_item_id = l.inventory_item_id AND p.deleted_at IS NULL
        WHERE l.inventory_item_id = ANY(?) AND s.deleted_at IS NULL AND l.deleted_at IS NULL AND l.status = 'released'
          AND (l.expires_at IS NULL OR l.expires_at > now() + make_interval(days => COALESCE(p.min_remaining_shelf_life_days, 0)))
          AND s.quantity > s.allocated_quantity + s.quarantined_quantity
        GROUP BY l.inventory_item_id, s.location_id`,
      [itemIds]
    ),
  ])
  const blockOf = new Map(blocks.map((b) => [key(String(b.lot_number), String(b.location_id)), b.quantity === null ? null : num(b.quantity)]))
  return {
    levels: canonical(
      levels.map((l) => ({
        inventory_item_id: String(l.inventory_item_id),
        location_id: String(l.location_id),
        stocked: num(l.stocked),
        reserved: num(l.reserved),
      }))
    ),
    reservations: canonical(
      reservations.map((r) => ({
        inventory_item_id: String(r.inventory_item_id),
        location_id: String(r.location_id),
        line_item_id: r.line_item_id === null ? null : String(r.line_item_id),
        quantity: num(r.quantity),
      }))
    ),
    stock: canonical(
      perItem.flatMap(({ id, stock }) =>
        stock.map((s) => ({ ...s, inventory_item_id: id, block: blockOf.get(key(s.lot_number, s.location_id)) ?? null }))
      )
    ),
    allocations: canonical(perItem.flatMap(({ id, allocations }) => allocations.map((a) => ({ ...a, inventory_item_id: id })))),
    lines: canonical(
      lines.map((l) => ({
        order_id: String(l.order_id),
        order_status: String(l.order_status),
        line_item_id: String(l.line_item_id),
        quantity: num(l.quantity),
        fulfilled: num(l.fulfilled),
      }))
    ),
    inflow: canonical(
      inflow.map((i) => ({ lot_number: String(i.lot_number), received: num(i.received), returned: num(i.returned), events: num(i.events) }))
    ),
    shortfalls: canonical(
      shortfalls.map((s) => ({
        line_item_id: String(s.line_item_id),
        inventory_item_id: String(s.inventory_item_id),
        location_id: String(s.location_id),
        quantity: num(s.quantity),
      }))
    ),
    freeEligible: canonical(perLevel(freeEligible)),
    doubleRestocked: canonical(perLevel(doubleRestocked)),
    returnSurplus: canonical(perLevel(returnSurplus)),
  }
}

const perLevel = (list: Record<string, unknown>[]) =>
  list.map((d) => ({ inventory_item_id: String(d.inventory_item_id), location_id: String(d.location_id), quantity: num(d.quantity) }))

/** Adds `quantity` under `k`. */
function add(map: Map<string, number>, k: string, quantity: number) {
  map.set(k, (map.get(k) ?? 0) + quantity)
}

/** Every invariant the books break (empty: all hold). */
export function invariantViolations(books: Books): Violation[] {
  const out: Violation[] = []
  const lotUnits = new Map<string, number>()
  const mustBlock = new Map<string, number>()
  const blocking = new Map<string, number>()
  for (const s of books.stock) {
    const at = key(s.inventory_item_id, s.location_id)
    add(lotUnits, at, s.quantity)
    add(mustBlock, at, s.status === "released" ? s.quarantined_quantity : s.quantity - s.allocated_quantity)
    add(blocking, at, s.block ?? 0)
  }
  const reserved = new Map<string, number>()
  const lineless = new Map<string, number>()
  const reservedForLine = new Map<string, number>()
  for (const r of books.reservations) {
    const at = key(r.inventory_item_id, r.location_id)
    add(reserved, at, r.quantity)
    if (r.line_item_id === null) add(lineless, at, r.quantity)
    else add(reservedForLine, key(r.line_item_id, r.location_id), r.quantity)
  }

  const restockedTwice = new Map<string, number>()
  for (const d of books.doubleRestocked) add(restockedTwice, key(d.inventory_item_id, d.location_id), d.quantity)
  const returnedUnshipped = new Map<string, number>()
  for (const d of books.returnSurplus) add(returnedUnshipped, key(d.inventory_item_id, d.location_id), d.quantity)
  const everReturned = books.inflow.reduce((sum, i) => sum + i.returned, 0)
  const twiceInAll = books.doubleRestocked.reduce((sum, d) => sum + d.quantity, 0)
  if (twiceInAll > everReturned) {
    out.push({ invariant: "stock", where: "all items", detail: `${twiceInAll} units recorded as restocked twice, but only ${everReturned} ever came back` })
  }

  const places = new Set([...books.levels.map((l) => key(l.inventory_item_id, l.location_id)), ...lotUnits.keys(), ...reserved.keys()])
  const levelAt = new Map(books.levels.map((l) => [key(l.inventory_item_id, l.location_id), l]))
  for (const at of places) {
    const level = levelAt.get(at)
    const stocked = level?.stocked ?? 0
    const twice = restockedTwice.get(at) ?? 0
    const unshipped = returnedUnshipped.get(at) ?? 0
    if ((lotUnits.get(at) ?? 0) + twice + unshipped !== stocked) {
      const why = [twice && `${twice} restocked twice`, unshipped && `${unshipped} returned that no lot shipped`].filter(Boolean).join(", ")
      out.push({ invariant: "stock", where: at, detail: `lots hold ${lotUnits.get(at) ?? 0}${why ? ` (Medusa: ${why})` : ""}, Medusa stocks ${stocked}` })
    }
    if ((level?.reserved ?? 0) !== (reserved.get(at) ?? 0)) {
      out.push({ invariant: "reserved", where: at, detail: `reserved_quantity ${level?.reserved ?? 0}, reservations sum to ${reserved.get(at) ?? 0}` })
    }
    const should = mustBlock.get(at) ?? 0
    if ((blocking.get(at) ?? 0) !== should || (lineless.get(at) ?? 0) !== should) {
      out.push({
        invariant: "blocked",
        where: at,
        detail: `unsellable lot units ${should}, lot stock's block reservations ${blocking.get(at) ?? 0}, reservations without a line ${lineless.get(at) ?? 0}`,
      })
    }
  }

  const openPerStock = new Map<string, number>()
  const openPerLine = new Map<string, number>()
  const openPerLineAt = new Map<string, number>()
  for (const a of books.allocations.filter((a) => a.status === "open")) {
    add(openPerStock, key(a.lot_number, a.location_id), a.quantity)
    add(openPerLine, a.line_item_id, a.quantity)
    add(openPerLineAt, key(a.line_item_id, a.location_id), a.quantity)
  }
  for (const s of books.stock) {
    const open = openPerStock.get(key(s.lot_number, s.location_id)) ?? 0
    if (s.allocated_quantity !== open) {
      out.push({ invariant: "allocated", where: key(s.lot_number, s.location_id), detail: `allocated_quantity ${s.allocated_quantity}, open allocations ${open}` })
    }
  }
  const lineOf = new Map(books.lines.map((l) => [l.line_item_id, l]))
  for (const [lineId, open] of openPerLine) {
    const line = lineOf.get(lineId)
    const unfulfilled = !line || line.order_status === "canceled" ? 0 : Math.max(0, line.quantity - line.fulfilled)
    if (open > unfulfilled) {
      const state = line ? `order ${line.order_id} ${line.order_status}, line ${line.quantity} ordered / ${line.fulfilled} fulfilled` : "no such line at the order's version"
      out.push({ invariant: "open-lines", where: lineId, detail: `${open} open allocated, ${unfulfilled} unfulfilled (${state})` })
    }
  }
  const reservedPerLine = new Map<string, number>()
  for (const r of books.reservations) if (r.line_item_id !== null) add(reservedPerLine, r.line_item_id, r.quantity)
  for (const [lineId, held] of reservedPerLine) {
    const line = lineOf.get(lineId)
    const unfulfilled = !line ? held : line.order_status === "canceled" ? 0 : Math.max(0, line.quantity - line.fulfilled)
    if (held > unfulfilled) {
      out.push({ invariant: "line-reserved", where: lineId, detail: `Medusa reserves ${held}, the line has ${unfulfilled} unfulfilled (order ${line!.order_id} ${line!.order_status})` })
    }
  }
  for (const [at, open] of openPerLineAt) {
    if (open > (reservedForLine.get(at) ?? 0)) {
      out.push({ invariant: "allocation-location", where: at, detail: `${open} open allocated, Medusa reserves ${reservedForLine.get(at) ?? 0} for the line there` })
    }
  }

  const onHand = new Map<string, number>()
  for (const s of books.stock) {
    add(onHand, s.lot_number, s.quantity)
    if (s.quantity < 0 || s.allocated_quantity < 0 || s.quarantined_quantity < 0) {
      out.push({ invariant: "lot-inflow", where: key(s.lot_number, s.location_id), detail: `negative stock row ${JSON.stringify(s)}` })
    }
  }
  for (const i of books.inflow) {
    const held = onHand.get(i.lot_number) ?? 0
    if (held > i.received + i.returned) {
      out.push({ invariant: "lot-inflow", where: i.lot_number, detail: `on hand ${held} > received ${i.received} + returned ${i.returned}` })
    }
  }

  const freeAt = new Map(books.freeEligible.map((f) => [key(f.inventory_item_id, f.location_id), f.quantity]))
  for (const s of books.shortfalls) {
    const free = freeAt.get(key(s.inventory_item_id, s.location_id)) ?? 0
    if (free > 0) {
      out.push({ invariant: "shortfall", where: key(s.line_item_id, s.location_id), detail: `${s.quantity} short while lots of the item have ${free} free there` })
    }
  }
  return out
}

/** The violations as lines for an error message. */
export function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `  [${v.invariant}] ${v.where}: ${v.detail}`).join("\n")
}
