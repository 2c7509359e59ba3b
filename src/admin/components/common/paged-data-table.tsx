import {
  DataTable,
  useDataTable,
  type DataTableEmptyStateProps,
  type DataTableOptions,
  type DataTablePaginationState,
  type UseDataTableReturn,
} from "@medusajs/ui"
import { useCallback, useMemo, useState, type ReactNode } from "react"
import { useNavigate } from "react-router-dom"
import { SectionError } from "./states"

/** The page a table shows of a list paged on the server, and the `limit`/`offset` its route takes. */
export function usePages(pageSize = 20) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize })
  const page = useMemo(() => ({ limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize }), [pagination])
  const toFirstPage = useCallback(() => setPagination((p) => ({ ...p, pageIndex: 0 })), [])
  return { pagination, setPagination, page, toFirstPage }
}

/** A DataTable over one page of a server list; rows are keyed by id and, with `rowLink`, open their own page. */
export function usePagedDataTable<Row extends { id: string }>({
  pages,
  data,
  count,
  rowLink,
  ...options
}: Omit<DataTableOptions<Row>, "data" | "getRowId" | "rowCount" | "onRowClick" | "pagination"> & {
  pages: Pick<ReturnType<typeof usePages>, "pagination" | "setPagination">
  data: Row[] | undefined
  count: number | undefined
  rowLink?: (row: Row) => string
}) {
  const navigate = useNavigate()
  return useDataTable({
    ...options,
    data: data ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    onRowClick: rowLink ? (_event, row) => navigate(rowLink(row)) : undefined,
    pagination: { state: pages.pagination, onPaginationChange: pages.setPagination },
  })
}

/** The table with its toolbar and pagination (and the command bar of selected rows), or the list's error with a retry. */
export const PagedDataTable = <Row,>({
  table,
  error,
  onRetry,
  emptyState,
  toolbar,
  commandBar,
}: {
  table: UseDataTableReturn<Row>
  error: unknown
  onRetry: () => void
  emptyState: DataTableEmptyStateProps
  toolbar?: ReactNode
  commandBar?: ReactNode
}) =>
  error ? (
    <SectionError error={error} onRetry={onRetry} />
  ) : (
    <DataTable instance={table}>
      {toolbar}
      <DataTable.Table emptyState={emptyState} />
      <DataTable.Pagination />
      {commandBar}
    </DataTable>
  )
