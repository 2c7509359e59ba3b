import {
  createDataTableColumnHelper,
  DataTable,
  Text,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useExpiringLots, type ExpiringLot } from "../../hooks/expiry"
import { formatDay } from "../../lib/format"
import { LotStatusBadge } from "../common/lot-status-badge"
import { SectionError } from "../common/states"
import { DaysLeftBadge } from "./days-left-badge"
import type { ExpiryView } from "./expiry-totals"

const PAGE_SIZE = 20
const columnHelper = createDataTableColumnHelper<ExpiringLot>()

const itemName = (lot: ExpiringLot) => {
  const item = lot.inventory_item
  const product = item?.variant?.product_title
  return product ? `${product}${item?.variant?.title ? ` · ${item.variant.title}` : ""}` : item?.title ?? lot.inventory_item_id
}

/** The lots of the chosen card, earliest expiry first, paged on the server; a row opens the lot. */
export const ExpiringLotsTable = ({ view, windows }: { view: ExpiryView; windows: number[] }) => {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  // Another card is another list: start it on its first page.
  useEffect(() => setPagination((p) => ({ ...p, pageIndex: 0 })), [view])

  const columns = useMemo(
    () => [
      columnHelper.accessor("lot_number", {
        header: "Lot",
        cell: ({ getValue }) => <span className="txt-compact-small-plus font-mono">{getValue()}</span>,
      }),
      columnHelper.accessor((lot) => itemName(lot), {
        id: "item",
        header: "Product",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Text size="small" leading="compact">
              {itemName(row.original)}
            </Text>
            {row.original.inventory_item?.sku && (
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                {row.original.inventory_item.sku}
              </Text>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("status", { header: "Status", cell: ({ getValue }) => <LotStatusBadge status={getValue()} /> }),
      columnHelper.accessor("on_hand", { header: "On hand", align: "right" }),
      columnHelper.accessor("expires_at", { header: "Expiry", cell: ({ getValue }) => formatDay(getValue()) }),
      columnHelper.accessor("days_left", {
        header: "Days left",
        cell: ({ getValue }) => <DaysLeftBadge days={getValue()} windows={windows} />,
      }),
    ],
    [windows]
  )

  const { data, isLoading, error, refetch } = useExpiringLots({
    // The expired card lists only lots past expiry that are still on hand.
    ...(view.kind === "expired" ? { within_days: 1, include_expired: "only" } : { within_days: view.days }),
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  const table = useDataTable({
    columns,
    data: data?.lots ?? [],
    getRowId: (lot) => lot.id,
    rowCount: data?.count ?? 0,
    isLoading,
    onRowClick: (_event, lot) => navigate(`/lots/${lot.id}`),
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  if (error) {
    return <SectionError error={error} onRetry={() => refetch()} />
  }
  return (
    <DataTable instance={table}>
      <DataTable.Table
        emptyState={{
          empty: {
            heading: view.kind === "expired" ? "No expired stock on hand" : `Nothing expires within ${view.days} days`,
            description: "Lots show up here as their expiry date comes closer.",
          },
        }}
      />
      <DataTable.Pagination />
    </DataTable>
  )
}
