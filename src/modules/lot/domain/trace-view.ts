import type { RecallScopeSummary } from "../types"
import type { TraceTables } from "./trace-report"

/**
 * A trace answered a screen at a time: its totals and mass balance, one level of the tree per
 * opened lot, and one page per table. A raw-material lot reaches thousands of shipments; the whole
 * graph is megabytes a merchant never reads at once.
 */

export const TRACE_TABLES = ["shipments", "customers", "on_hand", "suppliers", "lots"] as const
export type TraceTableName = (typeof TRACE_TABLES)[number]
export type TraceTableRow<T extends TraceTableName> = TraceTables[T][number]

export type TracePage<T> = { rows: T[]; count: number; offset: number; limit: number }

/** What a trace reaches, and how well the history accounts for it (the figures a recall is judged by). */
export type TraceTotals = Omit<RecallScopeSummary, "duration_ms"> & {
  /** Stock locations holding units of the traced lots now. */
  locations: number
  /** Traced lots with a supplier on record. */
  suppliers: number
}

type TraceLot = TraceTables["lots"][number]
type TraceShipment = TraceTables["shipments"][number]

/**
 * One entry of the trace tree. Forward, a lot's children are the lots made from it, its shipments
 * (with the customer) and its stock on hand; backward, the lots that went into it and its supplier.
 * `child_count` says whether a lot can be opened: 0 for a lot at the depth limit or with nothing below.
 */
export type TraceTreeNode =
  | { key: string; kind: "lot"; quantity: number | null; lot: TraceLot; child_count: number }
  | { key: string; kind: "shipment"; quantity: number; shipment: TraceShipment }
  | { key: string; kind: "on_hand"; quantity: number; location_id: string }
  | { key: string; kind: "supplier"; quantity: number; supplier: string; supplier_lot_number: string | null }

/** The rows of one page; an offset past the end answers no rows (with the count), like a list. */
export function pageOf<T>(rows: T[], offset: number, limit: number): TracePage<T> {
  return { rows: rows.slice(offset, offset + limit), count: rows.length, offset, limit }
}

/**
 * The totals of a trace: lots, shipments, customers, orders, units shipped / returned / with
 * customers / on hand, locations and suppliers, and the mass balance — the share of received units
 * the history accounts for (a lot's unexplained units count against it, either sign).
 */
export function traceTotals(tables: TraceTables): TraceTotals {
  const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0)
  const received = sum(tables.lots, (l) => l.mass_balance.received)
  const accounted = sum(tables.lots, (l) => Math.max(0, l.mass_balance.received - Math.abs(l.mass_balance.difference)))
  return {
    lots: tables.lots.length,
    shipments: tables.shipments.length,
    customers: tables.customers.length,
    orders: new Set(tables.shipments.map((s) => s.order_id)).size,
    locations: new Set(tables.on_hand.map((s) => s.location_id)).size,
    suppliers: tables.suppliers.length,
    shipped_quantity: tables.totals.shipped_quantity,
    returned_quantity: sum(tables.shipments, (s) => s.returned_quantity),
    outstanding_quantity: tables.totals.outstanding_quantity,
    on_hand_quantity: tables.totals.on_hand_quantity,
    received_quantity: received,
    accounted_quantity: accounted,
    mass_balance_percent: received === 0 ? 100 : Math.round((accounted / received) * 10_000) / 100,
    unbalanced_lots: tables.totals.unbalanced_lots,
    truncated: tables.truncated,
  }
}

/** Who lists a lot's children: built once per trace, then asked for any lot in it. */
export type TraceTree = {
  /** The lot as a tree entry (null when the trace did not reach it). */
  node: (lotId: string) => Extract<TraceTreeNode, { kind: "lot" }> | null
  /** Every child of a lot, lots first (by lot number), then shipments (oldest first), then stock. */
  children: (lotId: string) => TraceTreeNode[]
}

/**
 * The trace as a tree to open level by level. Which way a lot opens follows how the trace reached
 * it: the starting lot and the lots made from it open forward, the lots that went into it backward
 * (both ways for the starting lot of a trace in both directions). Keys hold the lot's id and the
 * child's, so the same lot under two parents keeps one key per place.
 */
