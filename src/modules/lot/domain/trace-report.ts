import type { LotTrace, TracedLineage, TracedLot, TracedShipment } from "./lot-trace"
import type { LotEventType } from "../types"
import { massBalance, type LotEventTotals, type MassBalance } from "./mass-balance"

export type TraceNodeType = "lot" | "shipment" | "order" | "customer" | "location" | "supplier"
export type TraceNode = { id: string; type: TraceNodeType; label: string; ref: string | null }
export type TraceEdgeType = "production" | "split" | "shipped" | "order" | "customer" | "on_hand" | "supplied"
export type TraceEdge = { from: string; to: string; type: TraceEdgeType; quantity: number }

export type TraceLotRow = Omit<TracedLot, "depth"> & {
  /** start: a lot the trace began from; descendant: made from it; ancestor: went into it. */
  relation: "start" | "descendant" | "ancestor"
  depth: number
  on_hand: number
  mass_balance: MassBalance
}

/** A trace as flat tables: what a screen pages through and what a recall copies. */
export type TraceTables = {
  direction: "forward" | "backward" | "both"
  max_depth: number
  truncated: boolean
  lots: TraceLotRow[]
  /** The genealogy links walked between the lots above. */
  lineage: Pick<TracedLineage, "parent_lot_id" | "child_lot_id" | "kind" | "quantity">[]
  shipments: (TracedShipment & { lot_number: string })[]
  /** Most units still with them first, then by key. */
  customers: {
    key: string
    customer_id: string | null
    email: string | null
    name: string | null
    orders: number
    /** The orders that shipped them units, by id (sorted). */
    order_ids: string[]
    /** Units shipped to the customer, what came back of them, and what is still with them. */
    quantity: number
    returned_quantity: number
    outstanding_quantity: number
  }[]
  on_hand: { lot_id: string; lot_number: string; location_id: string; quantity: number; allocated_quantity: number; quarantined_quantity: number }[]
  suppliers: { supplier: string; supplier_lot_number: string | null; lot_id: string; lot_number: string }[]
  totals: { lots: number; shipments: number; customers: number; shipped_quantity: number; outstanding_quantity: number; on_hand_quantity: number; unbalanced_lots: number }
}

/** The tables with the graph of lots, shipments, orders, customers, locations and suppliers. */
export type TraceReport = TraceTables & { graph: { nodes: TraceNode[]; edges: TraceEdge[] } }

// Node ids carry their type: a supplier's name or a guest's e-mail could equal another record's id.
const nodeId = (type: TraceNodeType, key: string) => `${type}:${key}`
const customerKey = (s: TracedShipment) => s.customer_id ?? s.customer_email ?? "guest"

/**
 * Turns the raw traces (forward, backward or both, from the same starting lots) into flat tables a
 * merchant reads: lots with their depth and mass balance, the lineage between them, shipments,
 * customers, stock on hand per location, suppliers.
 */
