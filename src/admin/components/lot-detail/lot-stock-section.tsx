import { Container, Table } from "@medusajs/ui"
import { useStockLocations } from "../../hooks/stock-locations"
import { totals } from "../../lib/format"
import type { LotWithEvents } from "../../types"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"

/** The lot's stock per location: on hand, allocated to open orders, and free. */
export const LotStockSection = ({ lot }: { lot: LotWithEvents }) => {
  const { nameOf } = useStockLocations()
  const sum = totals(lot.stock)
  const rows = [...lot.stock].sort((a, b) => nameOf(a.location_id).localeCompare(nameOf(b.location_id)))
  return (
    <Container className="divide-y p-0" data-testid="lot-stock-section">
      <SectionHeader
        title="Stock by location"
        description={
          <>
            {sum.quantity} on hand, {sum.allocated} allocated to open orders
          </>
        }
      />
      {lot.stock.length === 0 ? (
        <SectionEmpty title="No stock">This lot has no stock at any location.</SectionEmpty>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Location</Table.HeaderCell>
              <Table.HeaderCell className="text-right">On hand</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Allocated</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Free</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>{nameOf(s.location_id)}</Table.Cell>
                <Table.Cell className="text-right">{s.quantity}</Table.Cell>
                <Table.Cell className="text-right">{s.allocated_quantity}</Table.Cell>
                <Table.Cell className="text-right">{s.quantity - s.allocated_quantity}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
