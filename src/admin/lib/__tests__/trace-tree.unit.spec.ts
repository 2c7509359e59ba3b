import { buildTraceTables, type TraceTables } from "../../../modules/lot/domain/trace-report"
import { traceSummary, traceTablePage, traceTree, traceTreeLevel, type TraceTreeNode } from "../../../modules/lot/domain/trace-view"
import type { LotTrace, TracedLot, TracedShipment } from "../../../modules/lot/sql/trace-sql"
import { canOpen, hasMore, shipmentCustomer, totalsLine } from "../trace-tree"

const lot = (id: string, depth: number, supplier: string | null = null): TracedLot => ({
  id,
  lot_number: id.toUpperCase(),
  inventory_item_id: "iitem_1",
  status: "released",
  manufactured_at: null,
  expires_at: null,
  received_at: "2026-11-01T00:00:00.000Z",
  supplier,
  supplier_lot_number: supplier ? `${supplier}-7` : null,
  depth,
})

const shipment = (id: string, lotId: string, quantity: number, returned = 0): TracedShipment => ({
  id,
  lot_id: lotId,
  inventory_item_id: "iitem_1",
  order_id: `order_${id}`,
  line_item_id: `line_${id}`,
  fulfillment_id: `ful_${id}`,
  location_id: "sloc_1",
  quantity,
  returned_quantity: returned,
  outstanding_quantity: quantity - returned,
  status: "shipped",
  customer_id: null,
  customer_email: `${id}@example.com`,
  customer_name: null,
  ship_to: null,
  fulfilled_at: "2026-11-02T00:00:00.000Z",
  shipped_at: null,
  delivered_at: null,
})

const lineage = (parent: string, child: string, quantity: number) => ({
  id: `lin_${parent}_${child}`,
  parent_lot_id: parent,
  child_lot_id: child,
  kind: "production" as const,
  transformation_id: "tr_1",
  location_id: "sloc_1",
  quantity,
  created_at: "2026-11-02T00:00:00.000Z",
})

const trace = (direction: "forward" | "backward", parts: Partial<LotTrace>): LotTrace => ({
  direction,
  max_depth: 10,
  lots: [],
  lineage: [],
  shipments: [],
  stock: [],
  event_totals: [],
  truncated: false,
  ...parts,
})

// Opens every lot the admin would let open (depth first, as a merchant clicking down) and flattens
// the tree to "indent kind:label quantity" lines, to compare shapes at a glance.
const lines = (tables: TraceTables, root: string): string[] => {
  const tree = traceTree(tables)
  const walk = (node: TraceTreeNode, ancestors: string[], indent: number): string[] => {
    const label =
      node.kind === "lot" ? node.lot.lot_number
      : node.kind === "shipment" ? node.shipment.order_id
      : node.kind === "on_hand" ? node.location_id
      : node.supplier
    const own = `${" ".repeat(indent)}${node.kind}:${label} ${node.quantity ?? "-"}`
    const customer = node.kind === "shipment" ? [`${" ".repeat(indent + 2)}customer:${shipmentCustomer(node).name} ${node.quantity}`] : []
    const children = canOpen(node, ancestors) ? tree.children(node.lot.id).flatMap((c) => walk(c, [...ancestors, node.lot.id], indent + 2)) : []
    return [own, ...customer, ...children]
  }
  return walk(tree.node(root)!, [], 0)
}

const forwardTables = () =>
  buildTraceTables(
    {
      forward: trace("forward", {
        lots: [lot("milk", 0), lot("yogurt", 1)],
        lineage: [lineage("milk", "yogurt", 40)],
        shipments: [shipment("s1", "yogurt", 5, 1), shipment("s2", "milk", 2)],
        stock: [{ lot_id: "yogurt", location_id: "sloc_1", quantity: 30, allocated_quantity: 0, quarantined_quantity: 0 }],
        event_totals: [
          { lot_id: "milk", type: "received", quantity: 100 },
          { lot_id: "milk", type: "consumed", quantity: -40 },
          { lot_id: "milk", type: "shipped", quantity: -2 },
          { lot_id: "yogurt", type: "produced", quantity: 40 },
          { lot_id: "yogurt", type: "shipped", quantity: -5 },
        ],
      }),
    },
    ["milk"]
  )