export function buildTraceTables(traces: { forward?: LotTrace; backward?: LotTrace }, startLotIds: string[]): TraceTables {
  const parts = [traces.backward, traces.forward].filter((t): t is LotTrace => Boolean(t))
  const start = new Set(startLotIds)
  const lots = new Map<string, TracedLot & { relation: TraceLotRow["relation"] }>()
  for (const trace of parts) {
    for (const lot of trace.lots) {
      const relation = start.has(lot.id) ? "start" : trace.direction === "forward" ? "descendant" : "ancestor"
      lots.set(lot.id, { ...lot, relation })
    }
  }
  const byId = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()]
  const lineage = byId(parts.flatMap((t) => t.lineage))
  const shipments = byId(parts.flatMap((t) => t.shipments))
  const stockKey = (s: { lot_id: string; location_id: string }) => `${s.lot_id}|${s.location_id}`
  const stock = [...new Map(parts.flatMap((t) => t.stock).map((s) => [stockKey(s), s])).values()]
  const totals = new Map<string, LotEventTotals>()
  for (const row of parts.flatMap((t) => t.event_totals)) {
    const lotTotals = totals.get(row.lot_id) ?? {}
    lotTotals[row.type as LotEventType] = row.quantity
    totals.set(row.lot_id, lotTotals)
  }
  const onHand = new Map<string, number>()
  for (const s of stock) onHand.set(s.lot_id, (onHand.get(s.lot_id) ?? 0) + s.quantity)
  const lotNumber = (id: string) => lots.get(id)?.lot_number ?? id

  const lotRows: TraceLotRow[] = [...lots.values()].map((lot) => ({
    ...lot,
    on_hand: onHand.get(lot.id) ?? 0,
    mass_balance: massBalance(totals.get(lot.id) ?? {}, onHand.get(lot.id) ?? 0),
  }))

  const customers = new Map<string, Omit<TraceReport["customers"][number], "order_ids"> & { order_ids: Set<string> }>()
  for (const s of shipments) {
    const key = customerKey(s)
    const c = customers.get(key) ?? {
      key,
      customer_id: s.customer_id,
      email: s.customer_email,
      name: s.customer_name,
      orders: 0,
      quantity: 0,
      returned_quantity: 0,
      outstanding_quantity: 0,
      order_ids: new Set<string>(),
    }
    c.order_ids.add(s.order_id)
    c.orders = c.order_ids.size
    c.quantity += s.quantity
    c.returned_quantity += s.returned_quantity
    c.outstanding_quantity += s.outstanding_quantity
    customers.set(key, c)
  }
  const customerRows = [...customers.values()]
    .map((c) => ({ ...c, order_ids: [...c.order_ids].sort() }))
    .sort((a, b) => b.outstanding_quantity - a.outstanding_quantity || a.key.localeCompare(b.key))
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

  return {
    direction: parts.length === 2 ? "both" : parts[0]?.direction ?? "forward",
    max_depth: Math.max(0, ...parts.map((t) => t.max_depth)),
    truncated: parts.some((t) => t.truncated),
    lots: lotRows,
    lineage: lineage
      .filter((e) => lots.has(e.parent_lot_id) && lots.has(e.child_lot_id))
      .map(({ parent_lot_id, child_lot_id, kind, quantity }) => ({ parent_lot_id, child_lot_id, kind, quantity })),
    shipments: shipments.map((s) => ({ ...s, lot_number: lotNumber(s.lot_id) })),
    customers: customerRows,
    on_hand: stock.map((s) => ({ ...s, lot_number: lotNumber(s.lot_id) })),
    suppliers: lotRows
      .filter((l) => l.supplier)
      .map((l) => ({ supplier: l.supplier!, supplier_lot_number: l.supplier_lot_number, lot_id: l.id, lot_number: l.lot_number })),
    totals: {
      lots: lotRows.length,
      shipments: shipments.length,
      customers: customerRows.length,
      shipped_quantity: sum(shipments.map((s) => s.quantity)),
      outstanding_quantity: sum(shipments.map((s) => s.outstanding_quantity)),
      on_hand_quantity: sum(stock.map((s) => s.quantity)),
      unbalanced_lots: lotRows.filter((l) => !l.mass_balance.balanced).length,
    },
  }
}

/**
 * The tables with a graph of lots, shipments, orders, customers, locations and suppliers, with
 * quantities on the edges — for a small trace (an order's); a lot's trace pages its tables instead.
 */
export function buildTraceReport(traces: { forward?: LotTrace; backward?: LotTrace }, startLotIds: string[]): TraceReport {
  const tables = buildTraceTables(traces, startLotIds)
  const nodes = new Map<string, TraceNode>()
  const edges = new Map<string, TraceEdge>()
  const node = (type: TraceNodeType, key: string, label: string, ref: string | null = key) => {
    const id = nodeId(type, key)
    if (!nodes.has(id)) nodes.set(id, { id, type, label, ref })
    return id
  }
  const edge = (from: string, to: string, type: TraceEdgeType, quantity: number) => {
    const key = `${from}>${to}>${type}`
    const existing = edges.get(key)
    edges.set(key, { from, to, type, quantity: (existing?.quantity ?? 0) + quantity })
  }
  for (const lot of tables.lots) {
    node("lot", lot.id, lot.lot_number)
    if (lot.supplier) {
      const supplier = node("supplier", lot.supplier, lot.supplier, null)
      edge(supplier, nodeId("lot", lot.id), "supplied", lot.mass_balance.received)
    }
  }
  for (const e of tables.lineage) {
    edge(nodeId("lot", e.parent_lot_id), nodeId("lot", e.child_lot_id), e.kind, e.quantity)
  }
  for (const s of tables.shipments) {
    const shipment = node("shipment", s.fulfillment_id, `Fulfillment ${s.fulfillment_id}`)
    const order = node("order", s.order_id, `Order ${s.order_id}`)
    const customer = node("customer", customerKey(s), s.customer_name ?? s.customer_email ?? "Guest", s.customer_id)
    edge(nodeId("lot", s.lot_id), shipment, "shipped", s.outstanding_quantity)
    edge(shipment, order, "order", s.outstanding_quantity)
    edge(order, customer, "customer", s.outstanding_quantity)
  }
  for (const s of tables.on_hand) {
    edge(nodeId("lot", s.lot_id), node("location", s.location_id, s.location_id), "on_hand", s.quantity)
  }

  return { ...tables, graph: { nodes: [...nodes.values()], edges: [...edges.values()] } }
}
