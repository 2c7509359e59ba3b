import type { TraceReport } from "../../modules/lot/domain/trace-report"

type TraceLot = TraceReport["lots"][number]
type TraceShipment = TraceReport["shipments"][number]

export type TraceTreeNode =
  | { key: string; kind: "lot"; quantity: number | null; lot: TraceLot; children: TraceTreeNode[] }
  | { key: string; kind: "shipment"; quantity: number; shipment: TraceShipment; children: TraceTreeNode[] }
  | { key: string; kind: "customer"; quantity: number; name: string; email: string | null; children: [] }
  | { key: string; kind: "on_hand"; quantity: number; location_id: string; children: [] }
  | { key: string; kind: "supplier"; quantity: number; supplier: string; supplier_lot_number: string | null; children: [] }

const LINEAGE_EDGES = new Set(["production", "split"])
const lotKey = (id: string) => `lot:${id}`

/**
 * The trace report as an indented tree a merchant reads top-down. Forward: lot -> lots made from
 * it -> shipments -> customers, and what is still on hand where. Backward: lot -> the lots that
 * went into it -> their suppliers. Quantities are those on the link (units used, shipped and not
 * returned, on hand). A lot reached twice (two inputs shared one output) is shown under each
 * parent, but never below itself, so a bad genealogy cannot loop.
 */
export function buildTraceTree(report: TraceReport, rootLotId: string, direction: "forward" | "backward"): TraceTreeNode | null {
  const lots = new Map(report.lots.map((l) => [l.id, l]))
  const lineage = report.graph.edges.filter((e) => LINEAGE_EDGES.has(e.type))
  const next = (lotId: string) =>
    direction === "forward"
      ? lineage.filter((e) => e.from === lotKey(lotId)).map((e) => ({ id: e.to.slice(4), quantity: e.quantity }))
      : lineage.filter((e) => e.to === lotKey(lotId)).map((e) => ({ id: e.from.slice(4), quantity: e.quantity }))

  const leaves = (lot: TraceLot, path: string): TraceTreeNode[] => {
    if (direction === "backward") {
      return lot.supplier
        ? [{ key: `${path}/supplier`, kind: "supplier", quantity: lot.mass_balance.received, supplier: lot.supplier, supplier_lot_number: lot.supplier_lot_number, children: [] }]
        : []
    }
    const shipments: TraceTreeNode[] = report.shipments
      .filter((s) => s.lot_id === lot.id)
      .map((s) => ({
        key: `${path}/shipment:${s.id}`,
        kind: "shipment",
        quantity: s.outstanding_quantity,
        shipment: s,
        children: [
          {
            key: `${path}/shipment:${s.id}/customer`,
            kind: "customer",
            quantity: s.outstanding_quantity,
            name: s.customer_name ?? s.customer_email ?? "Guest",
            email: s.customer_email,
            children: [],
          },
        ],
      }))
    const onHand: TraceTreeNode[] = report.on_hand
      .filter((s) => s.lot_id === lot.id && s.quantity > 0)
      .map((s) => ({ key: `${path}/on_hand:${s.location_id}`, kind: "on_hand", quantity: s.quantity, location_id: s.location_id, children: [] }))
    return [...shipments, ...onHand]
  }

  const visit = (lotId: string, quantity: number | null, ancestors: Set<string>, path: string): TraceTreeNode | null => {
    const lot = lots.get(lotId)
    if (!lot || ancestors.has(lotId)) return null
    const within = new Set(ancestors).add(lotId)
    const key = `${path}/${lotKey(lotId)}`
    const linked = next(lotId)
      .map((n) => visit(n.id, n.quantity, within, key))
      .filter((n): n is TraceTreeNode => n !== null)
    return { key, kind: "lot", quantity, lot, children: [...linked, ...leaves(lot, key)] }
  }
  return visit(rootLotId, null, new Set(), "")
}
