import { buildTraceReport } from "../../../modules/lot/domain/trace-report"
import type { LotTrace, TracedLot, TracedShipment } from "../../../modules/lot/sql/trace-sql"
import { buildTraceTree, type TraceTreeNode } from "../trace-tree"

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

// Flattens a tree to "indent kind:label quantity" lines, to compare shapes at a glance.
const lines = (node: TraceTreeNode, indent = 0): string[] => {
  const label =
    node.kind === "lot" ? node.lot.lot_number
    : node.kind === "shipment" ? node.shipment.order_id
    : node.kind === "customer" ? node.name
    : node.kind === "on_hand" ? node.location_id
    : node.supplier
  return [`${" ".repeat(indent)}${node.kind}:${label} ${node.quantity ?? "-"}`, ...node.children.flatMap((c) => lines(c, indent + 2))]
}

describe("trace tree", () => {
  it("forward: lot -> lots made from it -> shipments -> customers, with stock on hand", () => {
    const report = buildTraceReport(
      {
        forward: trace("forward", {
          lots: [lot("milk", 0), lot("yogurt", 1)],
          lineage: [lineage("milk", "yogurt", 40)],
          shipments: [shipment("s1", "yogurt", 5, 1), shipment("s2", "milk", 2)],
          stock: [{ lot_id: "yogurt", location_id: "sloc_1", quantity: 30, allocated_quantity: 0, quarantined_quantity: 0 }],
        }),
      },
      ["milk"]
    )
    expect(lines(buildTraceTree(report, "milk", "forward")!)).toEqual([
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
    const report = buildTraceReport(
      {
        backward: trace("backward", {
          lots: [lot("yogurt", 0), lot("milk", 1, "Dairy Co"), lot("culture", 1, "Cultures BV")],
          lineage: [lineage("milk", "yogurt", 40), lineage("culture", "yogurt", 1)],
          event_totals: [{ lot_id: "milk", type: "received", quantity: 100 }],
        }),
      },
      ["yogurt"]
    )
    expect(lines(buildTraceTree(report, "yogurt", "backward")!)).toEqual([
      "lot:YOGURT -",
      "  lot:MILK 40",
      "    supplier:Dairy Co 100",
      "  lot:CULTURE 1",
      "    supplier:Cultures BV 0",
    ])
  })

  it("never shows a lot below itself, and answers null for a lot not in the report", () => {
    const report = buildTraceReport(
      { forward: trace("forward", { lots: [lot("a", 0), lot("b", 1)], lineage: [lineage("a", "b", 1), lineage("b", "a", 1)] }) },
      ["a"]
    )
    expect(lines(buildTraceTree(report, "a", "forward")!)).toEqual(["lot:A -", "  lot:B 1"])
    expect(buildTraceTree(report, "missing", "forward")).toBeNull()
  })
})
