import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse } from "../../helpers/fixtures"
import { expectRefused, lotEventsInDb, receive, send, setPolicy } from "../../helpers/lots"
import { isoWeekStart, warningNotification } from "../../../src/modules/lot/domain/expiry-warnings"
import { sweepExpiryWarnings } from "../../../src/workflows/runners/expiry-warnings"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"

const DAY_MS = 86_400_000
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString()

type Fixture = Awaited<ReturnType<typeof createWarehouse>> & {
  lots: Record<string, { id: string; expires_at: string; quantity: number }>
  colaItemId: string
}

export function lotExpiryWarningsSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let f: Fixture
  // Every lot.expiring_soon the app emits, whoever ran the pass (the daily job also runs under the test runner).
  let announced: { id: string; window_days: number; days_left: number; lot_number: string }[]
  let subscribed = false

  /**
   * Yogurt (tracked, no product) and cola (a product variant), lots at two locations:
   * Y-100 100 days, Y-075 75 days (8 main + 2 cold), Y-045 45 days (cold), Y-020 20 days,
   * Y-OLD past expiry, Y-REJ 10 days but rejected, Y-ZERO 15 days with nothing on hand,
   * C-025 25 days (cold), C-200 200 days.
   */
  beforeEach(async () => {
    const container = getContainer()
    headers = (await loginAsAdmin(api, container)).headers
    const w = await createWarehouse(container)
    const { data } = await api.post(
      "/admin/products?fields=*variants,*variants.inventory_items",
      {
        title: "Cola 330 ml",
        options: [{ title: "Size", values: ["Can"] }],
        variants: [{ title: "Can", sku: "COLA-CAN", manage_inventory: true, options: { Size: "Can" }, prices: [] }],
      },
      { headers }
    )
    const colaItemId = data.product.variants[0].inventory_items[0].inventory_item_id
    await setPolicy(api, headers, w.yogurt.id)
    await setPolicy(api, headers, colaItemId)
    const lots: Fixture["lots"] = {}
    const add = async (lot_number: string, item: string, days: number, stock: [string, number][]) => {
      const expires_at = daysFromNow(days)
      const [first, ...rest] = stock
      const { lot } = await receive(api, headers, { inventory_item_id: item, location_id: first[0], quantity: first[1], lot_number, expires_at })
      for (const [location_id, quantity] of rest) {
        await receive(api, headers, { lot_id: lot.id, inventory_item_id: item, location_id, quantity })
      }
      lots[lot_number] = { id: lot.id, expires_at: lot.expires_at, quantity: stock.reduce((s, [, q]) => s + q, 0) }
      return lot
    }
    await add("Y-100", w.yogurt.id, 100, [[w.main.id, 10]])
    await add("Y-075", w.yogurt.id, 75, [[w.main.id, 8], [w.cold.id, 2]])
    await add("Y-045", w.yogurt.id, 45, [[w.cold.id, 5]])
    await add("Y-020", w.yogurt.id, 20, [[w.main.id, 4]])
    await add("Y-OLD", w.yogurt.id, -3, [[w.main.id, 6]])
    const rejected = await add("Y-REJ", w.yogurt.id, 10, [[w.main.id, 3]])
    await api.post(`/admin/lots/${rejected.id}/reject`, { reason: "failed QC" }, { headers })
    const zero = await add("Y-ZERO", w.yogurt.id, 15, [[w.main.id, 2]])
    await api.post(`/admin/lots/${zero.id}/adjust`, { location_id: w.main.id, quantity_change: -2, reason: "scrap" }, { headers })
    await add("C-025", colaItemId, 25, [[w.cold.id, 7]])
    await add("C-200", colaItemId, 200, [[w.cold.id, 9]])
    f = { ...w, lots, colaItemId }

    announced = []
    if (!subscribed) {
      // The app (and its event bus) outlives the test: subscribe once, collect into the current test's list.
      container.resolve(Modules.EVENT_BUS).subscribe("lot.expiring_soon", async ({ data }: any) => {
        announced.push(data)
      })
      subscribed = true
    }
  })

  const warningsOf = async (lotNumber: string) =>
    (await lotEventsInDb(getContainer(), f.lots[lotNumber].id)).filter((e: any) => e.type === "expiry_warning")
  const windowsAnnounced = async (lotNumbers: string[]) =>
    Object.fromEntries(
      await Promise.all(
        lotNumbers.map(async (n) => [n, (await warningsOf(n)).map((e: any) => Number(e.reason.match(/\d+/)[0]))])
      )
    )
  const settle = () => new Promise((r) => setTimeout(r, 300))
  const ALL = ["Y-100", "Y-075", "Y-045", "Y-020", "Y-OLD", "Y-REJ", "Y-ZERO", "C-025", "C-200"]

  describe("POST /admin/lots/expiry-warnings", () => {
    it("announces each lot once for the smallest window it is inside, posts one notification, and is idempotent", async () => {
      const container = getContainer()
      const notifications = container.resolve(Modules.NOTIFICATION)
      const first = await api.post("/admin/lots/expiry-warnings", {}, { headers })
      expect(first.status).toBe(200)
      const expected = { "Y-075": 90, "Y-045": 60, "Y-020": 30, "C-025": 30 }
      // The daily job may have run in between and announced some of them itself: each lot once in all.
      for (const lot of first.data.warned) {
        expect(lot).toEqual({
          id: f.lots[lot.lot_number].id,
          lot_number: lot.lot_number,
          inventory_item_id: expect.any(String),
          expires_at: expect.any(String),
          window_days: expected[lot.lot_number as keyof typeof expected],
          previous_warning_days: null,
          days_left: Math.round((new Date(f.lots[lot.lot_number].expires_at).getTime() - Date.now()) / DAY_MS),
        })
      }
      expect(await windowsAnnounced(ALL)).toEqual({
        "Y-100": [],
        "Y-075": [90],
        "Y-045": [60],
        "Y-020": [30],
        "Y-OLD": [],
        "Y-REJ": [],
        "Y-ZERO": [],
        "C-025": [30],
        "C-200": [],
      })
      await settle()
      expect(announced.map((e) => [e.lot_number, e.window_days, e.days_left]).sort()).toEqual([
        ["C-025", 30, 25],
        ["Y-020", 30, 20],
        ["Y-045", 60, 45],
        ["Y-075", 90, 75],
      ])
      const feed = await notifications.listNotifications({ channel: "feed" })
      const mine = warningNotification(first.data.warned)
      if (mine) {
        expect(feed.map((n: any) => n.data)).toContainEqual({ ...mine, link: "/app/expiry" })
      }
      expect(feed.map((n: any) => n.data.title)).toContain("4 lots entered an expiry warning window")
      expect(feed.find((n: any) => n.data.title === "4 lots entered an expiry warning window")).toMatchObject({
        to: "",
        template: "admin-ui",
        data: {
          description: "2 lots expire within 30 days, 1 lot expires within 60 days, 1 lot expires within 90 days. See them on the Expiry page: /app/expiry",
        },
      })

      // Idempotent: nothing new to announce, no notification, no history entry.
      const again = await api.post("/admin/lots/expiry-warnings", {}, { headers })
      expect(again.data).toEqual({ count: 0, warned: [] })
      expect((await notifications.listNotifications({ channel: "feed" })).length).toBe(feed.length)
      expect(await warningsOf("Y-075")).toHaveLength(1)
      await settle()
      expect(announced).toHaveLength(4)
    })

    it("announces a lot again only when it enters a smaller window; a lot first seen at 20 days warns once", async () => {
      const container = getContainer()
      await sweepExpiryWarnings(container)
      // A month on: Y-075 (44 days left) enters 60, Y-045 (14) enters 30, Y-100 (69) enters 90.
      const later = await sweepExpiryWarnings(container, { as_of: new Date(Date.now() + 31 * DAY_MS) })
      expect(later.map((l) => [l.lot_number, l.window_days, l.previous_warning_days]).sort()).toEqual([
        ["Y-045", 30, 60],
        ["Y-075", 60, 90],
        ["Y-100", 90, null],
      ])
      expect(await sweepExpiryWarnings(container, { as_of: new Date(Date.now() + 32 * DAY_MS) })).toEqual([])
      await sweepExpiryWarnings(container, { as_of: new Date(Date.now() + 50 * DAY_MS) })
      expect(await windowsAnnounced(ALL)).toEqual({
        "Y-100": [90, 60],
        "Y-075": [90, 60, 30],
        "Y-045": [60, 30],
        "Y-020": [30],
        "Y-OLD": [],
        "Y-REJ": [],
        "Y-ZERO": [],
        "C-025": [30],
        "C-200": [],
      })
      const [warning] = await warningsOf("Y-075")
      expect(warning).toMatchObject({ type: "expiry_warning", quantity: 0, reason: "expires within 90 days" })
    })

    it("compensation puts the announced windows back, unless a later run moved them on; the history stays", async () => {
      const container = getContainer()
      const lotService = container.resolve<LotModuleService>(LOT_MODULE)
      const warned = await lotService.markExpiryWarnings({ as_of: new Date(), limit: 100 })
      const byNumber = (n: string) => warned.find((w) => w.lot_number === n)!
      expect([byNumber("Y-075").window_days, byNumber("Y-045").window_days]).toEqual([90, 60])
      // A later run announces Y-045 for 30 before this batch is undone: that newer window stands.
      await sweepExpiryWarnings(container, { as_of: new Date(Date.now() + 31 * DAY_MS) })
      await lotService.restoreExpiryWarnings(warned)
      const [y075, y045, y020] = await lotService.listLots(
        { id: [f.lots["Y-075"].id, f.lots["Y-045"].id, f.lots["Y-020"].id] },
        { select: ["lot_number", "expiry_warning_days"], order: { lot_number: "DESC" } }
      )
      expect([y075, y045, y020].map((l) => [l.lot_number, l.expiry_warning_days])).toEqual([
        ["Y-075", 60],
        ["Y-045", 30],
        ["Y-020", null],
      ])
      expect((await warningsOf("Y-020")).length).toBe(1)
    })

    it("refuses a body and unauthenticated calls, changing nothing", async () => {
      const container = getContainer()
      await expectRefused(container, () => api.post("/admin/lots/expiry-warnings", { as_of: "2030-01-01" }, { headers }), 400)
      await expectRefused(container, () => api.post("/admin/lots/expiry-warnings", {}), 401)
    })
  })

  describe("GET /admin/lots/expiring", () => {
    const list = async (query = "") => (await api.get(`/admin/lots/expiring${query}`, { headers })).data
    const numbers = (body: any) => body.lots.map((l: any) => l.lot_number)

    it("lists lots with stock expiring within 30 days by default, earliest first, with stock, days left and product", async () => {
      const body = await list()
      expect(body).toMatchObject({ count: 2, offset: 0, limit: 50, within_days: 30 })
      expect(body.lots).toEqual([
        {
          id: f.lots["Y-020"].id,
          lot_number: "Y-020",
          inventory_item_id: f.yogurt.id,
          status: "released",
          expires_at: f.lots["Y-020"].expires_at,
          days_left: 20,
          on_hand: 4,
          allocated: 0,
          stock: [{ location_id: f.main.id, quantity: 4, allocated_quantity: 0 }],
          inventory_item: { id: f.yogurt.id, title: "Greek yogurt 500 g", sku: "YOG-500", variant: null },
        },
        expect.objectContaining({
          lot_number: "C-025",
          days_left: 25,
          on_hand: 7,
          inventory_item: expect.objectContaining({
            id: f.colaItemId,
            variant: expect.objectContaining({ title: "Can", product_title: "Cola 330 ml" }),
          }),
        }),
      ])
    })

    it("widens the window, pages on the server and filters by location and item", async () => {
      expect(numbers(await list("?within_days=90"))).toEqual(["Y-020", "C-025", "Y-045", "Y-075"])
      const page = await list("?within_days=90&limit=2&offset=1")
      expect([numbers(page), page.count]).toEqual([["C-025", "Y-045"], 4])
      const cold = await list(`?within_days=90&location_id=${f.cold.id}`)
      expect(cold.lots.map((l: any) => [l.lot_number, l.on_hand])).toEqual([
        ["C-025", 7],
        ["Y-045", 5],
        ["Y-075", 2],
      ])
      expect(numbers(await list(`?within_days=90&inventory_item_id=${f.colaItemId}`))).toEqual(["C-025"])
      expect(numbers(await list("?within_days=3650"))).toEqual(["Y-020", "C-025", "Y-045", "Y-075", "Y-100", "C-200"])
    })

    it("lists expired lots still on hand first on request, or alone, swept or not", async () => {
      const row = (l: any) => [l.lot_number, l.days_left, l.on_hand]
      // Before the sweep the lot past its date is still released: listed all the same.
      expect((await list("?include_expired=only")).lots.map((l: any) => [l.lot_number, l.status])).toContainEqual(
        ["Y-OLD", expect.stringMatching(/^(released|expired)$/)]
      )
      await api.post("/admin/lots/expire", {}, { headers })
      const body = await list("?include_expired=true")
      expect(body.lots.map((l: any) => [l.lot_number, l.status, l.days_left, l.on_hand])).toEqual([
        ["Y-OLD", "expired", -3, 6],
        ["Y-020", "released", 20, 4],
        ["C-025", "released", 25, 7],
      ])
      const only = await list("?include_expired=only&within_days=90")
      expect([only.lots.map(row), only.count]).toEqual([[["Y-OLD", -3, 6]], 1])
    })

    it("refuses bad query parameters with a 400 naming the field", async () => {
      for (const [query, field] of [
        ["within_days=-1", "within_days"],
        ["within_days=0", "within_days"],
        ["within_days=1.5", "within_days"],
        ["within_days=3651", "within_days"],
        ["within_days=99999999999", "within_days"],
        ["within_days=abc", "within_days"],
        ["include_expired=yes", "include_expired"],
        ["limit=0", "limit"],
        ["offset=-5", "offset"],
        ["sort=expires_at", "sort"],
      ]) {
        const res = await send(api.get(`/admin/lots/expiring?${query}`, { headers }))
        expect([query, res.status, res.data.message]).toEqual([query, 400, expect.stringContaining(field)])
      }
    })
  })

  describe("GET /admin/lots/expiry-summary", () => {
    it("sums stock per ISO week, expired on hand and per window — in total, per location and per product", async () => {
      await api.post("/admin/lots/expire", {}, { headers })
      const { data } = await api.get("/admin/lots/expiry-summary", { headers })
      const weekOf = (n: string) => isoWeekStart(new Date(f.lots[n].expires_at)).toISOString().slice(0, 10)
      const expectedWeeks = new Map<string, { quantity: number; lots: number }>()
      for (const n of ["Y-100", "Y-075", "Y-045", "Y-020", "C-025"]) {
        const w = expectedWeeks.get(weekOf(n)) ?? { quantity: 0, lots: 0 }
        expectedWeeks.set(weekOf(n), { quantity: w.quantity + f.lots[n].quantity, lots: w.lots + 1 })
      }
      expect(data.windows).toEqual([30, 60, 90])
      expect(data.totals.weeks).toHaveLength(26)
      expect(data.totals.weeks[0].week_start).toBe(isoWeekStart(new Date()).toISOString().slice(0, 10))
      expect(data.totals.weeks.filter((w: any) => w.quantity > 0)).toEqual(
        [...expectedWeeks.entries()].sort().map(([week_start, b]) => ({ week_start, ...b }))
      )
      expect(data.totals.expired).toEqual({ quantity: 6, lots: 1 })
      expect(data.totals.windows).toEqual([
        { days: 30, quantity: 11, lots: 2 },
        { days: 60, quantity: 16, lots: 3 },
        { days: 90, quantity: 26, lots: 4 },
      ])
      const windows = (g: any) => g.windows.map((w: any) => w.quantity)
      expect(data.by_location.map((l: any) => [l.location_name, l.expired.quantity, windows(l)])).toEqual([
        ["Main warehouse", 6, [4, 4, 12]],
        ["Cold store", 0, [7, 12, 14]],
      ])
      const name = (p: any) => p.inventory_item.variant?.product_title ?? p.inventory_item.title
      expect(data.by_product.map((p: any) => [name(p), p.expired.quantity, windows(p)])).toEqual([
        ["Greek yogurt 500 g", 6, [4, 9, 19]],
        ["Cola 330 ml", 0, [7, 7, 7]],
      ])
      expect(data.by_product[1].inventory_item.variant.product_title).toBe("Cola 330 ml")
      expect(data.product_count).toBe(2)
      const cold = data.by_location.find((l: any) => l.location_id === f.cold.id)
      expect(cold.weeks.reduce((s: number, w: any) => s + w.quantity, 0)).toBe(2 + 5 + 7)
    })

    it("refuses bad query parameters with a 400", async () => {
      for (const query of ["weeks=0", "weeks=1.5", "weeks=105", "products_limit=-1", "foo=1"]) {
        expect([query, (await send(api.get(`/admin/lots/expiry-summary?${query}`, { headers }))).status]).toEqual([query, 400])
      }
    })
  })
}
