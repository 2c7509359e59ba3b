import { ExclamationCircle } from "@medusajs/icons"
import { Container, Table, Text } from "@medusajs/ui"
import { useOrderLots } from "../../hooks/lots"
import type { OrderLotLine } from "../../types"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty, SectionError, SectionLoading } from "../common/states"
import { OrderLineRows } from "./order-line-rows"

const ShortfallWarnings = ({ lines }: { lines: OrderLotLine[] }) => {
  const warnings = lines.flatMap((line) => line.shortfalls.map((s, i) => ({ key: `${line.line_item_id}-${i}`, line, s })))
  if (!warnings.length) return null
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-lot-shortfalls">
      {warnings.map(({ key, line, s }) => (
        <div key={key} className="bg-ui-tag-red-bg flex items-start gap-x-2 rounded-md px-3 py-2" role="alert">
          <ExclamationCircle className="text-ui-fg-error mt-0.5 shrink-0" />
          <Text size="small">
            <span className="font-medium">{line.title}</span>: {s.quantity} {s.quantity === 1 ? "unit has" : "units have"} no
            eligible lot{s.reason ? ` (${s.reason})` : ""}. Receive or release stock; the line is allocated again.
          </Text>
        </div>
      ))}
    </div>
  )
}

/** Per order line: allocated lots, shipped lots, shortfall warnings (GET /admin/orders/:id/lots). */
export const OrderLotsSection = ({ orderId }: { orderId: string }) => {
  const { data, isLoading, error, refetch } = useOrderLots(orderId)
  const shortLines = data?.lines.filter((l) => l.shortfalls.length > 0).length ?? 0

  return (
    <Container className="divide-y p-0" data-testid="order-lots-section">
      <SectionHeader
        title="Lots"
        description={
          shortLines > 0
            ? `${shortLines} ${shortLines === 1 ? "line is" : "lines are"} short of eligible lots`
            : "Lots allocated to and shipped from each line"
        }
      />
      {isLoading && <SectionLoading rows={4} />}
      {error && <SectionError error={error} onRetry={() => refetch()} />}
      {data && data.lines.length === 0 && <SectionEmpty title="This order has no lines" />}
      {data && <ShortfallWarnings lines={data.lines} />}
      {data && data.lines.length > 0 && (
        <div className="overflow-x-auto">
          <Table className="[&_td]:pr-4 [&_th]:pr-4">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Item</Table.HeaderCell>
                <Table.HeaderCell>Lot</Table.HeaderCell>
                <Table.HeaderCell>Location</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
                <Table.HeaderCell>Expiry</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.lines.map((line) => (
                <OrderLineRows key={line.line_item_id} line={line} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
