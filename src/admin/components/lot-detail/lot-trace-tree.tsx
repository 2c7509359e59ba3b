import { Badge, Button, Text } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { Link } from "react-router-dom"
import { useStockLocations } from "../../hooks/stock-locations"
import { useLotTraceNode, type TraceDirection, type TraceTreeNode } from "../../hooks/trace"
import { formatDay } from "../../lib/format"
import { canOpen, hasMore, shipmentCustomer } from "../../lib/trace-tree"
import type { Serialized } from "../../types"
import { LotStatusBadge } from "../common/lot-status-badge"
import { units } from "../recalls/recall-scope-figures"

type Node = Serialized<TraceTreeNode>
type Page = { rows: Node[]; count: number; limit: number }
/** The traced lot, the direction, and the page size the first answer used (kept for every level). */
type TreeContext = { lotId: string; direction: TraceDirection; limit: number }

/**
 * Children of an opened lot, page after page: the first page given (the root's comes with the
 * trace's first answer) or fetched when the lot is opened, later ones on "Show more".
 */
const TraceChildren = ({
  ctx,
  nodeLotId,
  ancestors,
  level,
  first,
}: {
  ctx: TreeContext
  nodeLotId: string
  ancestors: string[]
  level: number
  first?: Page
}) => {
  const { limit } = ctx
  const [pages, setPages] = useState(1)
  const [count, setCount] = useState<number | null>(first?.count ?? null)
  return (
    <ul>
      {Array.from({ length: pages }, (_, index) =>
        index === 0 && first ? (
          <TraceNodeRows key={index} ctx={ctx} rows={first.rows} ancestors={ancestors} level={level} />
        ) : (
          <FetchedPage key={index} ctx={ctx} nodeLotId={nodeLotId} offset={index * limit} limit={limit} ancestors={ancestors} level={level} onCount={setCount} />
        )
      )}
      {count !== null && hasMore(count, pages, limit) && (
        <li style={{ paddingLeft: `${level * 20}px` }} className="py-2">
          <Button size="small" variant="transparent" onClick={() => setPages(pages + 1)} data-testid="trace-show-more">
            Show {Math.min(limit, count - pages * limit)} more of {count}
          </Button>
        </li>
      )}
    </ul>
  )
}

const FetchedPage = ({
  ctx,
  nodeLotId,
  offset,
  limit,
  ancestors,
  level,
  onCount,
}: {
  ctx: TreeContext
  nodeLotId: string
  offset: number
  limit: number
  ancestors: string[]
  level: number
  onCount: (count: number) => void
}) => {
  const { data, isLoading, error } = useLotTraceNode(ctx.lotId, ctx.direction, nodeLotId, { offset, limit })
  const count = data?.children.count
  useEffect(() => {
    if (count !== undefined) onCount(count)
  }, [count, onCount])
  if (isLoading || error || !data) {
    return (
      <li style={{ paddingLeft: `${level * 20}px` }} className="py-2">
        <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
          {error ? "These entries could not be loaded." : "Loading…"}
        </Text>
      </li>
    )
  }
  return <TraceNodeRows ctx={ctx} rows={data.children.rows} ancestors={ancestors} level={level} />
}

const TraceNodeRows = ({ ctx, rows, ancestors, level }: { ctx: TreeContext; rows: Node[]; ancestors: string[]; level: number }) => (
  <>
    {rows.map((node) => (
      <TraceNodeRow key={node.key} ctx={ctx} node={node} ancestors={ancestors} level={level} />
    ))}
  </>
)

/**
 * One entry; a lot with children opens (and closes) on its arrow, loading its level then. The
 * traced lot itself comes open, with the first page of its children from the trace's first answer.
 */
export const TraceNodeRow = ({
  ctx,
  node,
  ancestors,
  level,
  first,
}: {
  ctx: TreeContext
  node: Node
  ancestors: string[]
  level: number
  first?: Page
}) => {
  const [open, setOpen] = useState(Boolean(first))
  const openable = canOpen(node, ancestors)
  return (
    <li data-testid="trace-node" data-kind={node.kind}>
      <Row level={level} quantity={node.quantity}>
        {openable ? (
          <button
            type="button"
            className="text-ui-fg-muted w-4"
            aria-expanded={open}
            aria-label={`${open ? "Close" : "Open"} ${node.lot.lot_number}`}
            onClick={() => setOpen(!open)}
          >
            {open ? "▾" : "▸"}
          </button>
        ) : (
          level > 0 && <span className="text-ui-fg-muted w-4">└</span>
        )}
        <NodeLabel node={node} />
      </Row>
      {node.kind === "shipment" && (
        <ul>
          <li data-testid="trace-node" data-kind="customer">
            <Row level={level + 1} quantity={node.quantity}>
              <span className="text-ui-fg-muted w-4">└</span>
              <CustomerLabel {...shipmentCustomer(node)} />
            </Row>
          </li>
        </ul>
      )}
      {openable && open && <TraceChildren ctx={ctx} nodeLotId={node.lot.id} ancestors={[...ancestors, node.lot.id]} level={level + 1} first={first} />}
    </li>
  )
}

const Row = ({ level, quantity, children }: { level: number; quantity: number | null; children: ReactNode }) => (
  <div className="flex items-center justify-between gap-x-4 border-b border-dashed py-2" style={{ paddingLeft: `${level * 20}px` }}>
    <div className="flex min-w-0 items-center gap-x-2">{children}</div>
    <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
      {quantity === null ? null : units(quantity)}
    </Text>
  </div>
)

const CustomerLabel = ({ name, email }: { name: string; email: string | null }) => (
  <Text size="small" leading="compact" weight="plus" className="truncate">
    {name}
    {email && email !== name ? <span className="text-ui-fg-subtle font-normal"> · {email}</span> : null}
  </Text>
)

const NodeLabel = ({ node }: { node: Node }) => {
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
