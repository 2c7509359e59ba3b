import { Badge, Table } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SHIPMENT_STATUS_LABELS } from "../../lib/format"
import type { OrderLotAllocation, OrderLotLine } from "../../types"
import { ExpiryLabel } from "../common/expiry-label"
import { LotStatusBadge } from "../common/lot-status-badge"
import { NameCell } from "../common/name-cell"

type Entry = { allocation: OrderLotAllocation; shipped: boolean }

/**
 * The rows of one order line: one per allocated or fulfilled lot (fulfilled ones badged with
 * their fulfillment's state: awaiting shipping, shipped, delivered), the item
 * named on the first.
 * A line without lots gets one row saying so.
 */
export const OrderLineRows = ({ line }: { line: OrderLotLine }) => {
  const entries: Entry[] = [
    ...line.allocated.map((allocation) => ({ allocation, shipped: false })),
    ...line.shipped.map((allocation) => ({ allocation, shipped: true })),
  ]
  const ordered = typeof line.quantity === "number" && Number.isFinite(line.quantity) ? `${line.quantity} ordered` : null
  const item = (
    <NameCell name={line.title} detail={[line.sku, ordered].filter(Boolean).join(" · ")} weight="plus" className="text-ui-fg-base" />
  )

  if (!entries.length) {
    return (
      <Table.Row data-testid="order-lot-line">
        <Table.Cell className="py-2">{item}</Table.Cell>
        {/* A plain cell: Table.Cell's props do not include colSpan. */}
        <td className="text-ui-fg-muted h-12 py-2 pr-6" colSpan={4}>
          {line.shortfalls.length ? "No lot allocated" : "No lots: not lot-tracked, or not reserved yet"}
        </td>
      </Table.Row>
    )
  }

  return (
    <>
      {entries.map(({ allocation: a, shipped }, i) => (
        <Table.Row
          key={a.allocation_id}
          className={i < entries.length - 1 ? "border-b-0" : undefined}
          data-testid="order-lot-allocation"
          data-lot-number={a.lot_number}
        >
          <Table.Cell className="py-2 align-top">{i === 0 && item}</Table.Cell>
          <Table.Cell className="py-2 align-top">
            <div className="flex flex-col items-start gap-y-1">
              <Link
                to={`/lots/${a.lot_id}`}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus whitespace-nowrap"
              >
                {a.lot_number}
              </Link>
              {a.lot_status !== "released" && <LotStatusBadge status={a.lot_status} />}
              {shipped && (
                <Badge size="2xsmall" color={a.shipment_status === "fulfilled" ? "orange" : "green"} data-testid="order-lot-shipment-status">
                  {SHIPMENT_STATUS_LABELS[a.shipment_status ?? "fulfilled"]}
                </Badge>
              )}
            </div>
          </Table.Cell>
          <Table.Cell className="py-2 align-top">{a.location_name ?? a.location_id}</Table.Cell>
          <Table.Cell className="py-2 text-right align-top tabular-nums">{a.quantity}</Table.Cell>
          <Table.Cell className="py-2 align-top">
            <ExpiryLabel expiresAt={a.expires_at} stacked />
          </Table.Cell>
        </Table.Row>
      ))}
    </>
  )
}
