import { ExclamationCircle } from "@medusajs/icons"
import { Button, Container, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { usePickList } from "../../hooks/lots"
import { formatDay } from "../../lib/format"
import { pickPagePath } from "../../lib/picking"
import type { PickListLocation } from "../../types"
import { NameCell } from "../common/name-cell"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty, SectionError, SectionLoading } from "../common/states"
import { PickScanField } from "./pick-scan-field"

const LocationPicks = ({ orderId, location }: { orderId: string; location: PickListLocation }) => (
  <div data-testid="pick-list-location">
    <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-3 px-6 py-2">
      <Text size="small" weight="plus">
        {location.location_name ?? location.location_id}
      </Text>
      <Button size="small" variant="secondary" asChild>
        <Link to={pickPagePath(orderId, location.location_id)}>Pick here</Link>
      </Button>
    </div>
    <Table className="[&_td]:pr-4 [&_th]:pr-4">
      <Table.Body>
        {location.picks.map((pick) => (
          <Table.Row key={`${pick.line_item_id}-${pick.lot_id}`}>
            <Table.Cell className="py-2">
              <NameCell name={pick.title ?? "—"} detail={pick.sku} className="text-ui-fg-base" />
            </Table.Cell>
            <Table.Cell className="py-2">
              {/* Lot and expiry share a cell so the quantity stays on screen at phone width. */}
              <NameCell name={pick.lot_number} detail={`exp. ${formatDay(pick.expires_at)}`} className="text-ui-fg-base font-mono [overflow-wrap:anywhere]" />
            </Table.Cell>
            <Table.Cell className="text-ui-fg-base whitespace-nowrap text-right font-medium">× {pick.quantity}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  </div>
)

/**
 * What to pick for the order, location by location, lots in FEFO order (GET /admin/orders/:id/pick-list),
 * with a field to scan each picked lot (POST /admin/orders/:id/pick-scan).
 */
export const PickListSection = ({ orderId }: { orderId: string }) => {
  const { data, isLoading, error, refetch } = usePickList(orderId)

  return (
    <Container className="divide-y p-0" data-testid="pick-list-section">
      <SectionHeader title="Pick list" description="Open allocations to pick, by location, each item in its pick order (FEFO: earliest expiry first)" />
      {isLoading && <SectionLoading rows={3} />}
      {error && <SectionError error={error} onRetry={() => refetch()} />}
      {data && data.locations.length === 0 && data.shortfalls.length === 0 && (
        <SectionEmpty title="Nothing to pick">No open lot allocations: shipped, canceled or not lot-tracked.</SectionEmpty>
      )}
      {data && data.locations.length > 0 && <PickScanField orderId={orderId} />}
      {data?.locations.map((location) => <LocationPicks key={location.location_id} orderId={orderId} location={location} />)}
      {data && data.shortfalls.length > 0 && (
        <div className="flex flex-col gap-y-1 px-6 py-4" role="alert">
          {data.shortfalls.map((s, i) => (
            <div key={i} className="flex items-start gap-x-2">
              <ExclamationCircle className="text-ui-fg-error mt-0.5 shrink-0" />
              <Text size="small">
                Cannot pick {s.quantity} × {s.title ?? s.line_item_id}
                {s.reason ? `: ${s.reason}` : ""}
              </Text>
            </div>
          ))}
        </div>
      )}
    </Container>
  )
}
