import { PencilSquare } from "@medusajs/icons"
import { Badge, Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { useLotPolicy } from "../../hooks/lots"
import { STRATEGY_LABELS } from "../../lib/format"
import { SectionHeader } from "../common/section-header"
import { SectionRow } from "../common/section-row"
import { SectionError, SectionLoading } from "../common/states"
import { LotPolicyDrawer } from "./lot-policy-drawer"

const days = (value: number | null) => (value === null ? "—" : `${value} ${value === 1 ? "day" : "days"}`)

/** How the item is lot-tracked, with an edit form. */
export const LotPolicySection = ({ inventoryItemId }: { inventoryItemId: string }) => {
  const { data, isLoading, error, refetch } = useLotPolicy(inventoryItemId)
  const [editing, setEditing] = useState(false)
  const policy = data?.lot_policy

  return (
    <Container className="divide-y p-0" data-testid="lot-policy-section">
      <SectionHeader
        title="Lot tracking"
        badge={
          policy ? (
            <Badge size="2xsmall" color={policy.tracked ? "green" : "grey"} data-testid="lot-policy-tracked">
              {policy.tracked ? "Tracked" : "Not tracked"}
            </Badge>
          ) : null
        }
        actions={
          <Button size="small" variant="secondary" onClick={() => setEditing(true)} disabled={!policy}>
            <PencilSquare />
            Edit policy
          </Button>
        }
      />
      {isLoading && <SectionLoading rows={4} />}
      {error && <SectionError error={error} onRetry={() => refetch()} />}
      {policy && !policy.tracked && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            This item's stock is not tracked in lots. Turn tracking on to receive stock as lots with expiry dates
            and to allocate orders from released, unexpired lots.
          </Text>
        </div>
      )}
      {policy?.tracked && (
        <>
          <SectionRow title="Allocation strategy" value={STRATEGY_LABELS[policy.strategy]} />
          <SectionRow title="Shelf life" value={days(policy.shelf_life_days)} />
          <SectionRow title="Min. remaining shelf life at shipment" value={days(policy.min_remaining_shelf_life_days)} />
          <SectionRow title="Removal lead time" value={days(policy.removal_lead_days)} />
          <SectionRow
            title="Lot number template"
            value={policy.lot_number_template ?? `${data?.default_lot_number_template ?? ""} (default)`}
          />
          {policy.lot_number_pattern && <SectionRow title="Lot number pattern" value={policy.lot_number_pattern} />}
        </>
      )}
      {policy && data && (
        <LotPolicyDrawer
          open={editing}
          onOpenChange={setEditing}
          inventoryItemId={inventoryItemId}
          policy={policy}
          defaultTemplate={data.default_lot_number_template}
        />
      )}
    </Container>
  )
}
