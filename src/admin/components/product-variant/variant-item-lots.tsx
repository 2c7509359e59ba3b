import { StatusBadge, Table, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import type { ItemLotSummaryResponse } from "../../hooks/variant-lots"
import { LOT_STATUS_COLORS, LOT_STATUS_LABELS } from "../../lib/format"
import { LOT_STATUSES } from "../../types"
import { ExpiryLabel } from "../common/expiry-label"
import { LotStatusBadge } from "../common/lot-status-badge"
import { SectionEmpty, SectionError, SectionLoading } from "../common/states"

export type VariantInventoryItem = { id: string; title: string; sku: string | null; required_quantity: number }

const linkClass = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"

/**
 * One inventory item of a variant: its lots by status, the next to expire, lot stock per location
 * beside Medusa's (with units no lot holds), and the lots still holding units.
 */
export const VariantItemLots = ({
  item,
  summary,
  nameOf,
}: {
  item: VariantInventoryItem
  summary: UseQueryResult<ItemLotSummaryResponse>
  nameOf: (locationId: string) => string
}) => {
  const data = summary.data?.lot_summary
  const more = data ? data.lots_on_hand_count - data.lots_on_hand.length : 0
  return (
    <div className="flex flex-col" data-testid="variant-item-lots" data-inventory-item-id={item.id}>
      <div className="flex items-center justify-between gap-x-4 px-6 py-3">
        <div className="flex flex-col">
          <Link to={`/inventory/${item.id}`} className={linkClass}>
            {item.title}
          </Link>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {[item.sku, item.required_quantity > 1 ? `${item.required_quantity} per variant` : null].filter(Boolean).join(" · ") ||
              "Inventory item"}
          </Text>
        </div>
        {data && data.lot_count > 0 && (
          <div className="flex flex-wrap justify-end gap-1" data-testid="variant-lot-status-counts">
            {LOT_STATUSES.filter((s) => data.lots_by_status[s] > 0).map((status) => (
              <StatusBadge key={status} color={LOT_STATUS_COLORS[status]} data-lot-status={status} className="whitespace-nowrap">
                {LOT_STATUS_LABELS[status]}: {data.lots_by_status[status]}
              </StatusBadge>
            ))}
          </div>
        )}
      </div>
      {summary.isLoading && <SectionLoading rows={2} />}
      {summary.error && <SectionError error={summary.error} onRetry={() => summary.refetch()} />}
      {data && data.lot_count === 0 && (
        <SectionEmpty title="No lots yet">Receive stock into lots on the inventory item to see them here.</SectionEmpty>
      )}
      {data && data.lot_count > 0 && (
        <>
          <div className="flex items-center gap-x-2 px-6 pb-3" data-testid="variant-next-expiry">
            <Text size="small" className="text-ui-fg-subtle">
              Next expiry:
            </Text>
            {data.next_expiry ? (
              <>
                <Link to={`/lots/${data.next_expiry.id}`} className={linkClass}>
                  {data.next_expiry.lot_number}
                </Link>
                <ExpiryLabel expiresAt={data.next_expiry.expires_at} />
              </>
            ) : (
              <Text size="small">none with stock on hand</Text>
            )}
          </div>
          {data.locations.length > 0 && (
            <Table className="[&_td]:pr-4 [&_th]:pr-4">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Location</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">On hand in lots</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Allocated</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">In no lot</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.locations.map((l) => (
                  <Table.Row key={l.location_id} data-testid="variant-lot-location-row">
                    <Table.Cell>{nameOf(l.location_id)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{l.lot_quantity}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{l.allocated_quantity}</Table.Cell>
                    <Table.Cell className={`text-right tabular-nums ${l.untracked_quantity > 0 ? "text-ui-fg-error" : ""}`}>
                      {l.untracked_quantity || "—"}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {data.lots_on_hand.length > 0 && (
            <Table className="[&_td]:pr-4 [&_th]:pr-4">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Lot on hand</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">On hand</Table.HeaderCell>
                  <Table.HeaderCell>Expiry</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.lots_on_hand.map((lot) => (
                  <Table.Row key={lot.id} data-testid="variant-lot-row" data-lot-number={lot.lot_number}>
                    <Table.Cell>
                      <Link to={`/lots/${lot.id}`} className={`${linkClass} break-words`}>
                        {lot.lot_number}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      <LotStatusBadge status={lot.status} />
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{lot.quantity}</Table.Cell>
                    <Table.Cell>
                      <ExpiryLabel expiresAt={lot.expires_at} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {more > 0 && (
            <div className="px-6 py-3">
              <Link to={`/inventory/${item.id}`} className={linkClass}>
                {more} more {more === 1 ? "lot" : "lots"} on hand — see the inventory item
              </Link>
            </div>
          )}
        </>
      )}
    </div>
  )
}
