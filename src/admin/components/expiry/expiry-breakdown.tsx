import { clx, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ExpirySummaryGroup } from "../../hooks/expiry"
import { NameCell } from "../common/name-cell"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"

export type BreakdownRow = { id: string; name: string; detail?: string | null } & ExpirySummaryGroup

const PAGE_SIZE = 10

/**
 * Units at risk per location or per product: expired and still on hand, then within each warning
 * window (cumulative, so the 90-day column includes the 30-day one). Ten rows a page; a row
 * chosen narrows the list of lots to it (chosen again, it lets go).
 */
export const ExpiryBreakdown = ({
  title,
  rows,
  windows,
  footnote,
  testId,
  selectedId,
  onSelect,
}: {
  title: string
  rows: BreakdownRow[]
  windows: number[]
  footnote?: string
  testId: string
  selectedId?: string
  onSelect: (id: string) => void
}) => {
  const [pageIndex, setPageIndex] = useState(0)
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE))
  const page = Math.min(pageIndex, pageCount - 1)
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
  return (
    <div className="flex flex-col" data-testid={testId}>
      <SectionHeader title={title} />
      {rows.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{title.replace(/^By /, "").replace(/^\w/, (c) => c.toUpperCase())}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Expired on hand</Table.HeaderCell>
              {windows.map((days) => (
                <Table.HeaderCell key={days} className="text-right">
                  ≤ {days} days
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {shown.map((row) => (
              <Table.Row
                key={row.id}
                onClick={() => onSelect(row.id)}
                aria-selected={row.id === selectedId}
                className={clx("cursor-pointer", row.id === selectedId && "bg-ui-bg-highlight")}
                data-testid="expiry-breakdown-row"
              >
                <Table.Cell>
                  <NameCell name={row.name} detail={row.detail} />
                </Table.Cell>
                <Table.Cell className={row.expired.quantity ? "text-ui-fg-error text-right" : "text-right"}>
                  {row.expired.quantity.toLocaleString()}
                </Table.Cell>
                {row.windows.map((w) => (
                  <Table.Cell key={w.days} className="text-right">
                    {w.quantity.toLocaleString()}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <SectionEmpty title="Nothing at risk">No stock is expired or inside a warning window.</SectionEmpty>
      )}
      {rows.length > PAGE_SIZE && (
        <Table.Pagination
          count={rows.length}
          pageSize={PAGE_SIZE}
          pageIndex={page}
          pageCount={pageCount}
          canPreviousPage={page > 0}
          canNextPage={page < pageCount - 1}
          previousPage={() => setPageIndex(page - 1)}
          nextPage={() => setPageIndex(page + 1)}
        />
      )}
      {footnote && (
        <Text size="xsmall" className="text-ui-fg-muted px-6 py-3">
          {footnote}
        </Text>
      )}
    </div>
  )
}
