import { createDataTableColumnHelper } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useExpiringLots, type ExpiringLot } from "../../hooks/expiry"
import { formatDay } from "../../lib/format"
import { LotStatusBadge } from "../common/lot-status-badge"
import { NameCell } from "../common/name-cell"
import { PagedDataTable, usePagedDataTable, usePages } from "../common/paged-data-table"
import { DaysLeftBadge } from "./days-left-badge"
import { ExpiryLotActions } from "./expiry-lot-actions"
import type { ExpiryView } from "./expiry-totals"

const columnHelper = createDataTableColumnHelper<ExpiringLot>()

const itemName = (lot: ExpiringLot) => {
  const item = lot.inventory_item
  const product = item?.variant?.product_title
  return product ? `${product}${item?.variant?.title ? ` · ${item.variant.title}` : ""}` : item?.title ?? lot.inventory_item_id
}

/**
 * The lots of the chosen card (at the chosen location, of the chosen product), earliest expiry
 * first, paged on the server; a row opens the lot, its menu holds, transfers or writes it off.
 */
export const ExpiringLotsTable = ({
  view,
  windows,
  filters,
}: {
  view: ExpiryView
  windows: number[]
  filters: { location_id?: string; inventory_item_id?: string }
}) => {
  const pages = usePages()
  const { toFirstPage } = pages
  // Another card or filter is another list: start it on its first page.
  const viewKey = view.kind === "expired" ? "expired" : view.days
  useEffect(() => toFirstPage(), [viewKey, filters.location_id, filters.inventory_item_id, toFirstPage])

  const columns = useMemo(
    () => [
      columnHelper.accessor("lot_number", {
        header: "Lot",
        cell: ({ getValue }) => <span className="txt-compact-small-plus font-mono">{getValue()}</span>,
      }),
      columnHelper.accessor((lot) => itemName(lot), {
        id: "item",
        header: "Product",
        cell: ({ row }) => <NameCell name={itemName(row.original)} detail={row.original.inventory_item?.sku} />,
      }),
      columnHelper.accessor("status", { header: "Status", cell: ({ getValue }) => <LotStatusBadge status={getValue()} /> }),
      columnHelper.accessor("on_hand", { header: "On hand", align: "right" }),
      columnHelper.accessor("expires_at", { header: "Expiry", cell: ({ getValue }) => formatDay(getValue()) }),
      columnHelper.accessor("days_left", {
        header: "Days left",
        cell: ({ getValue }) => <DaysLeftBadge days={getValue()} windows={windows} />,
      }),
      columnHelper.display({ id: "actions", cell: ({ row }) => <ExpiryLotActions lot={row.original} /> }),
    ],
    [windows]
  )

  const { data, isLoading, error, refetch } = useExpiringLots({
    // The expired card lists only lots past expiry that are still on hand.
    ...(view.kind === "expired" ? { within_days: 1, include_expired: "only" } : { within_days: view.days }),
    ...(filters.location_id && { location_id: filters.location_id }),
    ...(filters.inventory_item_id && { inventory_item_id: filters.inventory_item_id }),
    ...pages.page,
  })

  const table = usePagedDataTable({
    columns,
    pages,
    data: data?.lots,
    count: data?.count,
    isLoading,
    rowLink: (lot) => `/lots/${lot.id}`,
  })

  return (
    <PagedDataTable
      table={table}
      error={error}
      onRetry={() => refetch()}
      emptyState={{
        empty: {
          heading: view.kind === "expired" ? "No expired stock on hand" : `Nothing expires within ${view.days} days`,
          description: "Lots show up here as their expiry date comes closer.",
        },
      }}
    />
  )
}
