import type { RecallScopeSummary } from "../types"
import type { TraceTables } from "./trace-report"
import { traceTotals } from "./trace-view"

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
export function summarizeRecallScope(tables: TraceTables, durationMs: number): RecallScopeSummary {
  const { locations: _locations, suppliers: _suppliers, ...totals } = traceTotals(tables)
  return { ...totals, duration_ms: durationMs }
}

/** Display number of the n-th recall: RCL-2026-0007. */
export function recallNumber(sequence: number, now = new Date()): string {
  return `RCL-${now.getUTCFullYear()}-${String(sequence).padStart(4, "0")}`
}
