import { Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { Lot } from "../../types"
import { ExpiryLabel } from "../common/expiry-label"
import { LotStatusBadge } from "../common/lot-status-badge"
import { LotActionsMenu } from "../lots/lot-actions-menu"

/**
 * One table row per stock location of a lot (one row when it has none). The lot's number,
 * status, expiry and actions show on its first row; the rows of one lot read as one block.
 */
export const ItemLotRows = ({ lot, nameOf }: { lot: Lot; nameOf: (locationId: string) => string }) => {
  const byName = [...lot.stock].sort((a, b) => nameOf(a.location_id).localeCompare(nameOf(b.location_id)))
  const stock = byName.length ? byName : [null]
  return (
    <>
      {stock.map((row, i) => {
        const first = i === 0
        const last = i === stock.length - 1
        return (
          <Table.Row
            key={row?.id ?? lot.id}
            className={last ? undefined : "border-b-0"}
            data-testid={first ? "item-lot-row" : "item-lot-row-more"}
            data-lot-number={lot.lot_number}
          >
            <Table.Cell className="py-2 align-top">
              {first && (
                <div className="flex flex-col items-start gap-y-1">
                  <Link
                    to={`/lots/${lot.id}`}
                    className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus break-words"
                  >
                    {lot.lot_number}
                  </Link>
                  <LotStatusBadge status={lot.status} />
                </div>
              )}
            </Table.Cell>
            <Table.Cell className="py-2 align-top">
              <Text size="small" leading="compact">
                {row ? nameOf(row.location_id) : "No stock"}
              </Text>
            </Table.Cell>
            <Table.Cell className="py-2 text-right align-top">
              <span className="tabular-nums">{row?.quantity ?? 0}</span>
            </Table.Cell>
            <Table.Cell className="py-2 text-right align-top">
              <span className="tabular-nums">{row?.allocated_quantity ?? 0}</span>
            </Table.Cell>
            <Table.Cell className="py-2 align-top">{first && <ExpiryLabel expiresAt={lot.expires_at} stacked />}</Table.Cell>
            <Table.Cell className="w-8 py-1 align-top">{first && <LotActionsMenu lot={lot} />}</Table.Cell>
          </Table.Row>
        )
      })}
    </>
  )
}
