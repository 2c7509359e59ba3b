import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../src/modules/lot"
import type LotModuleService from "../../../src/modules/lot/service"
import { produceLotWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse, stockedQuantity } from "../../helpers/fixtures"
import { expectInBalance, expectRefused, getLot, receive, send, setPolicy, yymmdd } from "../../helpers/lots"

export function lotGenealogyTraceSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let w: Awaited<ReturnType<typeof createWarehouse>>
  let items: { milk: { id: string }; culture: { id: string }; cup: { id: string } }
  let milk: any
  let culture: any

  beforeAll(() => {
    // Failure injection after every write of a production (registered once the app has loaded).
    produceLotWorkflow.hooks.lotProduced(async ({ additional_data }) => {
      if (additional_data?.fail) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "injected failure")
      }
    })
  })

  // Milk (from Dairy Co) and culture are lot-tracked raw materials at the main warehouse; yogurt
  // (YOG-500) and yogurt cups are lot-tracked products made from them.
  beforeEach(async () => {
    const container = getContainer()
    ;({ headers } = await loginAsAdmin(api, container))
    w = await createWarehouse(container)
    const [m, c, cup] = await container.resolve(Modules.INVENTORY).createInventoryItems([
      { sku: "MILK-RAW", title: "Raw milk 1 l" },
      { sku: "CULT", title: "Yogurt culture" },
      { sku: "YOG-CUP", title: "Yogurt cup 150 g" },
    ])
    items = { milk: m, culture: c, cup }
    for (const id of [m.id, c.id, cup.id]) await setPolicy(api, headers, id)
    await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: 21 })
    milk = (await receive(api, headers, {
      inventory_item_id: m.id,
      location_id: w.main.id,
      quantity: 100,
      lot_number: "MILK-1",
      expires_at: "2099-01-31",
      supplier: "Dairy Co",
      supplier_lot_number: "DC-77",
    })).lot
    culture = (await receive(api, headers, {
      inventory_item_id: c.id,
      location_id: w.main.id,
      quantity: 10,
      lot_number: "CULT-1",
      supplier: "Cultures Ltd",
    })).lot
  })

  const post = (url: string, body?: unknown) => api.post(url, body, { headers })
  const get = (url: string) => api.get(url, { headers })
  const stocked = (itemId: string) => stockedQuantity(getContainer(), itemId, w.main.id)
  const production = (body: Record<string, unknown> = {}) => ({
    location_id: w.main.id,
    inputs: [
      { lot_id: milk.id, quantity: 40 },
      { lot_id: culture.id, quantity: 1 },
    ],
    output: { inventory_item_id: w.yogurt.id, quantity: 40 },
    ...body,
  })

  describe("POST /admin/lots/productions", () => {
    it("consumes the inputs into a new lot numbered by the item's template; Medusa's levels follow", async () => {
      const res = await post("/admin/lots/productions", production({ note: "batch 7" }))
      expect(res.status).toBe(200)
      const { lot, production: p } = res.data
      expect(lot).toMatchObject({ lot_number: `YOG-500-${yymmdd()}-001`, inventory_item_id: w.yogurt.id, status: "released" })
      // Made now, so the expiry is derived from the 21-day shelf life.
      expect(new Date(lot.expires_at).getTime() - new Date(lot.manufactured_at).getTime()).toBe(21 * 86_400_000)
      expect(p).toMatchObject({
        kind: "production",
        transformation_id: expect.stringMatching(/^lottrf_/),
        inputs: [
          { lot_id: milk.id, quantity: 40 },
          { lot_id: culture.id, quantity: 1 },
        ],
        outputs: [{ lot_id: lot.id, quantity: 40 }],
      })
      expect([await stocked(items.milk.id), await stocked(items.culture.id), await stocked(w.yogurt.id)]).toEqual([60, 9, 40])
      await expectInBalance(api, headers)

      const milkEvents = (await getLot(api, headers, milk.id)).events
      expect(milkEvents[0]).toMatchObject({ type: "consumed", quantity: -40, reference_type: "production", reference_id: p.transformation_id, note: "batch 7" })
      const yogEvents = (await getLot(api, headers, lot.id)).events
      expect(yogEvents.map((e: any) => [e.type, e.quantity, e.reference_type])).toEqual([["produced", 40, "production"]])
    })

    it("refuses an ineligible (held) input, changing nothing", async () => {
      await post(`/admin/lots/${culture.id}/hold`, { reason: "lab check" })
      const res = await expectRefused(getContainer(), () => post("/admin/lots/productions", production()), 400)
      expect(res.data.type).toBe("not_allowed")
      expect(res.data.message).toBe("Cannot use 1 unit(s) of lot CULT-1: lot CULT-1 is on hold; only released lots can be used.")
    })

    it("refuses an input without enough free stock, changing nothing", async () => {
      await expectRefused(
        getContainer(),
        () => post("/admin/lots/productions", production({ inputs: [{ lot_id: milk.id, quantity: 101 }] })),
        400,
        "lot MILK-1 has only 100 free unit(s) here (on hand minus allocated and quarantined); 101 needed"
      )
    })

    it("refuses quantities that are not whole units, duplicates, unknown lots and untracked outputs", async () => {
      const container = getContainer()
      const refuse = (body: Record<string, unknown>, status: number, message: string | RegExp) =>
        expectRefused(container, () => post("/admin/lots/productions", production(body)), status, message)
      await refuse({ inputs: [{ lot_id: milk.id, quantity: 2.5 }] }, 400, "Invalid request: each input's quantity must be a whole number of units between 1 and 1000000000")
      await refuse({ inputs: [{ lot_id: milk.id, quantity: -1 }] }, 400, /each input's quantity must be a whole number/)
      await refuse({ output: { inventory_item_id: w.yogurt.id, quantity: 0.5 } }, 400, /the output's quantity must be a whole number of units/)
      await refuse({ inputs: [] }, 400, "Invalid request: Value for field 'inputs' too small, expected at least: '1'")
      await refuse(
        { inputs: [{ lot_id: milk.id, quantity: 1 }, { lot_id: milk.id, quantity: 2 }] },
        400,
        /listed twice; add its quantities together/
      )
      await refuse({ inputs: [{ lot_id: "lot_missing", quantity: 1 }] }, 404, "Lot with id: lot_missing was not found")
      await refuse({ output: { inventory_item_id: w.cola.id, quantity: 5 } }, 400, /is not lot-tracked/)
      await refuse({ surprise: true }, 400, /surprise/)
    })

    it("rolls every step back when a later step fails: stock, lineage and Medusa's levels as before, history kept", async () => {
      const container = getContainer()
      const output = { inventory_item_id: w.yogurt.id, quantity: 40, lot_number: "YOG-X" }
      const res = await send(post("/admin/lots/productions", production({ output, additional_data: { fail: true } })))
      expect([res.status, res.data.message]).toEqual([400, "injected failure"])
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      const { rows: lineage } = await pg.raw(`SELECT count(*)::int AS live FROM lot_lineage WHERE deleted_at IS NULL`)
      expect(lineage[0].live).toBe(0)
      const { rows: made } = await pg.raw(`SELECT deleted_at IS NOT NULL AS retired FROM lot WHERE lot_number = 'YOG-X'`)
      expect(made).toEqual([{ retired: true }])
      // The yogurt level the production created is removed again (null: never stocked here).
      expect([await stocked(items.milk.id), await stocked(items.culture.id), await stocked(w.yogurt.id)]).toEqual([100, 10, null])
      // The history is append-only: the consumption stays on record, undone by `reverted` entries.
      const milkHistory = (await getLot(api, headers, milk.id)).events.map((e: any) => [e.type, e.quantity])
      expect(milkHistory).toEqual([["reverted", 40], ["consumed", -40], ["received", 100]])
      expect((await getLot(api, headers, milk.id)).stock[0].quantity).toBe(100)
      await expectInBalance(api, headers)
      // The lot number is free again: a retry may use it.
      const retry = await post("/admin/lots/productions", production({ output }))
      expect(retry.data.lot.lot_number).toBe("YOG-X")
    })
  })

  describe("POST /admin/lots/:id/split", () => {
    it("moves the parent's units into child lots that keep its dates and link back to it", async () => {
      const made = (await post("/admin/lots/productions", production())).data.lot
      const res = await post(`/admin/lots/${made.id}/split`, {
        location_id: w.main.id,
        children: [
          { quantity: 10, lot_number: "cup-a", inventory_item_id: items.cup.id },
          { quantity: 5, inventory_item_id: items.cup.id },
        ],
      })
      expect(res.status).toBe(200)
      expect(res.data.lot.stock[0].quantity).toBe(25)
      expect(res.data.children.map((c: any) => [c.lot_number, c.stock[0].quantity, c.expires_at])).toEqual([
        ["CUP-A", 10, made.expires_at],
        [`YOG-CUP-${yymmdd()}-001`, 5, made.expires_at],
      ])
      expect(res.data.split.lineage).toEqual([
        { parent_lot_id: made.id, child_lot_id: res.data.children[0].id, quantity: 10 },
        { parent_lot_id: made.id, child_lot_id: res.data.children[1].id, quantity: 5 },
      ])
      expect([await stocked(w.yogurt.id), await stocked(items.cup.id)]).toEqual([25, 15])
      await expectInBalance(api, headers)
    })

    it("refuses more than the parent holds free, unknown lots and bad children, changing nothing", async () => {
      const container = getContainer()
      const split = (lotId: string, body: Record<string, unknown>) => () => post(`/admin/lots/${lotId}/split`, { location_id: w.main.id, ...body })
      await expectRefused(container, split(milk.id, { children: [{ quantity: 60 }, { quantity: 41 }] }), 400, /only 100 free unit\(s\)/)
      await expectRefused(container, split("lot_missing", { children: [{ quantity: 1 }] }), 404)
      await expectRefused(container, split(milk.id, { children: [] }), 400, /Value for field 'children' too small/)
      await expectRefused(container, split(milk.id, { children: [{ quantity: 1.5 }] }), 400, /each child's quantity must be a whole number/)
      await expectRefused(container, split(milk.id, { children: [{ quantity: 1, lot_number: "D-1" }, { quantity: 1, lot_number: "d-1" }] }), 400, /more than one child/)
      await expectRefused(container, split(milk.id, { children: [{ quantity: 1, lot_number: "MILK-1" }] }), 422, /already exists/)
    })
  })

  describe("GET /admin/lots/:id/trace", () => {
    it("answers summary first: totals, mass balance, the top of the tree and the first page of each table", async () => {
      const made = (await post("/admin/lots/productions", production())).data.lot
      const cups = (await post(`/admin/lots/${made.id}/split`, { location_id: w.main.id, children: [{ quantity: 10, lot_number: "CUP-A", inventory_item_id: items.cup.id }] })).data.children
      const { data } = await get(`/admin/lots/${milk.id}/trace?direction=forward&limit=1`)
      const t = data.trace
      expect([data.lot_id, t.direction, t.max_depth, t.truncated]).toEqual([milk.id, "forward", 10, false])
      // milk 100 received (40 into the yogurt, 60 on hand), yogurt 40 made (10 split off, 30 on hand), cup 10
      expect(t.totals).toEqual({
        lots: 3, shipments: 0, customers: 0, orders: 0, locations: 1, suppliers: 1,
        shipped_quantity: 0, returned_quantity: 0, outstanding_quantity: 0, on_hand_quantity: 100,
        received_quantity: 150, accounted_quantity: 150, mass_balance_percent: 100, unbalanced_lots: 0, truncated: false,
      })
      expect(t.tree.node).toMatchObject({ kind: "lot", quantity: null, child_count: 2, lot: { lot_number: "MILK-1", relation: "start", on_hand: 60 } })
      expect(t.tree.node.lot.mass_balance).toMatchObject({ received: 100, consumed: 40, on_hand: 60, expected_on_hand: 60, difference: 0 })
      expect(t.tree.children).toMatchObject({ count: 2, offset: 0, limit: 1 })
      expect(t.tree.children.rows.map((n: any) => [n.kind, n.lot.lot_number, n.quantity, n.child_count])).toEqual([["lot", made.lot_number, 40, 2]])
      expect(t.tables.lots).toMatchObject({ count: 3, limit: 1, rows: [{ lot_number: "MILK-1", depth: 0 }] })
      expect(t.tables.on_hand).toMatchObject({ count: 3, limit: 1 })
      expect(t.tables.shipments).toEqual({ rows: [], count: 0, offset: 0, limit: 1 })
      expect(t.graph).toBeUndefined()

      // The rest on demand: the root's second child, the yogurt lot opened, a page of a table.
      const rest = (await get(`/admin/lots/${milk.id}/trace?direction=forward&node=${milk.id}&offset=1&limit=1`)).data
      expect(rest.children.rows).toEqual([{ key: `lot:${milk.id}/on_hand:${w.main.id}`, kind: "on_hand", quantity: 60, location_id: w.main.id }])
      const opened = (await get(`/admin/lots/${milk.id}/trace?direction=forward&node=${made.id}`)).data
      expect(opened.node).toMatchObject({ lot: { id: made.id }, child_count: 2 })
      expect(opened.children.rows.map((n: any) => [n.kind, n.quantity, n.kind === "lot" ? n.lot.id : n.location_id])).toEqual([
        ["lot", 10, cups[0].id],
        ["on_hand", 30, w.main.id],
      ])
      const lots = (await get(`/admin/lots/${milk.id}/trace?direction=forward&table=lots&offset=1&limit=5`)).data
      expect([lots.table, lots.count, lots.offset, lots.limit]).toEqual(["lots", 3, 1, 5])
      expect(lots.rows.map((l: any) => [l.lot_number, l.relation, l.depth, l.on_hand, l.mass_balance.balanced])).toEqual([
        [made.lot_number, "descendant", 1, 30, true],
        ["CUP-A", "descendant", 2, 10, true],
      ])
      const past = (await get(`/admin/lots/${milk.id}/trace?direction=forward&table=on_hand&offset=50`)).data
      expect([past.rows, past.count]).toEqual([[], 3])

      const shallow = (await get(`/admin/lots/${milk.id}/trace?direction=forward&depth=1&table=lots`)).data
      expect(shallow.rows.map((l: any) => l.lot_number)).toEqual(["MILK-1", made.lot_number])
      const shallowTree = (await get(`/admin/lots/${milk.id}/trace?direction=forward&depth=1&node=${made.id}`)).data
      expect(shallowTree.children.rows.map((n: any) => n.kind)).toEqual(["on_hand"]) // the cup lot is past the depth
      expect((await get(`/admin/lots/${milk.id}/trace?direction=forward&depth=1`)).data.trace.truncated).toBe(true)
    })

    it("traces backward from a child lot to its inputs and their suppliers", async () => {
      const made = (await post("/admin/lots/productions", production())).data.lot
      const cup = (await post(`/admin/lots/${made.id}/split`, { location_id: w.main.id, children: [{ quantity: 10, inventory_item_id: items.cup.id }] })).data.children[0]
      const { data } = await get(`/admin/lots/${cup.id}/trace?direction=backward`)
      expect(data.trace.tables.lots.rows.map((l: any) => [l.lot_number, l.relation, l.depth])).toEqual([
        [cup.lot_number, "start", 0],
        [made.lot_number, "ancestor", 1],
        ["CULT-1", "ancestor", 2],
        ["MILK-1", "ancestor", 2],
      ])
      expect(data.trace.tables.suppliers.rows).toEqual([
        { supplier: "Cultures Ltd", supplier_lot_number: null, lot_id: culture.id, lot_number: "CULT-1" },
        { supplier: "Dairy Co", supplier_lot_number: "DC-77", lot_id: milk.id, lot_number: "MILK-1" },
      ])
      expect(data.trace.totals).toMatchObject({ lots: 4, suppliers: 2 })
      const inputs = (await get(`/admin/lots/${cup.id}/trace?direction=backward&node=${made.id}`)).data.children.rows
      expect(inputs.map((n: any) => [n.lot.lot_number, n.quantity, n.child_count])).toEqual([["CULT-1", 1, 1], ["MILK-1", 40, 1]])
      const supplier = (await get(`/admin/lots/${cup.id}/trace?direction=backward&node=${milk.id}`)).data.children.rows
      expect(supplier).toEqual([{ key: `lot:${milk.id}/supplier`, kind: "supplier", quantity: 100, supplier: "Dairy Co", supplier_lot_number: "DC-77" }])
      // both = backward + forward around the same lot
      const both = (await get(`/admin/lots/${made.id}/trace`)).data.trace
      expect(both.direction).toBe("both")
      expect(both.tables.lots.rows.map((l: any) => l.relation).sort()).toEqual(["ancestor", "ancestor", "descendant", "start"])
      // the starting lot opens both ways: its inputs, the lot split from it, its own stock
      const opens = both.tree.children.rows.map((n: any) => (n.kind === "lot" ? n.lot.id : n.kind))
      expect([...opens.slice(0, 3)].sort()).toEqual([culture.id, milk.id, cup.id].sort())
      expect(opens[3]).toBe("on_hand")
    })

    it("answers an unknown lot with 404 and bad parameters with 400 in words", async () => {
      const res = await send(get(`/admin/lots/lot_missing/trace`))
      expect([res.status, res.data.message]).toEqual([404, "Lot with id: lot_missing was not found"])
      for (const [query, message] of [
        ["depth=0", "Value for field 'depth' too small, expected at least: '1'"],
        ["depth=51", "Value for field 'depth' too big, expected at most: '50'"],
        ["depth=2.5", "depth"],
        ["depth=deep", "depth"],
        ["direction=sideways", "Expected: 'forward, backward, both' for field 'direction', but got: 'sideways'"],
        ["table=orders", "table must be one of shipments, customers, on_hand, suppliers, lots"],
        ["table=customers&offset=-1", "offset must be a whole number of rows to skip, 0 or more"],
        ["table=customers&offset=1.5", "offset must be a whole number of rows to skip, 0 or more"],
        ["table=customers&limit=0", "limit must be a whole number of rows from 1 to 200"],
        ["table=customers&limit=500", "limit must be a whole number of rows from 1 to 200"],
        ["offset=20", "offset pages a table or a lot's children: name one with table= or node="],
        [`table=lots&node=${milk.id}`, "ask for one table or one lot's children at a time, not both"],
        ["page=2", "Unrecognized fields: 'page'"],
      ]) {
        const bad = await send(get(`/admin/lots/${milk.id}/trace?${query}`))
        expect([query, bad.status]).toEqual([query, 400])
        expect(bad.data.message).toContain(message)
      }
      const elsewhere = await send(get(`/admin/lots/${milk.id}/trace?direction=forward&node=${culture.id}`))
      expect([elsewhere.status, elsewhere.data.message]).toEqual([404, `Lot with id: ${culture.id} is not in this lot's forward trace`])
    })
  })

  describe("GET /admin/orders/:id/trace", () => {
    it("traces an order backward from the lots shipped in it to their suppliers", async () => {
      const container = getContainer()
      const made = (await post("/admin/lots/productions", production())).data.lot
      const order = await container.resolve(Modules.ORDER).createOrders({ currency_code: "eur", email: "buyer@example.com" })
      // Shipment links are written by the fulfillment subscriber; here the link is recorded directly.
      await container.resolve<LotModuleService>(LOT_MODULE).createLotShipments({
        lot_id: made.id,
        inventory_item_id: w.yogurt.id,
        order_id: order.id,
        line_item_id: "ordli_test",
        fulfillment_id: "ful_test",
        location_id: w.main.id,
        quantity: 6,
        returned_quantity: 1,
        customer_email: "buyer@example.com",
        fulfilled_at: new Date(),
      })
      const { data } = await get(`/admin/orders/${order.id}/trace`)
      expect(data.order_id).toBe(order.id)
      expect(data.trace.shipments.map((s: any) => [s.lot_number, s.quantity, s.outstanding_quantity])).toEqual([[made.lot_number, 6, 5]])
      expect(data.trace.lots.map((l: any) => [l.lot_number, l.relation])).toEqual([
        [made.lot_number, "start"],
        ["CULT-1", "ancestor"],
        ["MILK-1", "ancestor"],
      ])
      expect(data.trace.customers).toEqual([
        {
          key: "buyer@example.com", customer_id: null, email: "buyer@example.com", name: null, orders: 1, order_ids: [order.id],
          quantity: 6, returned_quantity: 1, outstanding_quantity: 5,
        },
      ])
      expect(data.trace.suppliers.map((s: any) => s.supplier)).toEqual(["Cultures Ltd", "Dairy Co"])

      const missing = await send(get(`/admin/orders/order_missing/trace`))
      expect([missing.status, missing.data.message]).toEqual([404, "Order with id: order_missing was not found"])
      expect((await send(get(`/admin/orders/${order.id}/trace?depth=100`))).status).toBe(400)
    })
  })
}
