import { Badge, Button, Container, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useStockLocations } from "../../hooks/stock-locations"
import { useLotTrace, type TraceDirection, type TraceReport } from "../../hooks/trace"
import { formatDay } from "../../lib/format"
import { buildTraceTree, type TraceTreeNode } from "../../lib/trace-tree"
import type { Lot } from "../../types"
import { LotStatusBadge } from "../common/lot-status-badge"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty, SectionError, SectionLoading } from "../common/states"
import { counted } from "../../lib/format"
import { units } from "../recalls/recall-scope-figures"

const DIRECTIONS: { value: TraceDirection; label: string }[] = [
  { value: "forward", label: "Forward: where it went" },
  { value: "backward", label: "Backward: where it came from" },
]

/**
 * Traceability of one lot as an indented tree: forward (lots made from it, shipments, customers,
 * stock on hand) or backward (input lots and their suppliers), with each lot's mass balance and
 * the totals. "Start recall" opens the Recalls page with this lot picked.
 */
export const LotTraceSection = ({ lot }: { lot: Lot }) => {
  const [direction, setDirection] = useState<TraceDirection>("forward")
  const { data, isLoading, error, refetch } = useLotTrace(lot.id, direction)
  const tree = data ? buildTraceTree(data.trace, lot.id, direction) : null
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
          <TraceTotals report={data.trace} direction={direction} />
          <ul className="flex flex-col px-6 py-4" data-testid="lot-trace-tree" data-direction={direction} aria-label={`${direction} trace`}>
            <TraceNodeRow node={tree} level={0} />
          </ul>
          {tree.children.length === 0 && (
            <SectionEmpty title={direction === "forward" ? "Not used or shipped yet" : "No recorded inputs or supplier"}>
              {direction === "forward"
                ? "Lots made from it, its shipments and stock on hand appear here."
                : "Lots that went into it, and its supplier, appear here."}
            </SectionEmpty>
          )}
        </>
      )}
    </Container>
  )
}

const TraceTotals = ({ report, direction }: { report: TraceReport; direction: TraceDirection }) => {
  const t = report.totals
  const parts =
    direction === "forward"
      ? [
          counted(t.lots, "lot"),
          `${counted(t.shipments, "shipment")} to ${counted(t.customers, "customer")}`,
          `${units(t.outstanding_quantity)} with customers`,
          `${units(t.on_hand_quantity)} on hand`,
        ]
      : [counted(t.lots, "lot"), counted(report.suppliers.length, "supplier lot")]
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-6 py-3" data-testid="lot-trace-totals">
      <Text size="small" className="text-ui-fg-subtle">
        {parts.join(" · ")}
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
      {report.truncated && (
        <Badge size="2xsmall" color="orange">
          Deeper than the trace follows
        </Badge>
      )}
    </div>
  )
}

const TraceNodeRow = ({ node, level }: { node: TraceTreeNode; level: number }) => (
  <li data-testid="trace-node" data-kind={node.kind}>
    <div className="flex items-center justify-between gap-x-4 border-b border-dashed py-2" style={{ paddingLeft: `${level * 20}px` }}>
      <div className="flex min-w-0 items-center gap-x-2">
        {level > 0 && <span className="text-ui-fg-muted">└</span>}
        <NodeLabel node={node} />
      </div>
      <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
        {node.quantity === null ? null : units(node.quantity)}
      </Text>
    </div>
    {node.children.length > 0 && (
      <ul>
        {node.children.map((child) => (
          <TraceNodeRow key={child.key} node={child} level={level + 1} />
        ))}
      </ul>
    )}
  </li>
)

const NodeLabel = ({ node }: { node: TraceTreeNode }) => {
  const { nameOf } = useStockLocations()
  switch (node.kind) {
    case "lot": {
      const balance = node.lot.mass_balance
      return (
        <>
          <Link to={`/lots/${node.lot.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus font-mono">
            {node.lot.lot_number}
          </Link>
          <LotStatusBadge status={node.lot.status} />
          <Badge
            size="2xsmall"
            color={balance.balanced ? "green" : "red"}
            data-mass-balance={balance.balanced ? "balanced" : "unbalanced"}
            title={`Received ${balance.received}, expected on hand ${balance.expected_on_hand}, on hand ${balance.on_hand}`}
          >
            {balance.balanced ? "Balanced" : `Off by ${balance.difference > 0 ? "+" : ""}${balance.difference}`}
          </Badge>
        </>
      )
    }
    case "shipment":
      return (
        <Text size="small" leading="compact" className="truncate">
          Shipped {formatDay(node.shipment.shipped_at ?? node.shipment.fulfilled_at)} from {nameOf(node.shipment.location_id)}
          {node.shipment.returned_quantity > 0 ? ` (${node.shipment.returned_quantity} returned)` : ""} ·{" "}
          <Link to={`/orders/${node.shipment.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            view order
          </Link>
        </Text>
      )
    case "customer":
      return (
        <Text size="small" leading="compact" weight="plus" className="truncate">
          {node.name}
          {node.email && node.email !== node.name ? <span className="text-ui-fg-subtle font-normal"> · {node.email}</span> : null}
        </Text>
      )
    case "on_hand":
      return (
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          On hand at {nameOf(node.location_id)}
        </Text>
      )
    case "supplier":
      return (
        <Text size="small" leading="compact">
          Supplier {node.supplier}
          {node.supplier_lot_number ? <span className="text-ui-fg-subtle"> · their lot {node.supplier_lot_number}</span> : null}
        </Text>
      )
  }
}
