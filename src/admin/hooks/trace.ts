import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { TraceReport } from "../../modules/lot/domain/trace-report"
import { lotQueryKeys } from "./query-keys"

export type { TraceReport }
export type TraceDirection = "forward" | "backward"
export type LotTraceResponse = { lot_id: string; trace: TraceReport }

/** Trace data lives under the lot-tracking root, so any lot change (which invalidates it all) refreshes it. */
export const traceQueryKeys = {
  all: () => [...lotQueryKeys.all, "trace"] as const,
  lot: (lotId: string, direction: TraceDirection) => [...lotQueryKeys.all, "trace", lotId, direction] as const,
}

/** GET /admin/lots/:id/trace — forward (made from it, shipped, on hand) or backward (inputs, suppliers). */
export const useLotTrace = (lotId: string, direction: TraceDirection) =>
  useQuery({
    queryKey: traceQueryKeys.lot(lotId, direction),
    queryFn: () =>
      sdk.client.fetch<LotTraceResponse>(`/admin/lots/${encodeURIComponent(lotId)}/trace`, { query: { direction } }),
  })
