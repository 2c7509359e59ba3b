import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Scan } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useEffect } from "react"
import { useSearchParams } from "react-router-dom"
import { SelectField } from "../../components/common/form-field"
import { SectionHeader } from "../../components/common/section-header"
import { SectionError, SectionLoading } from "../../components/common/states"
import { PickQueueList } from "../../components/picking/pick-queue-list"
import { usePickQueue } from "../../hooks/picking"
import { useStockLocations } from "../../hooks/stock-locations"
import { useFollowMedusaChanges } from "../../hooks/medusa-refresh"

/**
 * Picking, for a handheld scanner first: choose the stock location (kept in the address as
 * `?location_id=`), then the orders with units to pick there, oldest first.
 */
const PickingPage = () => {
  useFollowMedusaChanges()
  const [params, setParams] = useSearchParams()
  const { locations, isLoading: locationsLoading, error: locationsError } = useStockLocations()
  const locationId = params.get("location_id")
  const { data, isLoading, error, refetch } = usePickQueue(locationId)

  // The first location until the picker chooses one; replaced, so Back leaves the page.
  useEffect(() => {
    if (!locationId && locations.length) setParams({ location_id: locations[0].id }, { replace: true })
  }, [locationId, locations, setParams])

  return (
    <div className="flex flex-col gap-y-3" data-testid="picking-page">
      <Container className="divide-y p-0">
        <SectionHeader title="Picking" level="h1" description="Orders with units to pick at the location, oldest first" className="px-4 sm:px-6" />
        <div className="px-4 py-4 sm:px-6">
          <SelectField
            id="picking-location"
            label="Location"
            value={locationId ?? ""}
            onValueChange={(id) => setParams({ location_id: id })}
            options={locations.map((l) => ({ value: l.id, label: l.name }))}
            placeholder={locationsLoading ? "Loading locations…" : "Choose a location"}
          />
        </div>
        {locationsError ? (
          <SectionError error={locationsError} />
        ) : error ? (
          <SectionError error={error} onRetry={() => refetch()} />
        ) : isLoading || !data || !locationId ? (
          <SectionLoading />
        ) : (
          <PickQueueList orders={data.orders} locationId={locationId} />
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Picking",
  icon: Scan,
})

export const handle = {
  breadcrumb: () => "Picking",
}

export default PickingPage
