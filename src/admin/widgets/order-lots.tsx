import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { OrderLotsSection } from "../components/order/order-lots-section"
import { PickListSection } from "../components/order/pick-list-section"
import { useFollowMedusaChanges } from "../hooks/medusa-refresh"

/** Order page: the lots allocated to and shipped from each line, shortfalls, and the pick list. */
const OrderLotsWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  useFollowMedusaChanges()
  return (
    <div className="flex flex-col gap-y-3" data-testid="order-lots-widget">
      <OrderLotsSection orderId={data.id} />
      <PickListSection orderId={data.id} />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderLotsWidget
