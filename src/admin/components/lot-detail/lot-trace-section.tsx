import { Badge, Button, Container, createDataTableColumnHelper, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useLotTrace, useLotTraceTable, type TraceDirection, type TraceSummary } from "../../hooks/trace"
import { counted } from "../../lib/format"
import { totalsLine } from "../../lib/trace-tree"
import type { Lot, Serialized } from "../../types"
import { PagedDataTable, usePagedDataTable, usePages } from "../common/paged-data-table"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty, SectionError, SectionLoading } from "../common/states"
import { units } from "../recalls/recall-scope-figures"
import { TraceNodeRow } from "./lot-trace-tree"

const DIRECTIONS: { value: TraceDirection; label: string }[] = [
  { value: "forward", label: "Forward: where it went" },
  { value: "backward", label: "Backward: where it came from" },
]

/**
 * Traceability of one lot, summary first: the totals with the mass balance, then an indented tree
 * whose lots open level by level — forward (lots made from it, shipments, customers, stock on hand)
 * or backward (input lots and their suppliers) — and, forward, the customers reached, page by page.
 * "Start recall" opens the Recalls page with this lot picked.
 */
export const LotTraceSection = ({ lot }: { lot: Lot }) => {
  const [direction, setDirection] = useState<TraceDirection>("forward")
  const { data, isLoading, error, refetch } = useLotTrace(lot.id, direction)
  const tree = data?.trace.tree
  const recallLink = `/recalls?${new URLSearchParams({ lot_id: lot.id, lot_number: lot.lot_number })}`

  return (
    <Container className="divide-y p-0" data-testid="lot-trace-section">
      <SectionHeader
        title="Trace"
        description="Genealogy, shipments and customers of this lot"
        className="flex-wrap gap-2"
        actions={
          <Button size="small" variant="secondary" asChild>
            <Link to={recallLink}>Start recall</Link>
          </Button>
        }
      />
      <div className="px-6 py-3">
        <Tabs value={direction} onValueChange={(value) => setDirection(value as TraceDirection)}>
          <Tabs.List>
            {DIRECTIONS.map((d) => (
              <Tabs.Trigger key={d.value} value={d.value}>
                {d.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs>
      </div>
      {isLoading ? (
        <SectionLoading rows={4} />
      ) : error ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : !data || !tree ? (
        <SectionEmpty title="Nothing to trace">The trace did not reach this lot.</SectionEmpty>
      ) : (
        <>
          <TraceTotals trace={data.trace} direction={direction} />
          <ul className="flex flex-col px-6 py-4" data-testid="lot-trace-tree" data-direction={direction} aria-label={`${direction} trace`}>
            <TraceNodeRow ctx={{ lotId: lot.id, direction, limit: tree.children.limit }} node={tree.node} ancestors={[]} level={0} first={tree.children} />
          </ul>
          {tree.children.count === 0 && (
            <SectionEmpty title={direction === "forward" ? "Not used or shipped yet" : "No recorded inputs or supplier"}>
              {direction === "forward"
                ? "Lots made from it, its shipments and stock on hand appear here."
                : "Lots that went into it, and its supplier, appear here."}
            </SectionEmpty>
          )}
          {direction === "forward" && data.trace.totals.customers > 0 && <TraceCustomers lotId={lot.id} />}
        </>
      )}
    </Container>
  )
}

const TraceTotals = ({ trace, direction }: { trace: Serialized<TraceSummary>; direction: TraceDirection }) => {
  const t = trace.totals
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-6 py-3" data-testid="lot-trace-totals">
      <Text size="small" className="text-ui-fg-subtle">
        {totalsLine(t, direction).join(" · ")}
      </Text>
      {t.unbalanced_lots > 0 ? (
        <Badge size="2xsmall" color="red">
          {counted(t.unbalanced_lots, "lot does", "lots do")} not balance
        </Badge>
      ) : (
        <Badge size="2xsmall" color="green">
          Every lot balances
        </Badge>
      )}
      <Text size="small" className="text-ui-fg-subtle" data-testid="lot-trace-mass-balance">
        Mass balance {t.mass_balance_percent.toLocaleString(undefined, { maximumFractionDigits: 2 })} %
      </Text>
      {trace.truncated && (
        <Badge size="2xsmall" color="orange">
          Deeper than the trace follows
        </Badge>
      )}
    </div>
  )
}

type CustomerRow = { id: string; name: string; orders: number; outstanding_quantity: number }
const columnHelper = createDataTableColumnHelper<CustomerRow>()
const customerColumns = [
  columnHelper.accessor("name", { header: "Customer" }),
  columnHelper.accessor("orders", { header: "Orders", align: "right" }),
  columnHelper.accessor("outstanding_quantity", { header: "With them", align: "right", cell: ({ getValue }) => units(getValue()) }),
]

/** Everyone the lot reached, most units still with them first, a page at a time. */
const TraceCustomers = ({ lotId }: { lotId: string }) => {
  const pages = usePages(10)
  const { data, isLoading, error, refetch } = useLotTraceTable(lotId, "forward", "customers", pages.page)
  const table = usePagedDataTable({
    columns: customerColumns,
    pages,
    data: data?.rows.map((c) => ({ id: c.key, name: c.name ?? c.email ?? "Guest", orders: c.orders, outstanding_quantity: c.outstanding_quantity })),
    count: data?.count,
    isLoading,
  })
  return (
    <div data-testid="lot-trace-customers">
      <SectionHeader title="Customers reached" level="h3" />
      <PagedDataTable table={table} error={error} onRetry={() => refetch()} emptyState={{ empty: { heading: "No customers" } }} />
    </div>
  )
}
