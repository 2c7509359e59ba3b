import type { LotEventType } from "../modules/lot/types"

/**
 * Shapes of the lot-tracking admin API (src/api/admin/*) as the admin extensions read them.
 * Dates arrive as ISO strings.
 */

export const LOT_STATUSES = ["quarantine", "released", "on_hold", "rejected", "recalled", "expired"] as const
export type LotStatus = (typeof LOT_STATUSES)[number]

export const ALLOCATION_STRATEGIES = ["fefo", "fifo", "lifo"] as const
export type AllocationStrategy = (typeof ALLOCATION_STRATEGIES)[number]

export const ADJUSTMENT_REASONS = ["count", "scrap", "damage", "sample", "other"] as const
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]

/** Statuses a new lot may be received in. */
export const RECEIVE_STATUSES = ["released", "quarantine"] as const
export type ReceiveStatus = (typeof RECEIVE_STATUSES)[number]

export type LotStock = {
  id: string
  location_id: string
  quantity: number
  allocated_quantity: number
}

export type LotInventoryItem = {
  id: string
  title: string | null
  sku: string | null
}

export type Lot = {
  id: string
  lot_number: string
  inventory_item_id: string
  status: LotStatus
  manufactured_at: string | null
  expires_at: string | null
  best_before_at: string | null
  received_at: string
  supplier: string | null
  supplier_lot_number: string | null
  notes: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
  stock: LotStock[]
  /** Present when requested with `fields=+inventory_item.title,...`. */
  inventory_item?: LotInventoryItem | null
}

// The server's own list, so the timeline can never miss a kind of history entry.
export type { LotEventType }

export type LotEvent = {
  id: string
  lot_id: string
  type: LotEventType
  quantity: number
  location_id: string | null
  to_location_id: string | null
  from_status: string | null
  to_status: string | null
  actor_id: string | null
  reason: string | null
  note: string | null
  reference_type: string | null
  reference_id: string | null
  data: Record<string, unknown> | null
  created_at: string
}

export type LotWithEvents = Lot & { events: LotEvent[] }

export type LotListQuery = {
  q?: string
  inventory_item_id?: string
  location_id?: string
  status?: LotStatus[]
  limit: number
  offset: number
  order?: string
  fields?: string
}

export type LotListResponse = { lots: Lot[]; count: number; offset: number; limit: number }
export type LotResponse = { lot: LotWithEvents }

export type LotReceipt = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  location_id: string
  quantity: number
  created: boolean
  event_id: string
}
export type ReceiveLotResponse = { lot: Lot; receipt: LotReceipt }

export type LotStatusChange = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  from_status: LotStatus
  to_status: LotStatus
  event_id: string
}
export type LotStatusChangeResponse = { lot: Lot; status_change: LotStatusChange }
export type LotMutationResponse = { lot: Lot }

export type LotPolicy = {
  id: string | null
  inventory_item_id: string
  tracked: boolean
  strategy: AllocationStrategy
  shelf_life_days: number | null
  removal_lead_days: number
  min_remaining_shelf_life_days: number
  lot_number_template: string | null
  lot_number_pattern: string | null
}
export type LotPolicyResponse = { lot_policy: LotPolicy; default_lot_number_template: string }

export type OrderLotAllocation = {
  allocation_id: string
  lot_id: string
  lot_number: string
  lot_status: LotStatus
  expires_at: string | null
  location_id: string
  location_name: string | null
  quantity: number
  fulfillment_id: string | null
}

export type OrderLineShortfall = {
  quantity: number
  location_id: string
  reason: string | null
  recorded_at: string
}

export type OrderLotLine = {
  line_item_id: string
  title: string
  sku: string | null
  /** Ordered units; absent when the API could not read it. */
  quantity?: number | null
  allocated: OrderLotAllocation[]
  shipped: OrderLotAllocation[]
  shortfalls: OrderLineShortfall[]
}
export type OrderLotsResponse = { order_id: string; display_id: number | null; lines: OrderLotLine[] }

export type PickListEntry = {
  line_item_id: string
  title: string | null
  sku: string | null
  lot_id: string
  lot_number: string
  expires_at: string | null
  quantity: number
}
export type PickListLocation = { location_id: string; location_name: string | null; picks: PickListEntry[] }
export type PickListShortfall = {
  line_item_id: string
  title: string | null
  quantity: number
  location_id: string
  reason: string | null
}
export type PickListResponse = {
  order_id: string
  display_id: number | null
  locations: PickListLocation[]
  shortfalls: PickListShortfall[]
}

export type StockLocationSummary = { id: string; name: string }
export type StockLocationListResponse = { stock_locations: StockLocationSummary[]; count: number }

// Request bodies -------------------------------------------------------------------------------

export type ReceiveLotBody = {
  inventory_item_id: string
  location_id: string
  quantity: number
  lot_number?: string
  status?: ReceiveStatus
  manufactured_at?: string
  expires_at?: string
  supplier?: string
  supplier_lot_number?: string
}

export type LotPolicyBody = {
  tracked?: boolean
  strategy?: AllocationStrategy
  shelf_life_days?: number | null
  removal_lead_days?: number
  min_remaining_shelf_life_days?: number
  lot_number_template?: string | null
  lot_number_pattern?: string | null
}

export type HoldLotBody = { reason: string; note?: string }
export type RejectLotBody = { reason: string; note?: string }
export type ReleaseLotBody = { note?: string }

export type AdjustLotBody = {
  location_id: string
  reason: AdjustmentReason
  quantity_change?: number
  counted_quantity?: number
  note?: string
}

export type TransferLotBody = {
  from_location_id: string
  to_location_id: string
  quantity: number
  note?: string
}
