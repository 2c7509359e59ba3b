import { MedusaError } from "@medusajs/framework/utils"
import type { LotTrace, TraceDirection, TracedShipment } from "../domain/lot-trace"
import type { Sql } from "../sql/sql"
import { orderShipments, traceBackward, traceLots } from "../sql/trace-sql"

/**
 * Traces from lots forward (what was made from them, where it shipped, what is on hand), backward
 * (what went into them, from which suppliers) or both: one recursive statement per direction.
 * NOT_FOUND names a starting lot that does not exist.
 */
export async function traceFromLots(
  sql: Sql,
  lotIds: string[],
  options: { direction: TraceDirection | "both"; max_depth: number }
): Promise<{ forward?: LotTrace; backward?: LotTrace }> {
  const directions: TraceDirection[] = options.direction === "both" ? ["forward", "backward"] : [options.direction]
  const traces: { forward?: LotTrace; backward?: LotTrace } = {}
  for (const direction of directions) {
    traces[direction] = await traceLots(sql, lotIds, direction, options.max_depth)
  }
  const found = new Set(traces[directions[0]]!.lots.map((l) => l.id))
  const missing = lotIds.find((id) => !found.has(id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot with id: ${missing} was not found`)
  }
  return traces
}

/** Backward from an order: the lots shipped in it (not canceled), what went into them, their suppliers. */
export async function traceFromOrder(
  sql: Sql,
  orderId: string,
  maxDepth: number
): Promise<{ shipments: TracedShipment[]; backward: LotTrace }> {
  const shipments = await orderShipments(sql, orderId)
  const backward = await traceBackward(sql, [...new Set(shipments.map((s) => s.lot_id))], maxDepth)
  return { shipments, backward }
}
