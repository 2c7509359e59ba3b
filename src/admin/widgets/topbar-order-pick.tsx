import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Button, DropdownMenu } from "@medusajs/ui"
import { Link, useMatch } from "react-router-dom"
import { usePickList } from "../hooks/lots"
import { counted } from "../lib/format"
import { pickPagePath } from "../lib/picking"
import type { PickListLocation } from "../types"

const unitsOf = (location: PickListLocation) => counted(location.picks.reduce((sum, pick) => sum + pick.quantity, 0), "unit")
const nameOf = (location: PickListLocation) => location.location_name ?? location.location_id

/** "Pick" for an order with units to pick: straight to its pick, or a choice of location when there are several. */
const OrderPickButton = ({ orderId }: { orderId: string }) => {
  const { data } = usePickList(orderId)
  const locations = data?.locations ?? []
  if (!locations.length) {
    return null
  }
  if (locations.length === 1) {
    const [location] = locations
    return (
      <Button size="small" asChild data-testid="topbar-order-pick">
        <Link to={pickPagePath(orderId, location.location_id)} title={`${unitsOf(location)} to pick at ${nameOf(location)}`}>
          Pick
        </Link>
      </Button>
    )
  }
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" data-testid="topbar-order-pick">
          Pick
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {locations.map((location) => (
          <DropdownMenu.Item key={location.location_id} asChild>
            <Link to={pickPagePath(orderId, location.location_id)}>
              {unitsOf(location)} at {nameOf(location)}
            </Link>
          </DropdownMenu.Item>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/**
 * The admin's top bar on an order page: "Pick" opens the order's pick on the Picking screen. On a
 * phone the order's own pick list sits below every other section of the page; the top bar is
 * always in view.
 */
const TopbarOrderPickWidget = () => {
  const orderId = useMatch("/orders/:id")?.params.id
  return orderId ? <OrderPickButton orderId={orderId} /> : null
}

export const config = defineWidgetConfig({
  zone: "topbar",
})

export default TopbarOrderPickWidget