export function traceTree(tables: TraceTables): TraceTree {
  const lots = new Map(tables.lots.map((l) => [l.id, l]))
  const group = <T>(rows: T[], key: (row: T) => string) => {
    const byKey = new Map<string, T[]>()
    for (const row of rows) {
      const list = byKey.get(key(row))
      if (list) list.push(row)
      else byKey.set(key(row), [row])
    }
    return (id: string) => byKey.get(id) ?? []
  }
  const byNumber = (a: { lot: TraceLot }, b: { lot: TraceLot }) => a.lot.lot_number.localeCompare(b.lot.lot_number)
  const madeFrom = group(tables.lineage, (e) => e.parent_lot_id)
  const inputsOf = group(tables.lineage, (e) => e.child_lot_id)
  const shipmentsOf = group(tables.shipments, (s) => s.lot_id)
  const stockOf = group(tables.on_hand, (s) => s.lot_id)
  const forward = tables.direction !== "backward"
  const backward = tables.direction !== "forward"

  const lotChildren = (lot: TraceLot) => {
    const linked = [
      ...(forward && lot.relation !== "ancestor" ? madeFrom(lot.id).map((e) => ({ id: e.child_lot_id, quantity: e.quantity })) : []),
      ...(backward && lot.relation !== "descendant" ? inputsOf(lot.id).map((e) => ({ id: e.parent_lot_id, quantity: e.quantity })) : []),
    ]
    return linked.flatMap((n) => (lots.has(n.id) ? [{ lot: lots.get(n.id)!, quantity: n.quantity }] : [])).sort(byNumber)
  }
  const leaves = (lot: TraceLot): TraceTreeNode[] => {
    const path = `lot:${lot.id}`
    const opensForward = forward && lot.relation !== "ancestor"
    const opensBackward = backward && lot.relation !== "descendant"
    return [
      ...(opensForward
        ? shipmentsOf(lot.id).map((s): TraceTreeNode => ({ key: `${path}/shipment:${s.id}`, kind: "shipment", quantity: s.outstanding_quantity, shipment: s }))
        : []),
      ...(opensForward
        ? stockOf(lot.id).map((s): TraceTreeNode => ({ key: `${path}/on_hand:${s.location_id}`, kind: "on_hand", quantity: s.quantity, location_id: s.location_id }))
        : []),
      ...(opensBackward && lot.supplier
        ? [{ key: `${path}/supplier`, kind: "supplier" as const, quantity: lot.mass_balance.received, supplier: lot.supplier, supplier_lot_number: lot.supplier_lot_number }]
        : []),
    ]
  }
  const node = (lotId: string, quantity: number | null = null, parentId?: string) => {
    const lot = lots.get(lotId)
    if (!lot) return null
    const key = parentId ? `lot:${parentId}/lot:${lot.id}` : `lot:${lot.id}`
    return { key, kind: "lot" as const, quantity, lot, child_count: lotChildren(lot).length + leaves(lot).length }
  }
  return {
    node: (lotId) => node(lotId),
    children: (lotId) => {
      const lot = lots.get(lotId)
      if (!lot) return []
      return [...lotChildren(lot).map((c) => node(c.lot.id, c.quantity, lot.id)!), ...leaves(lot)]
    },
  }
}

/** One page of a table, named (a union over the tables, so `table` tells the row type). */
export type TraceTablePage<K extends TraceTableName = TraceTableName> = { [T in K]: { table: T } & TracePage<TraceTableRow<T>> }[K]

/** Rows `offset` to `offset + limit` of one table, in the table's own order. */
export function traceTablePage<K extends TraceTableName>(tables: TraceTables, table: K, offset: number, limit: number): TraceTablePage<K> {
  const rows: TraceTableRow<K>[] = tables[table]
  return { table, ...pageOf(rows, offset, limit) } as TraceTablePage<K>
}

/** A lot of the tree with one page of its children: what opening it shows. */
export type TraceTreeLevel = { node: Extract<TraceTreeNode, { kind: "lot" }>; children: TracePage<TraceTreeNode> }

/** The lot's level of the tree, or null when the trace did not reach the lot. */
export function traceTreeLevel(tables: TraceTables, lotId: string, offset: number, limit: number): TraceTreeLevel | null {
  const tree = traceTree(tables)
  const node = tree.node(lotId)
  return node && { node, children: pageOf(tree.children(lotId), offset, limit) }
}

/** The first answer about a trace: totals, the top of the tree and the first page of every table. */
export type TraceSummary = Pick<TraceTables, "direction" | "max_depth" | "truncated"> & {
  totals: TraceTotals
  /** The starting lot with the first page of its children; each child lot is opened on demand. */
  tree: TraceTreeLevel | null
  tables: { [K in TraceTableName]: TracePage<TraceTableRow<K>> }
}

/** The first page of each named table. */
export function firstPages<K extends TraceTableName>(tables: TraceTables, names: readonly K[], limit: number) {
  return Object.fromEntries(names.map((name) => [name, pageOf<TraceTableRow<K>>(tables[name], 0, limit)])) as { [T in K]: TracePage<TraceTableRow<T>> }
}

/** The first answer: every page `limit` rows long, the tree opened at the starting lot. */
export function traceSummary(tables: TraceTables, rootLotId: string, limit: number): TraceSummary {
  return {
    direction: tables.direction,
    max_depth: tables.max_depth,
    truncated: tables.truncated,
    totals: traceTotals(tables),
    tree: traceTreeLevel(tables, rootLotId, 0, limit),
    tables: firstPages(tables, TRACE_TABLES, limit),
  }
}
