import { Table, Text } from "@medusajs/ui"
import type { ExpirySummaryGroup } from "../../hooks/expiry"
import { NameCell } from "../common/name-cell"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"

export type BreakdownRow = { id: string; name: string; detail?: string | null } & ExpirySummaryGroup

/**
 * Units at risk per location or per product: expired and still on hand, then within each warning
 * window (cumulative, so the 90-day column includes the 30-day one).
 */
export const ExpiryBreakdown = ({
  title,
  rows,
  windows,
  footnote,
  testId,
}: {
  title: string
  rows: BreakdownRow[]
  windows: number[]
  footnote?: string
  testId: string
}) => (
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
          {rows.map((row) => (
            <Table.Row key={row.id}>
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
    {footnote && (
      <Text size="xsmall" className="text-ui-fg-muted px-6 py-3">
        {footnote}
      </Text>
    )}
  </div>
)
