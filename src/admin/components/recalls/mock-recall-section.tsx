import { Button, createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useState } from "react"
import { useDownloadMockRecallExport, useMockRecalls, useRunMockRecall, type MockRecall } from "../../hooks/recalls"
import { formatDateTime } from "../../lib/format"
import { RECALL_EXPORTS } from "../../lib/recall-export"
import { ExportMenu } from "../common/export-menu"
import { FormField } from "../common/form-field"
import { PagedDataTable, usePagedDataTable, usePages } from "../common/paged-data-table"
import { SectionHeader } from "../common/section-header"
import { LotPicker, type PickedLot } from "./lot-picker"
import { RecallPreviewCustomers } from "./recall-preview-customers"
import { formatPercent, RecallScopeFigures } from "./recall-scope-figures"

const columnHelper = createDataTableColumnHelper<MockRecall>()
const columns = [
  columnHelper.accessor("created_at", { header: "Run", cell: ({ getValue }) => formatDateTime(getValue()) }),
  columnHelper.accessor("lot_numbers", {
    header: "Lots",
    cell: ({ getValue }) => <span className="txt-compact-small font-mono">{getValue().join(", ")}</span>,
  }),
  columnHelper.accessor("duration_ms", { header: "Time", align: "right", cell: ({ getValue }) => `${getValue().toLocaleString()} ms` }),
  columnHelper.accessor("mass_balance_percent", { header: "Mass balance", align: "right", cell: ({ getValue }) => formatPercent(getValue()) }),
  columnHelper.accessor("lot_count", { header: "Lots reached", align: "right" }),
  columnHelper.accessor("customer_count", { header: "Customers", align: "right" }),
  columnHelper.display({ id: "export", cell: ({ row }) => <MockRecallExport id={row.original.id} /> }),
]

/** Exports a mock recall's lots, traced again as they stand now, like a recall's scope. */
const MockRecallExport = ({ id }: { id: string }) => {
  const download = useDownloadMockRecallExport()
  return (
    <div className="flex justify-end" onClick={(event) => event.stopPropagation()}>
      <ExportMenu choices={RECALL_EXPORTS} onExport={(choice) => download.mutate({ id, choice })} isPending={download.isPending} testId="mock-recall-export" />
    </div>
  )
}

/**
 * A rehearsal for auditors: trace some lots as a recall would, without changing anything, and
 * keep how long it took and how much of the quantity the history accounts for.
 */
export const MockRecallSection = () => {
  const [lots, setLots] = useState<PickedLot[]>([])
  const [error, setError] = useState<string | null>(null)
  const run = useRunMockRecall()
  const pages = usePages(10)
  const history = useMockRecalls(pages.page)

  const table = usePagedDataTable({
    columns,
    pages,
    data: history.data?.mock_recalls,
    count: history.data?.count,
    isLoading: history.isLoading,
  })

  const onRun = () => {
    if (!lots.length) {
      setError("Pick at least one lot to trace.")
      return
    }
    setError(null)
    run.mutate(lots.map((l) => l.id))
  }

  return (
    <div className="divide-y" data-testid="mock-recall-section">
      <SectionHeader
        title="Mock recall"
        description="Trace lots as a recall would — nothing changes — and record how fast and how completely it answers. Each run exports like a recall."
      />
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <FormField id="mock-recall-lots" label="Lots to trace" error={error}>
          <LotPicker id="mock-recall-lots" value={lots} onChange={setLots} />
        </FormField>
        <div>
          <Button size="small" variant="secondary" onClick={onRun} isLoading={run.isPending}>
            Run mock recall
          </Button>
        </div>
        {run.data && (
          <div className="flex flex-col gap-y-2" data-testid="mock-recall-result">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Text size="small" weight="plus">
                Traced {run.data.mock_recall.lot_numbers.join(", ")} in {run.data.mock_recall.duration_ms.toLocaleString()} ms
              </Text>
              <MockRecallExport id={run.data.mock_recall.id} />
            </div>
            {run.data.mock_recall.summary && <RecallScopeFigures summary={run.data.mock_recall.summary} showDuration />}
            <RecallPreviewCustomers
              customers={run.data.tables.customers.rows}
              count={run.data.tables.customers.count}
              orderNumbers={run.data.order_numbers}
              title="Customers a recall would reach"
              closing="the export lists them all"
            />
          </div>
        )}
      </div>
      <SectionHeader title="History" level="h3" />
      <PagedDataTable
        table={table}
        error={history.error}
        onRetry={() => history.refetch()}
        emptyState={{ empty: { heading: "No mock recalls yet", description: "Run one above; each run is kept here." } }}
      />
    </div>
  )
}
