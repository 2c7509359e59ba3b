import { Container, Table } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { RecallDetail } from "../../hooks/recalls"
import { LotStatusBadge } from "../common/lot-status-badge"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty } from "../common/states"
import { counted } from "../../lib/format"

/** The recall's lots: those named and those made from them (generation), with quantities when it opened. */
export const RecallLotsSection = ({ recall }: { recall: RecallDetail }) => (
  <Container className="divide-y p-0" data-testid="recall-lots-section">
    <SectionHeader
      title="Lots"
      description={
        <>
          {counted(recall.lot_count, "lot")} as they stood when the recall opened
          {recall.lots.length < recall.lot_count ? ` (the first ${recall.lots.length} shown; the export has them all)` : ""}
        </>
      }
    />
    {recall.lots.length === 0 ? (
      <SectionEmpty title="No lots" />
    ) : (
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Lot</Table.HeaderCell>
              <Table.HeaderCell>In scope as</Table.HeaderCell>
              <Table.HeaderCell>Status before</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Received</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Shipped</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Returned</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Outstanding</Table.HeaderCell>
              <Table.HeaderCell className="text-right">On hand</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {recall.lots.map((lot) => (
              <Table.Row key={lot.id} data-testid="recall-lot-row" data-lot-number={lot.lot_number}>
                <Table.Cell>
                  <Link to={`/lots/${lot.lot_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus font-mono">
                    {lot.lot_number}
                  </Link>
                </Table.Cell>
                <Table.Cell>{lot.depth === 0 ? "Named in the recall" : `Made from it (generation ${lot.depth})`}</Table.Cell>
                <Table.Cell>
                  <LotStatusBadge status={lot.status_before} />
                </Table.Cell>
                <Table.Cell className="text-right">{lot.received_quantity}</Table.Cell>
                <Table.Cell className="text-right">{lot.shipped_quantity}</Table.Cell>
                <Table.Cell className="text-right">{lot.returned_quantity}</Table.Cell>
                <Table.Cell className="text-right">{lot.outstanding_quantity}</Table.Cell>
                <Table.Cell className="text-right">{lot.on_hand_quantity}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    )}
  </Container>
)
