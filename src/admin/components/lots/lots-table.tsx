import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTableSortingState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useLots } from "../../hooks/lots"
import { formatDay, LOT_STATUS_LABELS, totals } from "../../lib/format"
import { LOT_STATUSES, type Lot, type LotListQuery, type LotStatus } from "../../types"
import { ExpiryLabel } from "../common/expiry-label"
import { LotStatusBadge } from "../common/lot-status-badge"
import { NameCell } from "../common/name-cell"
import { PagedDataTable, usePagedDataTable, usePages } from "../common/paged-data-table"

const LIST_FIELDS = "+inventory_item.title,+inventory_item.sku"
const columnHelper = createDataTableColumnHelper<Lot>()
const filterHelper = createDataTableFilterHelper<Lot>()

const columns = [
  columnHelper.accessor("lot_number", {
    header: "Lot",
    enableSorting: true,
    cell: ({ getValue }) => <span className="txt-compact-small-plus font-mono">{getValue()}</span>,
  }),
  columnHelper.accessor((lot) => lot.inventory_item?.title ?? lot.inventory_item_id, {
    id: "item",
    header: "Item",
    cell: ({ row }) => (
      <NameCell name={row.original.inventory_item?.title ?? row.original.inventory_item_id} detail={row.original.inventory_item?.sku} />
    ),
  }),
  columnHelper.accessor("status", {
    header: "Status",
    enableSorting: true,
    cell: ({ getValue }) => <LotStatusBadge status={getValue()} />,
  }),
  columnHelper.accessor((lot) => totals(lot.stock).quantity, { id: "on_hand", header: "On hand", align: "right" }),
  columnHelper.accessor((lot) => totals(lot.stock).allocated, { id: "allocated", header: "Allocated", align: "right" }),
  columnHelper.accessor("expires_at", {
    header: "Expiry",
    enableSorting: true,
    sortAscLabel: "Earliest first",
    sortDescLabel: "Latest first",
    cell: ({ getValue }) => <ExpiryLabel expiresAt={getValue()} />,
  }),
  columnHelper.accessor("received_at", {
    header: "Received",
    enableSorting: true,
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
    cell: ({ getValue }) => formatDay(getValue()),
  }),
]

const filters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: LOT_STATUSES.map((status) => ({ label: LOT_STATUS_LABELS[status], value: status })),
  }),
]

const isStatus = (value: unknown): value is LotStatus => LOT_STATUSES.includes(value as LotStatus)

/** Every lot: lot-number search, status filter, sorting and server-side pagination. */
export const LotsTable = () => {
  const pages = usePages()
  const [search, setSearch] = useState("")
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [sorting, setSorting] = useState<DataTableSortingState | null>({ id: "expires_at", desc: false })

  const statusFilter = filtering.status
  const query = useMemo<LotListQuery>(() => {
    const status = Array.isArray(statusFilter) ? statusFilter.filter(isStatus) : []
    return {
      q: search.trim() || undefined,
      status: status.length ? status : undefined,
      ...pages.page,
      order: sorting ? `${sorting.desc ? "-" : ""}${sorting.id}` : undefined,
      fields: LIST_FIELDS,
    }
  }, [search, statusFilter, pages.page, sorting])

  const { data, isLoading, error, refetch } = useLots(query)

  const table = usePagedDataTable({
    columns,
    pages,
    data: data?.lots,
    count: data?.count,
    isLoading,
    rowLink: (lot) => `/lots/${lot.id}`,
    search: { state: search, onSearchChange: setSearch },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    sorting: { state: sorting, onSortingChange: setSorting },
    filters,
  })

  return (
    <PagedDataTable
      table={table}
      error={error}
      onRetry={() => refetch()}
      toolbar={
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div data-testid="lots-filter-menu">
            <DataTable.FilterMenu tooltip="Filter by status" />
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder="Search lot numbers" />
            <DataTable.SortingMenu tooltip="Sort" />
          </div>
        </DataTable.Toolbar>
      }
      emptyState={{
        empty: { heading: "No lots yet", description: "Receive stock on an inventory item to create its first lot." },
        filtered: { heading: "No matching lots", description: "Try another lot number or status." },
      }}
    />
  )
}
