import { useQuery } from "@tanstack/react-query"
import type { AdminLotTraceResponse } from "../../api/admin/lots/types"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

export type { TraceReport } from "../../modules/lot/domain/trace-report"
/** The directions the lot page shows, one tree at a time. */
export type TraceDirection = "forward" | "backward"

/** Trace data lives under the lot-tracking root, so any lot change (which invalidates it all) refreshes it. */
export const traceQueryKeys = {
  all: lotQueryKeys.traces,
  lot: (lotId: string, direction: TraceDirection) => [...lotQueryKeys.all, "trace", lotId, direction] as const,
}

/** GET /admin/lots/:id/trace — forward (made from it, shipped, on hand) or backward (inputs, suppliers). */
export const useLotTrace = (lotId: string, direction: TraceDirection) =>
  useQuery({
    queryKey: traceQueryKeys.lot(lotId, direction),
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminLotTraceResponse>>(`/admin/lots/${encodeURIComponent(lotId)}/trace`, { query: { direction } }),
  })
