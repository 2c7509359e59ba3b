import { MedusaError } from "@medusajs/framework/utils"

import { buildTraceReport } from "../domain/trace-report"
import { traceSummary, traceTreeLevel, type TraceTreeNode } from "../domain/trace-view"
import { traceBackward, traceForward } from "../sql/trace-sql"
import { lotModuleSpec, rejectionOf } from "./lot-module-runner"
import { LotLineageKind, LotShipmentStatus, LotStatus, type ReceiveLotInput } from "../types"

jest.setTimeout(120_000)

const LOC = "sloc_plant"
const MILK = "iitem_milk"
const CULTURE = "iitem_culture"
const YOGURT = "iitem_yogurt"
const CUP = "iitem_yogurt_cup"

lotModuleSpec(
  ({ service, MikroOrmWrapper, sql }) => {
    const manager = () => MikroOrmWrapper.forkManager()

    const receive = async (lot_number: string, inventory_item_id: string, quantity: number, extra: Partial<ReceiveLotInput> = {}) =>
      (await service.receiveLot({ lot_number, inventory_item_id, location_id: LOC, quantity, ...extra })).lot_id

    const ship = (lotId: string, item: string, n: number, extra: Record<string, unknown> = {}) =>
      service.createLotShipments({
        lot_id: lotId,
        inventory_item_id: item,
        order_id: `order_${n}`,
        line_item_id: `ordli_${n}`,
        fulfillment_id: `ful_${n}`,
        location_id: LOC,
        quantity: 4,
        customer_id: `cus_${n}`,
        customer_email: `buyer${n}@example.com`,
        fulfilled_at: new Date("2026-11-20T10:00:00Z"),
        ...extra,
      })

    /**
     * Milk (supplier Dairy Co) + culture -> yogurt batch (production), split into two cup lots;
     * cup lot 1 shipped to three customers (one fulfillment canceled, one with a return).
     */
    async function genealogy() {
      const milk = await receive("MILK-1", MILK, 100, { supplier: "Dairy Co", supplier_lot_number: "DC-77" })
      const culture = await receive("CULT-1", CULTURE, 10, { supplier: "Cultures Ltd" })
      const batch = await service.transformLots({
        kind: LotLineageKind.PRODUCTION,
        location_id: LOC,
        inputs: [
          { lot_id: milk, quantity: 40 },
          { lot_id: culture, quantity: 1 },
        ],
        outputs: [{ inventory_item_id: YOGURT, lot_number: "YOG-1", quantity: 40 }],
      })
      const yogurt = batch.outputs[0].lot_id
      const split = await service.transformLots({
        kind: LotLineageKind.SPLIT,
        location_id: LOC,
        inputs: [{ lot_id: yogurt, quantity: 30 }],
        outputs: [
          { inventory_item_id: CUP, lot_number: "CUP-1", quantity: 20 },
          { inventory_item_id: CUP, lot_number: "CUP-2", quantity: 10 },
        ],
      })
      const [cup1, cup2] = split.outputs.map((o) => o.lot_id)
      await ship(cup1, CUP, 1)
      await ship(cup1, CUP, 2, { returned_quantity: 1 })
      await ship(cup1, CUP, 3, { status: LotShipmentStatus.CANCELED, canceled_at: new Date() })
      // Shipment links are recorded by their own workflow; the stock they took is booked here.
      await service.changeLotStock([{ lot_id: cup1, location_id: LOC, delta: -8, event: { type: "shipped" } }])
      return { milk, culture, yogurt, cup1, cup2, batch, split }
    }

    describe("transformLots", () => {
      it("consumes inputs, creates the output with its stock and links them, with history on every lot", async () => {
        const g = await genealogy()
        expect(g.batch).toMatchObject({
          transformation_id: expect.stringMatching(/^lottrf_/),
          kind: "production",
          inputs: [
            { lot_id: g.milk, lot_number: "MILK-1", quantity: 40, event_id: expect.stringMatching(/^lotevt_/) },
            { lot_id: g.culture, lot_number: "CULT-1", quantity: 1 },
          ],
          outputs: [{ lot_number: "YOG-1", inventory_item_id: YOGURT, quantity: 40, status: LotStatus.RELEASED }],
        })
        const stock = await sql<{ lot_number: string; quantity: number }[]>(
          `SELECT l.lot_number, s.quantity FROM lot_stock s JOIN lot l ON l.id = s.lot_id ORDER BY l.lot_number`
        )
        expect(stock).toEqual([
          { lot_number: "CULT-1", quantity: 9 },
          { lot_number: "CUP-1", quantity: 12 },
          { lot_number: "CUP-2", quantity: 10 },
          { lot_number: "MILK-1", quantity: 60 },
          { lot_number: "YOG-1", quantity: 10 },
        ])
        const events = await sql<{ type: string; quantity: number; reference_type: string; reference_id: string }[]>(
          `SELECT type, quantity, reference_type, reference_id FROM lot_event WHERE reference_id = ? ORDER BY type, quantity`,
          [g.batch.transformation_id]
        )
        expect(events).toEqual([
          { type: "consumed", quantity: -40, reference_type: "production", reference_id: g.batch.transformation_id },
          { type: "consumed", quantity: -1, reference_type: "production", reference_id: g.batch.transformation_id },
          { type: "produced", quantity: 40, reference_type: "production", reference_id: g.batch.transformation_id },
        ])
        const edges = await service.listLotLineages({ transformation_id: g.split.transformation_id }, { order: { quantity: "DESC" } })
        expect(edges.map((e) => [e.parent_lot_id, e.child_lot_id, e.kind, e.quantity])).toEqual([
          [g.yogurt, g.cup1, "split", 20],
          [g.yogurt, g.cup2, "split", 10],
        ])
      })

      it("refuses a held input, and one without enough free units, writing nothing", async () => {
        const milk = await receive("MILK-9", MILK, 10)
        const held = await receive("CULT-9", CULTURE, 10, { status: LotStatus.QUARANTINE })
        const before = await sql(`SELECT (SELECT count(*) FROM lot) AS lots, (SELECT count(*) FROM lot_event) AS events, (SELECT sum(quantity) FROM lot_stock) AS stock`)
        const produce = (inputs: { lot_id: string; quantity: number }[]) =>
          service.transformLots({ kind: LotLineageKind.PRODUCTION, location_id: LOC, inputs, outputs: [{ inventory_item_id: YOGURT, lot_number: "YOG-9", quantity: 5 }] })

        const heldError = await rejectionOf(produce([{ lot_id: milk, quantity: 5 }, { lot_id: held, quantity: 1 }]))
        expect(heldError.type).toBe(MedusaError.Types.NOT_ALLOWED)
        expect(heldError.message).toBe("Cannot use 1 unit(s) of lot CULT-9: lot CULT-9 is quarantine; only released lots can be used.")
        const short = await rejectionOf(produce([{ lot_id: milk, quantity: 11 }]))
        expect(short.message).toContain("lot MILK-9 has only 10 free unit(s) here")
        const unknown = await rejectionOf(produce([{ lot_id: "lot_missing", quantity: 1 }]))
        expect(unknown.type).toBe(MedusaError.Types.NOT_FOUND)
        expect(await sql(`SELECT (SELECT count(*) FROM lot) AS lots, (SELECT count(*) FROM lot_event) AS events, (SELECT sum(quantity) FROM lot_stock) AS stock`)).toEqual(before)
      })

      it("gives a split's children the parent's status, and reverts cleanly", async () => {
        const bulk = await receive("BULK-1", YOGURT, 10, { status: LotStatus.QUARANTINE })
        const split = await service.transformLots({
          kind: LotLineageKind.SPLIT,
          location_id: LOC,
          inputs: [{ lot_id: bulk, quantity: 6 }],
          outputs: [{ inventory_item_id: CUP, lot_number: "RP-1", quantity: 6 }],
        })
        expect(split.outputs[0].status).toBe(LotStatus.QUARANTINE)

        await service.revertLotTransformation(split)
        const [child] = await sql<{ deleted: boolean }[]>(`SELECT deleted_at IS NOT NULL AS deleted FROM lot WHERE id = ?`, [split.outputs[0].lot_id])
        expect(child.deleted).toBe(true)
        expect((await service.listLotStocks({ lot_id: bulk }))[0].quantity).toBe(10)
        expect(await service.listLotLineages({ transformation_id: split.transformation_id })).toEqual([])
        const trace = await traceForward(manager(), [bulk], 10)
        expect(trace.lots.map((l) => l.lot_number)).toEqual(["BULK-1"])
      })
    })

    describe("traceForward / traceBackward", () => {
      it("walks forward to every lot made from a raw lot, its live shipments and stock on hand", async () => {
        const g = await genealogy()
        const trace = await traceForward(manager(), [g.milk], 10)
        expect(trace.lots.map((l) => [l.lot_number, l.depth])).toEqual([
          ["MILK-1", 0],
          ["YOG-1", 1],
          ["CUP-1", 2],
          ["CUP-2", 2],
        ])
        expect(trace.lineage).toHaveLength(3) // milk->yogurt, yogurt->cup1, yogurt->cup2 (not culture->yogurt)
        expect(trace.shipments.map((s) => [s.order_id, s.quantity, s.returned_quantity, s.outstanding_quantity, s.customer_id])).toEqual([
          ["order_1", 4, 0, 4, "cus_1"],
          ["order_2", 4, 1, 3, "cus_2"],
        ])
        expect(trace.stock.map((s) => [s.lot_id, s.quantity])).toEqual(
          expect.arrayContaining([[g.milk, 60], [g.yogurt, 10], [g.cup1, 12], [g.cup2, 10]])
        )
        expect(trace.truncated).toBe(false)

        const report = buildTraceReport({ forward: trace }, [g.milk])
        expect(report.totals).toMatchObject({ lots: 4, shipments: 2, customers: 2, shipped_quantity: 8, outstanding_quantity: 7, unbalanced_lots: 0 })
        expect(report.lots.find((l) => l.id === g.yogurt)!.mass_balance).toMatchObject({ received: 40, consumed: 30, on_hand: 10, balanced: true })
        expect(report.customers.map((c) => [c.key, c.orders, c.order_ids])).toEqual([
          ["cus_1", 1, ["order_1"]],
          ["cus_2", 1, ["order_2"]],
        ])
        expect(report.graph.edges).toEqual(
          expect.arrayContaining([
            { from: `lot:${g.milk}`, to: `lot:${g.yogurt}`, type: "production", quantity: 40 },
            { from: `lot:${g.cup1}`, to: "shipment:ful_2", type: "shipped", quantity: 3 },
            { from: "order:order_2", to: "customer:cus_2", type: "customer", quantity: 3 },
            { from: "supplier:Dairy Co", to: `lot:${g.milk}`, type: "supplied", quantity: 100 },
          ])
        )

        // A lot's trace answers summary first: the totals, the lot with its children, a level per opened lot.
        const summary = traceSummary(report, g.milk, 20)
        expect(summary.totals).toMatchObject({ lots: 4, shipments: 2, customers: 2, orders: 2, locations: 1, returned_quantity: 1, on_hand_quantity: 92 })
        expect(summary.totals).toMatchObject({ received_quantity: 170, accounted_quantity: 170, mass_balance_percent: 100 })
        const entry = (n: TraceTreeNode) => (n.kind === "lot" ? [n.lot.lot_number, n.quantity, n.child_count] : [n.kind, n.quantity])
        expect(summary.tree!.children.rows.map(entry)).toEqual([["YOG-1", 40, 3], ["on_hand", 60]])
        expect(traceTreeLevel(report, g.yogurt, 0, 20)!.children.rows.map(entry)).toEqual([["CUP-1", 20, 3], ["CUP-2", 10, 1], ["on_hand", 10]])
        expect(traceTreeLevel(report, g.cup1, 0, 20)!.children.rows.map(entry)).toEqual([["shipment", 4], ["shipment", 3], ["on_hand", 12]])
      })

      it("walks backward from a finished lot to its inputs and their suppliers", async () => {
        const g = await genealogy()
        const trace = await traceBackward(manager(), [g.cup1], 10)
        expect(trace.lots.map((l) => [l.lot_number, l.depth, l.supplier, l.supplier_lot_number])).toEqual([
          ["CUP-1", 0, null, null],
          ["YOG-1", 1, null, null],
          ["CULT-1", 2, "Cultures Ltd", null],
          ["MILK-1", 2, "Dairy Co", "DC-77"],
        ])
        expect(trace.shipments).toEqual([]) // backward traces do not list shipments
      })

      it("stops at the depth limit and says so", async () => {
        const g = await genealogy()
        const trace = await traceForward(manager(), [g.milk], 1)
        expect(trace.lots.map((l) => l.lot_number)).toEqual(["MILK-1", "YOG-1"])
        expect(trace.shipments).toEqual([])
        expect(trace.truncated).toBe(true)
      })

      it("ends on a lineage cycle instead of looping, each lot at its nearest depth", async () => {
        const a = await receive("CYC-A", MILK, 5)
        const b = await receive("CYC-B", MILK, 5)
        const c = await receive("CYC-C", MILK, 5)
        const edge = (parent: string, child: string) => ({
          parent_lot_id: parent,
          child_lot_id: child,
          kind: LotLineageKind.SPLIT,
          transformation_id: `lottrf_${parent}`,
          location_id: LOC,
          quantity: 1,
        })
        await service.createLotLineages([edge(a, b), edge(b, c), edge(c, a)])
        const trace = await traceForward(manager(), [a], 50)
        expect(trace.lots.map((l) => [l.lot_number, l.depth])).toEqual([
          ["CYC-A", 0],
          ["CYC-B", 1],
          ["CYC-C", 2],
        ])
        expect(trace.lineage).toHaveLength(3)
        // Every lot was reached, so nothing is cut off: the depth bound only stopped the loop.
        expect(trace.truncated).toBe(false)
      })

      it("answers an unknown lot with no lots, and the service with NOT_FOUND", async () => {
        expect((await traceForward(manager(), ["lot_nope"], 10)).lots).toEqual([])
        const error = await rejectionOf(service.traceFromLots(["lot_nope"], { direction: "both", max_depth: 10 }))
        expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
      })

      it("traces an order backward from the lots shipped in it", async () => {
        const g = await genealogy()
        const { shipments, backward } = await service.traceFromOrder("order_2", 10)
        expect(shipments.map((s) => s.lot_id)).toEqual([g.cup1])
        expect(backward.lots.map((l) => l.lot_number)).toEqual(["CUP-1", "YOG-1", "CULT-1", "MILK-1"])
        expect((await service.traceFromOrder("order_3", 10)).backward.lots).toEqual([]) // its only fulfillment was canceled
      })
    })

    describe("openRecall", () => {
      it("opens two recalls whose scopes cross at the same time: both land, each lot recalled once", async () => {
        const g = await genealogy()
        // The first locks YOG-1 then wants its cups; the second locks MILK-1 and CUP-1 then wants
        // YOG-1: whichever PostgreSQL aborts on the deadlock is retried whole.
        const [byBatch, byMilk] = await Promise.all([
          service.openRecall({ lot_ids: [g.yogurt], reason: "Batch failed its test", classification: "II" }),
          service.openRecall({ lot_ids: [g.milk, g.cup1], reason: "Supplier notice", classification: "I" }),
        ])
        expect(byBatch.lot_ids).toEqual([g.yogurt, g.cup1, g.cup2].sort())
        expect(byMilk.lot_ids).toEqual([g.milk, g.yogurt, g.cup1, g.cup2].sort())
        const recalled = await sql<{ lot_number: string; status: string; events: number }[]>(
          `SELECT l.lot_number, l.status, (SELECT count(*) FROM lot_event e WHERE e.lot_id = l.id AND e.type = 'recalled')::int AS events
             FROM lot l WHERE l.id IN (?) ORDER BY l.lot_number`,
          [[g.milk, g.yogurt, g.cup1, g.cup2]]
        )
        expect(recalled).toEqual(
          ["CUP-1", "CUP-2", "MILK-1", "YOG-1"].map((lot_number) => ({ lot_number, status: LotStatus.RECALLED, events: 1 }))
        )
      })
    })
  },
  { dbName: "medusa-lot-trace-test" }
)