describe("trace tree", () => {
  it("forward: lot -> lots made from it -> shipments -> customers, with stock on hand", () => {
    expect(lines(forwardTables(), "milk")).toEqual([
      "lot:MILK -",
      "  lot:YOGURT 40",
      "    shipment:order_s1 4",
      "      customer:s1@example.com 4",
      "    on_hand:sloc_1 30",
      "  shipment:order_s2 2",
      "    customer:s2@example.com 2",
    ])
  })

  it("backward: lot -> input lots -> suppliers", () => {
    const tables = buildTraceTables(
      {
        backward: trace("backward", {
          lots: [lot("yogurt", 0), lot("milk", 1, "Dairy Co"), lot("culture", 1, "Cultures BV")],
          lineage: [lineage("milk", "yogurt", 40), lineage("culture", "yogurt", 1)],
          event_totals: [{ lot_id: "milk", type: "received", quantity: 100 }],
        }),
      },
      ["yogurt"]
    )
    expect(lines(tables, "yogurt")).toEqual([
      "lot:YOGURT -",
      "  lot:CULTURE 1",
      "    supplier:Cultures BV 0",
      "  lot:MILK 40",
      "    supplier:Dairy Co 100",
    ])
    expect(totalsLine(traceSummary(tables, "yogurt", 20).totals, "backward")).toEqual(["3 lots", "2 supplier lots"])
  })

  it("both ways: the starting lot opens to its inputs and to what was made from it", () => {
    const tables = buildTraceTables(
      {
        backward: trace("backward", { lots: [lot("yogurt", 0), lot("milk", 1, "Dairy Co")], lineage: [lineage("milk", "yogurt", 40)] }),
        forward: trace("forward", { lots: [lot("yogurt", 0), lot("cup", 1)], lineage: [lineage("yogurt", "cup", 10)] }),
      },
      ["yogurt"]
    )
    expect(lines(tables, "yogurt")).toEqual(["lot:YOGURT -", "  lot:CUP 10", "  lot:MILK 40", "    supplier:Dairy Co 0"])
  })

  it("never opens a lot below itself, and has no level for a lot not in the trace", () => {
    const tables = buildTraceTables(
      { forward: trace("forward", { lots: [lot("a", 0), lot("b", 1)], lineage: [lineage("a", "b", 1), lineage("b", "a", 1)] }) },
      ["a"]
    )
    expect(lines(tables, "a")).toEqual(["lot:A -", "  lot:B 1", "    lot:A 1"])
    expect(traceTreeLevel(tables, "missing", 0, 20)).toBeNull()
  })

  it("pages a lot's children: lots first, then shipments oldest first, then stock; past the end, no rows", () => {
    const tables = forwardTables()
    const level = traceTreeLevel(tables, "milk", 0, 1)!
    expect(level.node).toMatchObject({ kind: "lot", child_count: 2, lot: { lot_number: "MILK" } })
    expect(level.children).toMatchObject({ count: 2, offset: 0, limit: 1, rows: [{ kind: "lot", key: "lot:milk/lot:yogurt", child_count: 2 }] })
    expect(traceTreeLevel(tables, "milk", 1, 1)!.children.rows.map((n) => n.kind)).toEqual(["shipment"])
    expect(traceTreeLevel(tables, "milk", 5, 1)!.children).toEqual({ rows: [], count: 2, offset: 5, limit: 1 })
    expect([hasMore(2, 1, 1), hasMore(2, 2, 1), hasMore(0, 1, 20)]).toEqual([true, false, false])
  })
})

describe("trace summary", () => {
  it("totals the whole trace, with its mass balance, and sends only the first page of each table", () => {
    const summary = traceSummary(forwardTables(), "milk", 1)
    expect(summary.totals).toEqual({
      lots: 2, shipments: 2, customers: 2, orders: 2, locations: 1, suppliers: 0,
      shipped_quantity: 7, returned_quantity: 1, outstanding_quantity: 6, on_hand_quantity: 30,
      // milk: 100 received, 40 consumed, 2 shipped, none on hand -> 58 unexplained (42 accounted);
      // yogurt: 40 made, 5 shipped, 30 on hand -> 5 missing (35 accounted): 77 of 140 = 55 %
      received_quantity: 140, accounted_quantity: 77, mass_balance_percent: 55, unbalanced_lots: 2, truncated: false,
    })
    expect(totalsLine(summary.totals, "forward")).toEqual(["2 lots", "2 shipments to 2 customers", "6 units with customers", "30 units on hand at 1 location"])
    expect(summary.tree?.children.count).toBe(2)
    expect(summary.tables.customers).toMatchObject({ count: 2, offset: 0, limit: 1, rows: [{ key: "s1@example.com", outstanding_quantity: 4 }] })
    expect(summary.tables.shipments.rows.map((s) => s.id)).toEqual(["s1"])
    expect(summary.tables.on_hand).toMatchObject({ count: 1, rows: [{ lot_number: "YOGURT", quantity: 30 }] })
    expect(traceTablePage(forwardTables(), "customers", 1, 1)).toMatchObject({ table: "customers", count: 2, rows: [{ key: "s2@example.com" }] })
  })
})
