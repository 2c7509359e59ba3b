import { ExclamationCircle } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { useItemLotSummary, type ItemLocationStock } from "../../hooks/variant-lots"
import { SectionError } from "../common/states"
import { UntrackedStockDrawer } from "./untracked-stock-drawer"

/**
 * Units Medusa counts at a location that no lot holds (stock from before lot tracking began, or
 * edited outside the plugin), with an "Assign to lot" action per location. Renders nothing while
 * every unit is in a lot.
 */
export const UntrackedStockSection = ({
  inventoryItemId,
  nameOf,
}: {
  inventoryItemId: string
  nameOf: (locationId: string) => string
}) => {
  const [assigning, setAssigning] = useState<ItemLocationStock | null>(null)
  const { data, error, refetch } = useItemLotSummary(inventoryItemId)
  const untracked = (data?.lot_summary.locations ?? []).filter((l) => l.untracked_quantity > 0)

  if (error) {
    return <SectionError error={error} onRetry={() => refetch()} />
  }
  if (!untracked.length) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="untracked-stock-section">
      {untracked.map((location) => (
        <div
          key={location.location_id}
          className="bg-ui-tag-orange-bg flex items-center justify-between gap-x-4 rounded-md px-3 py-2"
          data-testid="untracked-stock-row"
          data-location-id={location.location_id}
        >
          <div className="flex items-start gap-x-2">
            <ExclamationCircle className="text-ui-tag-orange-icon mt-0.5 shrink-0" />
            <Text size="small">
              <span className="font-medium">{nameOf(location.location_id)}</span>: {location.untracked_quantity}{" "}
              {location.untracked_quantity === 1 ? "unit is" : "units are"} in no lot (Medusa stocks {location.stocked_quantity},
              lots hold {location.lot_quantity}).
            </Text>
          </div>
          <Button size="small" variant="secondary" className="shrink-0" onClick={() => setAssigning(location)}>
            Assign to lot
          </Button>
        </div>
      ))}
      <UntrackedStockDrawer
        open={assigning !== null}
        onOpenChange={(open) => !open && setAssigning(null)}
        inventoryItemId={inventoryItemId}
        location={assigning}
        locationName={assigning ? nameOf(assigning.location_id) : ""}
      />
    </div>
  )
}
