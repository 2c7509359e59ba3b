import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { AdminLotTraceNodeResponse, AdminLotTraceResponse, AdminLotTraceTableResponse } from "../../api/admin/lots/types"
import type { TraceTableName, TraceTablePage } from "../../modules/lot/domain/trace-view"
import { sdk } from "../lib/sdk"
import type { Serialized } from "../types"
import { lotQueryKeys } from "./query-keys"

export type { TraceSummary, TraceTreeNode } from "../../modules/lot/domain/trace-view"
/** The directions the lot page shows, one tree at a time. */
export type TraceDirection = "forward" | "backward"
export type TracePageQuery = { offset: number; limit: number }

/** Trace data lives under the lot-tracking root, so any lot change (which invalidates it all) refreshes it. */
export const traceQueryKeys = {
  all: lotQueryKeys.traces,
  lot: (lotId: string, direction: TraceDirection) => [...lotQueryKeys.all, "trace", lotId, direction] as const,
  node: (lotId: string, direction: TraceDirection, node: string, page: TracePageQuery) =>
    [...traceQueryKeys.lot(lotId, direction), "node", node, page] as const,
  table: (lotId: string, direction: TraceDirection, table: TraceTableName, page: TracePageQuery) =>
    [...traceQueryKeys.lot(lotId, direction), "table", table, page] as const,
}

const tracePath = (lotId: string) => `/admin/lots/${encodeURIComponent(lotId)}/trace`

/** GET /admin/lots/:id/trace — totals, the lot with its first children, the first page of each table. */
export const useLotTrace = (lotId: string, direction: TraceDirection) =>
  useQuery({
    queryKey: traceQueryKeys.lot(lotId, direction),
    queryFn: () => sdk.client.fetch<Serialized<AdminLotTraceResponse>>(tracePath(lotId), { query: { direction } }),
  })

/** GET /admin/lots/:id/trace?node= — a page of the children of a lot opened in the tree. */
export const useLotTraceNode = (lotId: string, direction: TraceDirection, node: string, page: TracePageQuery) =>
  useQuery({
    queryKey: traceQueryKeys.node(lotId, direction, node, page),
    queryFn: () => sdk.client.fetch<Serialized<AdminLotTraceNodeResponse>>(tracePath(lotId), { query: { direction, node, ...page } }),
  })

/** GET /admin/lots/:id/trace?table= — one page of a table; the previous page stays while the next loads. */
export const useLotTraceTable = <K extends TraceTableName>(lotId: string, direction: TraceDirection, table: K, page: TracePageQuery) =>
  useQuery({
    queryKey: traceQueryKeys.table(lotId, direction, table, page),
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminLotTraceTableResponse & TraceTablePage<K>>>(tracePath(lotId), { query: { direction, table, ...page } }),
    placeholderData: keepPreviousData,
  })
