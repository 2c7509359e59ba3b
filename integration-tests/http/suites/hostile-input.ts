/**
 * Input no route of the plugin accepts, sent to every one of them: control characters in the
 * address, the query and the body, dates out of range or in the future, metadata nested thousands
 * deep, a list where an object belongs, wrong filter values, and a lot-number pattern built to make
 * a backtracking engine take seconds. Each is answered with a 4xx that says what was wrong, and
 * nothing is written. Then a hundred generated ones (fast-check).
 */
import fc from "fast-check"
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse } from "../../helpers/fixtures"
import { expectRefused, receive, send, setPolicy, snapshot } from "../../helpers/lots"

type Request = { method: "GET" | "POST"; url: string; body?: unknown }

export function hostileInputSuite({ api, getContainer }: MedusaSuiteOptions) {
  let container: MedusaContainer
  let headers: Record<string, string>
  let storeKey: string
  let w: Awaited<ReturnType<typeof createWarehouse>>
  let lotId: string

  beforeEach(async () => {
    container = getContainer()
    headers = (await loginAsAdmin(api, container)).headers
    w = await createWarehouse(container)
    await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: 21 })
    lotId = (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, lot_number: "HOSTILE-1" })).lot.id
    storeKey = (await api.post("/admin/api-keys", { title: "hostile storefront", type: "publishable" }, { headers })).data.api_key.token
  })

  const sendAs = (r: Request) => {
    const config = { headers: r.url.startsWith("/store") ? { "x-publishable-api-key": storeKey } : headers }
    return send(r.method === "GET" ? api.get(r.url, config) : api.post(r.url, r.body ?? {}, config))
  }
  /** A request that must be refused with a 400 whose message matches, changing nothing. */
  const refused = (r: Request, message: RegExp) => expectRefused(container, () => sendAs(r), 400, message)

  it("refuses NUL and other control characters in the address, the query and the body of every route", async () => {
    const nul = "%00"
    const inAddress: Request[] = [
      { method: "GET", url: `/admin/lots/${nul}` },
      { method: "GET", url: `/admin/lots/${lotId}${nul}/trace` },
      { method: "GET", url: `/admin/orders/order_${nul}/lots` },
      { method: "GET", url: `/admin/orders/order_${nul}/pick-list` },
      { method: "GET", url: `/admin/orders/order_${nul}/trace` },
      { method: "GET", url: `/admin/picking/orders?location_id=${nul}` },
      { method: "GET", url: `/admin/recalls/rec_${nul}` },
      { method: "GET", url: `/admin/returns/ret_${nul}/lots` },
      { method: "GET", url: `/admin/inventory-items/${w.yogurt.id}/lot-summary?location_id=${nul}` },
      { method: "GET", url: `/store/lots/YOG${nul}/recall-status` },
      { method: "POST", url: `/admin/lots/${lotId}${nul}/hold`, body: { reason: "test" } },
      { method: "GET", url: `/admin/lot-suppliers/lotsup_${nul}` },
      { method: "POST", url: `/admin/lot-suppliers/lotsup_${nul}`, body: { phone: "+1 555 0100" } },
    ]
    for (const r of inAddress) await refused(r, /^(The address|Query parameter 'location_id') contains a control character \(U\+0000\)/)

    const inQuery: Request[] = [
      { method: "GET", url: `/admin/lots?q=YOG${nul}` },
      { method: "GET", url: `/admin/lots/expiring?within_days=3${nul}` },
      { method: "GET", url: `/admin/lots/reconciliation?inventory_item_id=${nul}` },
      { method: "GET", url: `/admin/lots/${lotId}/label?format=${nul}` },
      { method: "GET", url: `/admin/traceability/fsma-204?from=2026-01-01${nul}` },
      { method: "GET", url: `/admin/lots?q=%0BYOG` },
      { method: "GET", url: `/admin/lot-suppliers?q=Farm${nul}` },
    ]
    for (const r of inQuery) await refused(r, /^Query parameter '\w+' contains a control character/)

    const text = "bad\u0000text"
    const inBody: [Request, string][] = [
      [{ method: "POST", url: "/admin/lots", body: { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_number: text } }, "lot_number"],
      [{ method: "POST", url: "/admin/lots", body: { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, supplier: "ok", notes: text } }, "notes"],
      [{ method: "POST", url: `/admin/lots/${lotId}`, body: { notes: text } }, "notes"],
      [{ method: "POST", url: `/admin/lots/${lotId}/hold`, body: { reason: text } }, "reason"],
      [{ method: "POST", url: `/admin/lots/${lotId}/adjust`, body: { location_id: w.main.id, quantity_change: -1, reason: text } }, "reason"],
      [{ method: "POST", url: `/admin/lots/${lotId}/transfer`, body: { from_location_id: text, to_location_id: w.cold.id, quantity: 1 } }, "from_location_id"],
      [{ method: "POST", url: "/admin/lots/scan", body: { code: text } }, "code"],
      [{ method: "POST", url: `/admin/inventory-items/${w.yogurt.id}/lot-policy`, body: { lot_number_template: text } }, "lot_number_template"],
      [{ method: "POST", url: "/admin/recalls", body: { reason: text, lot_ids: [lotId] } }, "reason"],
      [{ method: "POST", url: "/admin/lot-suppliers", body: { name: text } }, "name"],
      [{ method: "POST", url: "/admin/lots", body: { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, receipt_document_type: "BOL", receipt_document_number: text } }, "receipt_document_number"],
      [{ method: "POST", url: "/admin/lots", body: { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, metadata: { [`k${text}`]: 1 } } }, "metadata"],
    ]
    for (const [r, field] of inBody) await refused(r, new RegExp(`^Field '${field}' (contains|has a key with) a control character`))
  })

  it("refuses dates out of range or in the future, deep metadata, a list as body and wrong filter values, in words", async () => {
    const receipt = (extra: Record<string, unknown>): Request => ({
      method: "POST",
      url: "/admin/lots",
      body: { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_number: "HOSTILE-2", ...extra },
    })
    await refused(receipt({ manufactured_at: "0000-01-01" }), /manufactured_at must be between the years 1900 and 2200/)
    await refused(receipt({ expires_at: "9999-12-31" }), /expires_at must be between the years 1900 and 2200/)
    await refused(receipt({ received_at: "2099-01-01" }), /received_at cannot be in the future/)
    await refused(receipt({ manufactured_at: "2099-01-01" }), /manufactured_at cannot be in the future/)

    // Sent as text: the test's HTTP client itself cannot copy an object nested this deep.
    const deep = `{"inventory_item_id":"${w.yogurt.id}","location_id":"${w.main.id}","quantity":1,"metadata":${'{"d":'.repeat(5_000)}1${"}".repeat(5_000)}}`
    await expectRefused(
      container,
      () => send(api.post("/admin/lots", deep, { headers: { ...headers, "content-type": "application/json" } })),
      400,
      /^Field 'metadata(\.d)+' is nested more than 10 levels deep/
    )
    await refused(receipt({ metadata: { blob: "x".repeat(20_000) } }), /metadata.*too large \(at most 16 KB/)

    await refused({ method: "POST", url: "/admin/lots", body: [receipt({}).body] }, /request body must be a JSON object/)
    await refused({ method: "GET", url: "/admin/lots?status=sold" }, /status must be one of/)
    // A future expiry date is ordinary: it is not refused.
    expect((await sendAs(receipt({ expires_at: "2090-01-01" }))).status).toBe(200)
  })

  it("a catastrophic lot-number pattern answers a non-matching 64-character lot number at once", async () => {
    await setPolicy(api, headers, w.yogurt.id, { lot_number_pattern: "([A-Z0-9]+-?)+" })
    const started = Date.now()
    await refused(
      { method: "POST", url: "/admin/lots", body: { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, lot_number: `${"A".repeat(63)}!` } },
      /does not match this item's lot-number pattern/
    )
    // A backtracking engine takes seconds here from ~26 characters on; the whole request, not the match, is timed.
    expect(Date.now() - started).toBeLessThan(2_000)
    await refused(
      { method: "POST", url: `/admin/inventory-items/${w.yogurt.id}/lot-policy`, body: { lot_number_pattern: "(?=A)A+" } },
      /look-around and back-references are not supported/
    )
  })

  it("a refused production leaves no gap in the generated lot numbers", async () => {
    const production = (quantity: number) => ({
      method: "POST" as const,
      url: "/admin/lots/productions",
      body: { location_id: w.main.id, inputs: [{ lot_id: lotId, quantity }], output: { inventory_item_id: w.yogurt.id, quantity: 1 } },
    })
    await refused(production(999), /has only 10 free unit\(s\) here/)
    const made = await sendAs(production(1))
    expect(made.status).toBe(200)
    expect(made.data.lot.lot_number).toMatch(/^YOG-500-\d{6}-001$/)
  })

  it("answers a hundred generated hostile values with a 4xx, never a 500, and writes nothing", async () => {
    const before = await snapshot(container)
    const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)).filter((c) => !"\t\n\r".includes(c))
    const hostileText = fc.tuple(fc.string({ maxLength: 10 }), control, fc.string({ maxLength: 10 })).map(([a, c, b]) => `${a}${c}${b}`)
    const hostileNumber = fc.oneof(fc.constant(1e300), fc.constant(-1), fc.constant(0.5), fc.constant(Number.MAX_SAFE_INTEGER * 4))
    const oddDate = fc.oneof(
      fc.constant("0000-01-01"), fc.constant("2026-02-30"), fc.constant("99999-01-01"), fc.constant("yesterday"),
      fc.integer({ min: 2201, max: 9999 }).map((y) => `${y}-01-01`)
    )
    const cases = fc.sample(
      fc.oneof(
        hostileText.map((lot_number) => ({ lot_number })),
        hostileText.map((notes) => ({ lot_number: "HOSTILE-3", notes })),
        hostileNumber.map((quantity) => ({ lot_number: "HOSTILE-4", quantity })),
        oddDate.map((manufactured_at) => ({ lot_number: "HOSTILE-5", manufactured_at })),
        oddDate.map((expires_at) => ({ lot_number: "HOSTILE-6", expires_at }))
      ),
      { numRuns: 100, seed: 15 }
    )
    for (const extra of cases) {
      const res = await sendAs({ method: "POST", url: "/admin/lots", body: { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 1, ...extra } })
      expect({ extra, status: res.status, ok: res.status >= 400 && res.status < 500 }).toEqual({ extra, status: res.status, ok: true })
    }
    expect(await snapshot(container)).toEqual(before)
  })
}
