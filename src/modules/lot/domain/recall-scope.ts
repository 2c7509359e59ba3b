import type { RecallScopeSummary } from "../types"
import type { TraceReport } from "./trace-report"

export type { RecallScopeSummary }

/** Generations a recall follows down the genealogy; a deeper chain marks the scope truncated. */
export const MAX_RECALL_DEPTH = 50

/**
 * Units still with customers: shipped minus returned. Never below zero — a return can be booked
 * against a lot whose shipment was canceled afterwards, and "−1 units to call back" means nothing.
 */
export function outstandingQuantity(units: { shipped: number; returned: number }): number {
  return Math.max(0, units.shipped - units.returned)
}

/**
 * The numbers a recall (or its rehearsal) is judged by: how much it reaches, and what share of
 * the received units the history explains — an auditor's "can you account for every unit?".
 */
export function summarizeRecallScope(report: TraceReport, durationMs: number): RecallScopeSummary {
  const received = report.lots.reduce((sum, lot) => sum + lot.mass_balance.received, 0)
  const accounted = report.lots.reduce(
    (sum, lot) => sum + Math.max(0, lot.mass_balance.received - Math.abs(lot.mass_balance.difference)),
    0
  )
  return {
    lots: report.lots.length,
    shipments: report.shipments.length,
    customers: report.customers.length,
    orders: new Set(report.shipments.map((s) => s.order_id)).size,
    shipped_quantity: report.totals.shipped_quantity,
    returned_quantity: report.shipments.reduce((sum, s) => sum + s.returned_quantity, 0),
    outstanding_quantity: report.totals.outstanding_quantity,
    on_hand_quantity: report.totals.on_hand_quantity,
    received_quantity: received,
    accounted_quantity: accounted,
    mass_balance_percent: received === 0 ? 100 : Math.round((accounted / received) * 10_000) / 100,
    unbalanced_lots: report.totals.unbalanced_lots,
    truncated: report.truncated,
    duration_ms: durationMs,
  }
}

/** Display number of the n-th recall: RCL-2026-0007. */
export function recallNumber(sequence: number, now = new Date()): string {
  return `RCL-${now.getUTCFullYear()}-${String(sequence).padStart(4, "0")}`
}
