import fc from "fast-check"

import { EXPIRING_STATUSES, isoWeekStart } from "../domain/expiry-warnings"
import { rebuildExpirySummarySql } from "../sql/expiry-summary-sql"
import { LOT_STATUSES, LotStatus } from "../types"
import { lotModuleSpec } from "./lot-module-runner"

jest.setTimeout(300_000)

const HOUR = 3_600_000
const DAY = 24 * HOUR
// A Wednesday morning: the week of "now" starts two and a half days earlier.
const AS_OF = new Date("2026-12-09T10:00:00Z")
const ITEMS = ["iitem_exp_a", "iitem_exp_b", "iitem_exp_c"]
const LOCATIONS = ["sloc_exp_1", "sloc_exp_2", "sloc_exp_3"]
const REPORTED: string[] = [...EXPIRING_STATUSES, LotStatus.EXPIRED]

type StockRow = { lot_id: string; inventory_item_id: string; status: string; expires_at: Date; location_id: string; quantity: number }
type Bucket = { quantity: number; lots: number }

/** Expiry moments around the edges the summary splits at: Monday midnights, now, the windows. */
const expiryArb = fc.oneof(
  fc.integer({ min: -40 * 24, max: 100 * 24 }).map((h) => new Date(AS_OF.getTime() + h * HOUR)),
  fc.integer({ min: -6, max: 15 }).map((w) => new Date(isoWeekStart(AS_OF).getTime() + w * 7 * DAY)),
  fc.constantFrom(0, 30, 60, 90).map((d) => new Date(AS_OF.getTime() + d * DAY))
)

