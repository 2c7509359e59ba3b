import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { usePickList } from "../hooks/lots"
import { counted } from "../lib/format"
import { pickPagePath } from "../lib/picking"

/**
 * Order page, top, on screens narrower than Medusa's two-column layout (a phone or a tablet):
 * where the order has units to pick, one tap opens its pick at that location. The pick list
 * itself sits below every other section of the order there.
 */
const OrderPickShortcutWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { data: pickList } = usePickList(data.id)
  const locations = pickList?.locations ?? []
  if (!locations.length) {
    return null
  }
  return (
    <Container className="flex flex-col divide-y p-0 xl:hidden" data-testid="order-pick-shortcut">
      {locations.map((location) => (
        <div key={location.location_id} className="flex items-center justify-between gap-x-3 px-6 py-3">
          <Text size="small">
            <span className="text-ui-fg-base font-medium">
              {counted(location.picks.reduce((sum, pick) => sum + pick.quantity, 0), "unit")} to pick
            </span>{" "}
            at {location.location_name ?? location.location_id}
          </Text>
          <Button size="small" asChild className="min-h-[44px] shrink-0 px-4">
            <Link to={pickPagePath(data.id, location.location_id)}>Pick</Link>
          </Button>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.before",
})

export default OrderPickShortcutWidget
