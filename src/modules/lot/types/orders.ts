import type { AllocationStrategy } from "./statuses"

export type AllocationRules = {
  strategy: AllocationStrategy
  /** When the order is expected to ship; lots must still be good then. */
  ship_date: Date
  min_remaining_shelf_life_days: number
  removal_lead_days: number
}

/** One reserved order line of a lot-tracked item at one location, to be covered by lots. */
export type OrderLineDemand = {
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  /** Units the line holds reserved at the location; what open allocations should add up to. */
  quantity: number
  // Dates arrive as ISO strings once a workflow has checkpointed its data.
  rules: Omit<AllocationRules, "ship_date"> & { ship_date: Date | string }
  /** Lots a host app ruled out for this line (see the allocation workflow's hook). */
  excluded_lot_ids?: string[]
}

export type AllocatedLot = { allocation_id: string; lot_id: string; lot_number: string; quantity: number }

export type OrderLineAllocation = {
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  allocations: AllocatedLot[]
  shortfall: number
  shortfall_id: string | null
  shortfall_reason: string | null
  /** Shortfalls of this line recorded earlier and now covered (for compensation). */
  resolved_shortfall_ids: string[]
  /** Allocations given back because the line now needs fewer units here (lowered or removed). */
  released: ReleasedAllocation[]
}

export type ReleasedAllocation = {
  allocation_id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  lot_id: string
  location_id: string
  quantity: number
}

/** What a picker says was picked for a line: a lot by id or number, and how many. */
export type LotPickInput = { line_item_id: string; lot_id?: string; lot_number?: string; quantity: number }

export type FulfillmentLineInput = {
  line_item_id: string
  /** How the line is named in refusals (SKU or title). */
  label?: string
  inventory_item_id: string
  quantity: number
  rules: OrderLineDemand["rules"]
  picks?: LotPickInput[]
}

export type FulfillLotsInput = {
  order_id: string
  fulfillment_id: string
  location_id: string
  lines: FulfillmentLineInput[]
}

export type FulfilledLot = {
  allocation_id: string
  line_item_id: string
  lot_id: string
  lot_number: string
  location_id: string
  quantity: number
}

export type FulfillLotsResult = {
  order_id: string
  fulfillment_id: string
  location_id: string
  fulfilled: FulfilledLot[]
  released: ReleasedAllocation[]
}
