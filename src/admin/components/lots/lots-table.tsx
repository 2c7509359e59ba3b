import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTableRowSelectionState,
  type DataTableSortingState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useLotListView } from "../../hooks/lot-list-view"
import { useExportLots, useLots } from "../../hooks/lots"
import { LabelPrintDrawer } from "./label-print-drawer"
import { useStockLocations } from "../../hooks/stock-locations"
import { SPREADSHEET_EXPORTS } from "../../lib/download"
import { formatDay, LOT_STATUS_LABELS, totals } from "../../lib/format"
import {
  expiryPresets,
  isUnsetFilter,
  lotListFiltering,
  lotListFilters,
  lotListFiltersFromTable,
} from "../../lib/lot-list-view"
import { LOT_STATUSES, type Lot, type StockLocationSummary } from "../../types"
import { ExportMenu } from "../common/export-menu"
import { ExpiryLabel } from "../common/expiry-label"
import { LotStatusBadge } from "../common/lot-status-badge"
import { NameCell } from "../common/name-cell"
import { PagedDataTable, usePagedDataTable } from "../common/paged-data-table"

const PAGE_SIZE = 20
const LIST_FIELDS = "+inventory_item.title,+inventory_item.sku"
const columnHelper = createDataTableColumnHelper<Lot>()
const filterHelper = createDataTableFilterHelper<Lot>()

/** The locations where the lot has units, by name. */
const LotLocationsCell = ({ lot }: { lot: Lot }) => {
  const { nameOf } = useStockLocations()
  const names = lot.stock.filter((s) => s.quantity > 0).map((s) => nameOf(s.location_id))
  return <span className="text-ui-fg-subtle">{names.length ? [...names].sort().join(", ") : "—"}</span>
}

const columns = [
  columnHelper.select(),
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
  columnHelper.display({ id: "locations", header: "Location", cell: ({ row }) => <LotLocationsCell lot={row.original} /> }),
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

const lotFilters = (locations: StockLocationSummary[], today: Date) => [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: LOT_STATUSES.map((status) => ({ label: LOT_STATUS_LABELS[status], value: status })),
  }),
  filterHelper.custom({
    id: "location_id",
    type: "multiselect",
    label: "Location",
    options: locations.map((location) => ({ label: location.name, value: location.id })),
  }),
  filterHelper.accessor("expires_at", {
    type: "date",
    label: "Expiry",
    format: "date",
    rangeOptionLabel: "Between dates",
    rangeOptionStartLabel: "From",
    rangeOptionEndLabel: "Until",
    options: expiryPresets(today),
  }),
]

/**
 * Every lot: search (lot number, SKU, item or product), filters by status, location and expiry,
 * sorting and server-side pagination — all kept in the address — plus export of the filtered
 * list and labels for the lots picked.
 */
export const LotsTable = () => {
  const { view, setView } = useLotListView()
  const { locations } = useStockLocations()
  // A filter just added from the menu has no value yet, so no place in the address: it stays here
  // until it gets one, or the filter bar would drop it before its value could be picked.
  const [unsetFilters, setUnsetFilters] = useState<DataTableFilteringState>({})
  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [labelLots, setLabelLots] = useState<{ id: string; lot_number: string }[]>([])
  const exportLots = useExportLots()

  const filters = useMemo(() => lotListFilters(view), [view])
  const { data, isLoading, error, refetch } = useLots({
    ...filters,
    limit: PAGE_SIZE,
    offset: view.page * PAGE_SIZE,
    order: view.order,
    fields: LIST_FIELDS,
  })

  const onFilteringChange = (state: DataTableFilteringState) => {
    setUnsetFilters(Object.fromEntries(Object.entries(state).filter(([, value]) => isUnsetFilter(value))))
    setView(lotListFiltersFromTable(state))
  }
  const onSortingChange = (sorting: DataTableSortingState) => setView({ order: `${sorting.desc ? "-" : ""}${sorting.id}` })
  const tableFilters = useMemo(() => lotFilters(locations, new Date()), [locations])

  const table = usePagedDataTable({
    columns,
    pages: {
      pagination: { pageIndex: view.page, pageSize: PAGE_SIZE },
      setPagination: (next) => setView({ page: (typeof next === "function" ? next({ pageIndex: view.page, pageSize: PAGE_SIZE }) : next).pageIndex }),
    },
    data: data?.lots,
    count: data?.count,
    isLoading,
    rowLink: (lot) => `/lots/${lot.id}`,
    search: { state: view.q, onSearchChange: (q) => setView({ q }) },
    filtering: { state: { ...unsetFilters, ...lotListFiltering(view) }, onFilteringChange },
    sorting: { state: { id: view.order.replace(/^-/, ""), desc: view.order.startsWith("-") }, onSortingChange },
    filters: tableFilters,
    rowSelection: { state: selection, onRowSelectionChange: setSelection },
    commands: [
      {
        label: "Print labels",
        shortcut: "p",
        action: (picked) => {
          const numbers = new Map((data?.lots ?? []).map((lot) => [lot.id, lot.lot_number]))
          setLabelLots(Object.keys(picked).map((id) => ({ id, lot_number: numbers.get(id) ?? id })))
        },
      },
    ],
  })

  return (
    <>
      <LabelPrintDrawer lots={labelLots} open={labelLots.length > 0} onOpenChange={(open) => !open && setLabelLots([])} />
      <PagedDataTable
        table={table}
        error={error}
        onRetry={() => refetch()}
        toolbar={
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
            <div data-testid="lots-filter-menu">
              <DataTable.FilterMenu tooltip="Filter by status, location or expiry" />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <DataTable.Search placeholder="Search lot, SKU or product" />
              <DataTable.SortingMenu tooltip="Sort" />
              <ExportMenu
                choices={SPREADSHEET_EXPORTS}
                onExport={(format) => exportLots.mutate({ filters, format })}
                isPending={exportLots.isPending}
                testId="lots-export"
              />
            </div>
          </DataTable.Toolbar>
        }
        commandBar={<DataTable.CommandBar selectedLabel={(count) => `${count} selected`} />}
        emptyState={{
          empty: { heading: "No lots yet", description: "Receive stock on an inventory item to create its first lot." },
          filtered: { heading: "No matching lots", description: "Try another search, status, location or expiry." },
        }}
      />
    </>
  )
}
