import { Trash } from "@medusajs/icons"
import { createDataTableColumnHelper, DataTable, IconButton, Text, usePrompt } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useDeleteLotSupplier, useLotSuppliers } from "../../hooks/lot-suppliers"
import type { LotSupplier } from "../../types"
import { PagedDataTable, usePagedDataTable, usePages } from "../common/paged-data-table"

const columnHelper = createDataTableColumnHelper<LotSupplier>()
const mono = (value: string | null) => (value ? <span className="txt-compact-small font-mono">{value}</span> : "—")

/** Suppliers by name, searched on the server; a row's bin retires the supplier after a confirm. */
export const SuppliersTable = () => {
  const pages = usePages()
  const [search, setSearch] = useState("")
  const query = useMemo(() => ({ q: search.trim() || undefined, ...pages.page }), [search, pages.page])
  const { data, isLoading, error, refetch } = useLotSuppliers(query)
  const remove = useDeleteLotSupplier()
  const prompt = usePrompt()

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", { header: "Name", cell: ({ getValue }) => <Text size="small" weight="plus">{getValue()}</Text> }),
      columnHelper.accessor((s) => [s.postal_code, s.city, s.country_code?.toUpperCase()].filter(Boolean).join(" ") || "—", {
        id: "place",
        header: "Location",
      }),
      columnHelper.accessor("gln", { header: "GLN", cell: ({ getValue }) => mono(getValue()) }),
      columnHelper.accessor("ffrn", { header: "FDA FFRN", cell: ({ getValue }) => mono(getValue()) }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) => (
          <IconButton
            size="small"
            variant="transparent"
            aria-label={`Delete supplier ${row.original.name}`}
            onClick={async () => {
              const confirmed = await prompt({
                title: `Delete ${row.original.name}?`,
                description: "It leaves the supplier picker. Lots received from it keep its details.",
                confirmText: "Delete",
                cancelText: "Cancel",
              })
              if (confirmed) remove.mutate(row.original.id)
            }}
          >
            <Trash />
          </IconButton>
        ),
      }),
    ],
    [prompt, remove]
  )

  const table = usePagedDataTable({
    columns,
    pages,
    data: data?.lot_suppliers,
    count: data?.count,
    isLoading,
    search: {
      state: search,
      // Another search is another list: start it on its first page.
      onSearchChange: (next) => {
        setSearch(next)
        pages.toFirstPage()
      },
    },
  })

  return (
    <PagedDataTable
      table={table}
      error={error}
      onRetry={() => refetch()}
      toolbar={
        <DataTable.Toolbar className="px-6 py-4">
          <DataTable.Search placeholder="Search by name, city, GLN or FDA number" />
        </DataTable.Toolbar>
      }
      emptyState={{
        empty: { heading: "No suppliers yet", description: "Add the businesses you receive lots from; receipts pick them." },
        filtered: { heading: "No supplier matches this search" },
      }}
    />
  )
}
