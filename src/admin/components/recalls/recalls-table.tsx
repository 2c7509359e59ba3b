import { createDataTableColumnHelper, createDataTableFilterHelper, DataTable, Text, type DataTableFilteringState } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useRecalls, type Recall, type RecallStatus } from "../../hooks/recalls"
import { formatDateTime } from "../../lib/format"
import { PagedDataTable, usePagedDataTable, usePages } from "../common/paged-data-table"
import { RecallClassBadge, RecallStatusBadge } from "./recall-badges"

const columnHelper = createDataTableColumnHelper<Recall>()
const filterHelper = createDataTableFilterHelper<Recall>()

const columns = [
  columnHelper.accessor("recall_number", {
    header: "Recall",
    cell: ({ getValue }) => <span className="txt-compact-small-plus font-mono">{getValue()}</span>,
  }),
  columnHelper.accessor("status", { header: "Status", cell: ({ getValue }) => <RecallStatusBadge status={getValue()} /> }),
  columnHelper.accessor("classification", { header: "Class", cell: ({ getValue }) => <RecallClassBadge classification={getValue()} /> }),
  columnHelper.accessor("reason", {
    header: "Reason",
    cell: ({ getValue }) => (
      <Text size="small" leading="compact" className="max-w-[320px] truncate">
        {getValue()}
      </Text>
    ),
  }),
  columnHelper.accessor((r) => r.summary?.lots ?? null, { id: "lots", header: "Lots", align: "right", cell: ({ getValue }) => getValue() ?? "—" }),
  columnHelper.accessor((r) => r.summary?.customers ?? null, {
    id: "customers",
    header: "Customers",
    align: "right",
    cell: ({ getValue }) => getValue() ?? "—",
  }),
  columnHelper.accessor("created_at", { header: "Opened", cell: ({ getValue }) => formatDateTime(getValue()) }),
]

const filters = [
  filterHelper.accessor("status", {
    type: "radio",
    label: "Status",
    options: [
      { label: "Open", value: "open" },
      { label: "Closed", value: "closed" },
    ],
  }),
]

const isStatus = (value: unknown): value is RecallStatus => value === "open" || value === "closed"

/** Recalls, newest first, paged on the server and filtered by status; a row opens the recall. */
export const RecallsTable = () => {
  const pages = usePages()
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const status = isStatus(filtering.status) ? filtering.status : undefined
  const query = useMemo(() => ({ status, ...pages.page }), [status, pages.page])
  const { data, isLoading, error, refetch } = useRecalls(query)

  const table = usePagedDataTable({
    columns,
    pages,
    data: data?.recalls,
    count: data?.count,
    isLoading,
    rowLink: (recall) => `/recalls/${recall.id}`,
    filtering: {
      state: filtering,
      // Another filter is another list: start it on its first page.
      onFilteringChange: (next) => {
        setFiltering(next)
        pages.toFirstPage()
      },
    },
    filters,
  })

  return (
    <PagedDataTable
      table={table}
      error={error}
      onRetry={() => refetch()}
      toolbar={
        <DataTable.Toolbar className="px-6 py-4">
          <DataTable.FilterMenu tooltip="Filter by status" />
        </DataTable.Toolbar>
      }
      emptyState={{
        empty: { heading: "No recalls yet", description: "Open one with “New recall” when a lot must come back." },
        filtered: { heading: "No recalls with this status" },
      }}
    />
  )
}
