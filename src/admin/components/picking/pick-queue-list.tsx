import { TriangleRightMini } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminPickQueueResponse } from "../../../api/admin/picking/types"
import { counted, formatDateTime } from "../../lib/format"
import { pickPagePath } from "../../lib/picking"
import type { Serialized } from "../../types"
import { SectionEmpty } from "../common/states"

type QueueOrder = Serialized<AdminPickQueueResponse>["orders"][number]


/** The orders to pick, oldest first, each a large row that opens the order's pick. */
export const PickQueueList = ({ orders, locationId }: { orders: QueueOrder[]; locationId: string }) => {
  if (!orders.length) {
    return <SectionEmpty title="Nothing to pick here">Orders appear when Medusa reserves their stock at this location.</SectionEmpty>
  }
  return (
    <ul className="divide-y" data-testid="pick-queue">
      {orders.map((order) => (
        <li key={order.order_id}>
          <Link
            to={pickPagePath(order.order_id, locationId)}
            className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex min-h-[64px] items-center gap-x-3 px-4 py-3 outline-none sm:px-6"
            data-testid="pick-queue-order"
            data-order-id={order.order_id}
          >
            <div className="flex min-w-0 flex-1 flex-col">
              <Text weight="plus" className="truncate">
                #{order.display_id ?? order.order_id}
                {order.customer ? ` · ${order.customer}` : ""}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {counted(order.lines, "line")}, {counted(order.units, "unit")} · placed {formatDateTime(order.created_at)}
              </Text>
            </div>
            <TriangleRightMini className="text-ui-fg-muted shrink-0" />
          </Link>
        </li>
      ))}
    </ul>
  )
}
