import type { InferTypeOf } from "@medusajs/framework/types"
import type { LotShipmentStatus, LotStatus } from "../../../modules/lot"
import type { TraceReport } from "../../../modules/lot/domain/trace-report"
import type { LotAllocationShortfall } from "../../../modules/lot/models"
import type { PickByScanResult } from "../../../workflows/pick-by-scan"
import type { OrderLines } from "../../../workflows/steps/lookups/order-lots"

// Responses of /admin/orders/:id/*, as the handlers send them (the admin reads them with dates as ISO strings).

type OrderNumber = { order_id: string; display_id: OrderLines["display_id"] }

/** Units of one lot allocated to (or shipped for) an order line at a location. */
export type AdminOrderLotAllocation = {
  allocation_id: string
  lot_id: string
  lot_number: string
  lot_status: LotStatus
  expires_at: Date | null
  location_id: string
  location_name: string | null
  quantity: number
  fulfillment_id: string | null
  /** For units already fulfilled: whether their fulfillment awaits shipping, shipped or was delivered. */
  shipment_status: LotShipmentStatus | null
}

export type AdminOrderLineShortfall = Pick<InferTypeOf<typeof LotAllocationShortfall>, "quantity" | "location_id" | "reason"> & {
  recorded_at: Date
}

export type AdminOrderLotLine = {
  line_item_id: string
  title: string
  sku: string | null
  /** Units ordered. */
  quantity: number
  allocated: AdminOrderLotAllocation[]
  shipped: AdminOrderLotAllocation[]
  shortfalls: AdminOrderLineShortfall[]
}

export type AdminOrderLotsResponse = OrderNumber & { lines: AdminOrderLotLine[] }

/** One lot to pick for a line, in the order the item's allocation strategy takes lots. */
export type AdminPickListEntry = {
  line_item_id: string
  title: string | null
  sku: string | null
  lot_id: string
  lot_number: string
  expires_at: Date | null
  quantity: number
}
export type AdminPickListLocation = { location_id: string; location_name: string | null; picks: AdminPickListEntry[] }
export type AdminPickListShortfall = Pick<AdminOrderLineShortfall, "quantity" | "location_id" | "reason"> & {
  line_item_id: string
  title: string | null
}
export type AdminOrderPickListResponse = OrderNumber & {
  locations: AdminPickListLocation[]
  shortfalls: AdminPickListShortfall[]
}

/** The scanned lot confirmed for the line, or the line moved onto it. */
export type AdminOrderPickScanResponse = PickByScanResult

export type AdminOrderTraceResponse = OrderNumber & { trace: TraceReport }