const operationArb = fc.oneof(
  fc.record({
    op: fc.constant("receive" as const),
    item: fc.constantFrom(...ITEMS),
    status: fc.constantFrom(...LOT_STATUSES),
    expires_at: expiryArb,
    stock: fc.uniqueArray(fc.record({ location: fc.constantFrom(...LOCATIONS), quantity: fc.integer({ min: 0, max: 9 }) }), {
      selector: (s) => s.location,
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({ op: fc.constant("set_quantity" as const), pick: fc.nat(), quantity: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ op: fc.constant("set_status" as const), pick: fc.nat(), status: fc.constantFrom(...LOT_STATUSES) }),
  fc.record({ op: fc.constant("set_expiry" as const), pick: fc.nat(), expires_at: expiryArb }),
  fc.record({ op: fc.constant("move_item" as const), pick: fc.nat(), item: fc.constantFrom(...ITEMS) }),
  fc.record({ op: fc.constant("soft_delete_stock" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("soft_delete_lot" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("delete_lot" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("add_everywhere" as const), location: fc.constantFrom(...LOCATIONS) }),
  fc.record({ op: fc.constant("refresh" as const), rebuild: fc.boolean() })
)

type Operation = typeof operationArb extends fc.Arbitrary<infer T> ? T : never

lotModuleSpec(({ service, MikroOrmWrapper, sql }) => {
  let next = 0
  const lotIds = async () => (await sql<{ id: string }[]>(`SELECT id FROM lot WHERE deleted_at IS NULL ORDER BY id`)).map((r) => r.id)
  const stockIds = async () =>
    (await sql<{ id: string }[]>(`SELECT id FROM lot_stock WHERE deleted_at IS NULL ORDER BY id`)).map((r) => r.id)
  const pickOf = (ids: string[], pick: number) => (ids.length ? ids[pick % ids.length] : null)

  async function apply(operation: Operation) {
    switch (operation.op) {
      case "receive": {
        const id = `lot_exp_${++next}`
        await sql(`INSERT INTO lot (id, lot_number, inventory_item_id, status, expires_at, received_at) VALUES (?, ?, ?, ?, ?, now())`, [
          id, `EXP-${next}`, operation.item, operation.status, operation.expires_at,
        ])
        for (const s of operation.stock) {
          await sql(`INSERT INTO lot_stock (id, lot_id, location_id, quantity) VALUES (?, ?, ?, ?)`, [`lotstk_exp_${next}_${s.location}`, id, s.location, s.quantity])
        }
        return
      }
      case "set_quantity": {
        const id = pickOf(await stockIds(), operation.pick)
        return id && (await sql(`UPDATE lot_stock SET quantity = ? WHERE id = ?`, [operation.quantity, id]))
      }
      case "set_status":
      case "set_expiry":
      case "move_item": {
        const id = pickOf(await lotIds(), operation.pick)
        const [column, value] =
          operation.op === "set_status" ? ["status", operation.status] : operation.op === "set_expiry" ? ["expires_at", operation.expires_at] : ["inventory_item_id", operation.item]
        return id && (await sql(`UPDATE lot SET ${column} = ? WHERE id = ?`, [value, id]))
      }
      case "soft_delete_stock": {
        const id = pickOf(await stockIds(), operation.pick)
        return id && (await sql(`UPDATE lot_stock SET deleted_at = now() WHERE id = ?`, [id]))
      }
      case "soft_delete_lot": {
        const id = pickOf(await lotIds(), operation.pick)
        return id && (await sql(`UPDATE lot SET deleted_at = now() WHERE id = ?`, [id]))
      }
      case "delete_lot": {
        // The stock goes with it through the foreign key's cascade.
        const id = pickOf(await lotIds(), operation.pick)
        return id && (await sql(`DELETE FROM lot WHERE id = ?`, [id]))
      }
      case "add_everywhere":
        // One statement changing many rows of many keys at once.
        return await sql(`UPDATE lot_stock SET quantity = quantity + 1 WHERE location_id = ?`, [operation.location])
      case "refresh":
        if (operation.rebuild) {
          await MikroOrmWrapper.forkManager().transactional((tx) => rebuildExpirySummarySql(tx))
        } else {
          await service.refreshExpirySummary()
        }
    }
  }

  async function stockOnHand(): Promise<StockRow[]> {
    const rows = await sql<StockRow[]>(
      `SELECT l.id AS lot_id, l.inventory_item_id, l.status, l.expires_at, s.location_id, s.quantity
         FROM lot l JOIN lot_stock s ON s.lot_id = l.id AND s.deleted_at IS NULL AND s.quantity > 0
        WHERE l.deleted_at IS NULL AND l.expires_at IS NOT NULL`
    )
    return rows.map((r) => ({ ...r, expires_at: new Date(r.expires_at), quantity: Number(r.quantity) }))
  }

  const sum = (rows: StockRow[]): Bucket => ({
    quantity: rows.reduce((s, r) => s + r.quantity, 0),
    lots: new Set(rows.map((r) => r.lot_id)).size,
  })

  /** What the summary must say, straight from the stock rows. */
  function expectedSummary(rows: StockRow[], weeks: string[], windows: number[]) {
    const reported = rows.filter((r) => REPORTED.includes(r.status))
    const t = (r: StockRow) => r.expires_at.getTime()
    const asOf = AS_OF.getTime()
    const group = (of: StockRow[]) => ({
      expired: sum(of.filter((r) => t(r) <= asOf)),
      windows: windows.map((days) => ({ days, ...sum(of.filter((r) => t(r) > asOf && t(r) <= asOf + days * DAY)) })),
      weeks: weeks.map((week_start, i) => {
        const start = new Date(week_start).getTime()
        return { week_start, ...sum(of.filter((r) => (i === 0 ? t(r) > asOf : t(r) >= start) && t(r) < start + 7 * DAY)) }
      }),
    })
    const nonEmptyWeeks = (g: ReturnType<typeof group>) => ({ ...g, weeks: g.weeks.filter((w) => w.quantity > 0) })
    const keys = (pick: (r: StockRow) => string) => [...new Set(reported.map(pick))].sort()
    return {
      totals: group(reported),
      by_location: Object.fromEntries(keys((r) => r.location_id).map((l) => [l, nonEmptyWeeks(group(reported.filter((r) => r.location_id === l)))])),
      by_product: Object.fromEntries(keys((r) => r.inventory_item_id).map((i) => [i, nonEmptyWeeks(group(reported.filter((r) => r.inventory_item_id === i)))])),
    }
  }

  /** What the expiring list must say for one mode and filter. */
  function expectedList(rows: StockRow[], mode: "exclude" | "include" | "only", until: Date, locations?: string[], items?: string[]) {
    const asOf = AS_OF.getTime()
    const statuses: string[] = mode === "exclude" ? EXPIRING_STATUSES : REPORTED
    const of = rows.filter(
      (r) =>
        statuses.includes(r.status) &&
        (!locations || locations.includes(r.location_id)) &&
        (!items || items.includes(r.inventory_item_id)) &&
        r.expires_at.getTime() <= (mode === "only" ? asOf : until.getTime()) &&
        (mode !== "exclude" || r.expires_at.getTime() > asOf)
    )
    const lots = new Map(of.map((r) => [r.lot_id, r.expires_at.getTime()]))
    return [...lots.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id)
  }

  async function check(step: string) {
    const rows = await stockOnHand()
    const summary = await service.summarizeExpiry({ as_of: AS_OF, weeks: 8, products_limit: 500 })
    const expected = expectedSummary(rows, summary.totals.weeks.map((w) => w.week_start), summary.windows)
    const strip = <T extends { expired: Bucket; windows: unknown; weeks: unknown }>({ expired, windows, weeks }: T) => ({ expired, windows, weeks })
    expect([step, {
      totals: strip(summary.totals),
      by_location: Object.fromEntries(summary.by_location.map((l) => [l.location_id, strip(l)])),
      by_product: Object.fromEntries(summary.by_product.map((p) => [p.inventory_item_id, strip(p)])),
    }]).toEqual([step, {
      totals: expected.totals,
      by_location: Object.fromEntries(Object.entries(expected.by_location).filter(([, g]) => g.weeks.length || g.expired.lots || g.windows.some((w) => w.lots))),
      by_product: Object.fromEntries(Object.entries(expected.by_product).filter(([, g]) => g.weeks.length || g.expired.lots || g.windows.some((w) => w.lots))),
    }])

    const until = new Date(AS_OF.getTime() + 30 * DAY)
    for (const mode of ["exclude", "include", "only"] as const) {
      for (const [locations, items] of [[undefined, undefined], [[LOCATIONS[0]], undefined], [LOCATIONS.slice(0, 2), undefined], [undefined, [ITEMS[1]]], [[LOCATIONS[2]], [ITEMS[0], ITEMS[2]]]] as const) {
        const filters = { as_of: AS_OF, until, expired: mode, location_id: locations && [...locations], inventory_item_id: items && [...items] }
        const ids = expectedList(rows, mode, until, filters.location_id, filters.inventory_item_id)
        const listed = await service.listExpiringLots(filters, { skip: 1, take: 4 })
        expect([step, mode, locations, items, listed.count, listed.lots.map((l) => l.id)]).toEqual([step, mode, locations, items, ids.length, ids.slice(1, 5)])
      }
    }
  }

  describe("expiry summary", () => {
    it("says what a full scan of the lots says after any sequence of lot and stock changes, refreshed or not", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 10 }), async (operations) => {
          await sql(`DELETE FROM lot`)
          for (const [index, operation] of operations.entries()) {
            await apply(operation)
            await check(`after ${index + 1}: ${JSON.stringify(operation)}`)
          }
        }),
        { numRuns: 25 }
      )
    })
  })
})
