import { Plus } from "@medusajs/icons"
import { Button, Container, Table } from "@medusajs/ui"
import { useState } from "react"
import { useSearchParams } from "react-router-dom"
import { useLotPolicy, useLots } from "../../hooks/lots"
import { useStockLocations } from "../../hooks/stock-locations"
import { totals } from "../../lib/format"
import { RECEIVE_CODE_PARAM } from "../../lib/lot-scan-answer"
import { SectionHeader } from "../common/section-header"
import { SectionEmpty, SectionError, SectionLoading } from "../common/states"
import { ItemLotRows } from "./item-lot-rows"
import { ProduceLotDrawer } from "./produce-lot-drawer"
import { ReceiveLotDrawer } from "./receive-lot-drawer"
import { UntrackedStockSection } from "./untracked-stock-section"

const PAGE_SIZE = 10

/**
 * The item's lots, earliest expiry first, with "Receive lot" and "Record production" forms and per-lot actions. A code in
 * the address (`?receive_code=`, from the Lots page's scan of a lot not received yet) opens the
 * form filled from it once the item is lot-tracked.
 */
export const ItemLotsSection = ({ inventoryItemId }: { inventoryItemId: string }) => {
  const [pageIndex, setPageIndex] = useState(0)
  const [receiving, setReceiving] = useState(false)
  const [producing, setProducing] = useState(false)
  const [params, setParams] = useSearchParams()
  const receiveCode = params.get(RECEIVE_CODE_PARAM) ?? undefined
  const { data: policyData } = useLotPolicy(inventoryItemId)
  const { nameOf } = useStockLocations()
  const { data, isLoading, error, refetch } = useLots({
    inventory_item_id: inventoryItemId,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    order: "expires_at",
  })
  const tracked = policyData?.lot_policy.tracked ?? false
  const onReceiveOpenChange = (open: boolean) => {
    setReceiving(open)
    // The code is a one-off: once the form closes, a reload should not open it again.
    if (!open && receiveCode) {
      const rest = new URLSearchParams(params)
      rest.delete(RECEIVE_CODE_PARAM)
      setParams(rest, { replace: true })
    }
  }
  const lots = data?.lots ?? []
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const onPage = totals(lots.flatMap((l) => l.stock))

  return (
    <Container className="divide-y p-0" data-testid="item-lots-section">
      <SectionHeader
        title="Lots"
        description={
          data && (
            <>
              {count} {count === 1 ? "lot" : "lots"}
              {count > 0 && count <= PAGE_SIZE && ` · ${onPage.quantity} on hand, ${onPage.allocated} allocated`}
            </>
          )
        }
        className="flex-wrap gap-2"
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Button size="small" variant="secondary" onClick={() => setProducing(true)} disabled={!tracked}>
              Record production
            </Button>
            <Button size="small" variant="secondary" onClick={() => setReceiving(true)} disabled={!tracked}>
              <Plus />
              Receive lot
            </Button>
          </div>
        }
      />
      {tracked && <UntrackedStockSection inventoryItemId={inventoryItemId} nameOf={nameOf} />}
      {isLoading && <SectionLoading rows={4} />}
      {error && <SectionError error={error} onRetry={() => refetch()} />}
      {data && count === 0 && (
        <SectionEmpty title="No lots yet">
          {tracked
            ? "Receive stock of this item into a lot to see it here."
            : "Turn on lot tracking in the policy above, then receive stock as lots."}
        </SectionEmpty>
      )}
      {data && count > 0 && (
        <div className="overflow-x-auto">
          <Table className="[&_td]:pr-4 [&_th]:pr-4">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Lot</Table.HeaderCell>
                <Table.HeaderCell>Location</Table.HeaderCell>
                <Table.HeaderCell className="text-right">On hand</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Allocated</Table.HeaderCell>
                <Table.HeaderCell>Expiry</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="sr-only">Actions</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {lots.map((lot) => (
                <ItemLotRows key={lot.id} lot={lot} nameOf={nameOf} />
              ))}
            </Table.Body>
          </Table>
          {count > PAGE_SIZE && (
            <Table.Pagination
              count={count}
              pageSize={PAGE_SIZE}
              pageIndex={pageIndex}
              pageCount={pageCount}
              canPreviousPage={pageIndex > 0}
              canNextPage={pageIndex + 1 < pageCount}
              previousPage={() => setPageIndex((i) => Math.max(0, i - 1))}
              nextPage={() => setPageIndex((i) => Math.min(pageCount - 1, i + 1))}
            />
          )}
        </div>
      )}
      <ProduceLotDrawer open={producing} onOpenChange={setProducing} inventoryItemId={inventoryItemId} />
      <ReceiveLotDrawer
        open={receiving || (tracked && !!receiveCode)}
        onOpenChange={onReceiveOpenChange}
        inventoryItemId={inventoryItemId}
        initialCode={receiveCode}
      />
    </Container>
  )
}
