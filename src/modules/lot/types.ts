/** Lifecycle of a lot. Only RELEASED, unexpired stock may be allocated to an order. */
export const LotStatus = {
  QUARANTINE: "quarantine",
  RELEASED: "released",
  ON_HOLD: "on_hold",
  REJECTED: "rejected",
  RECALLED: "recalled",
  EXPIRED: "expired",
} as const
export type LotStatus = (typeof LotStatus)[keyof typeof LotStatus]
export const LOT_STATUSES = Object.values(LotStatus) as [LotStatus, ...LotStatus[]]

/** Order in which lots are picked for an order line. */
export const AllocationStrategy = {
  FEFO: "fefo",
  FIFO: "fifo",
  LIFO: "lifo",
} as const
export type AllocationStrategy = (typeof AllocationStrategy)[keyof typeof AllocationStrategy]
export const ALLOCATION_STRATEGIES = Object.values(AllocationStrategy) as [
  AllocationStrategy,
  ...AllocationStrategy[],
]

/** Life of a lot allocation: open until its units ship (fulfilled) or are given back (released). */
export const AllocationStatus = {
  OPEN: "open",
  FULFILLED: "fulfilled",
  RELEASED: "released",
  // The fulfillment that shipped these units was canceled before shipment; they went back to the lot.
  CANCELED: "canceled",
} as const
export type AllocationStatus = (typeof AllocationStatus)[keyof typeof AllocationStatus]
export const ALLOCATION_STATUSES = Object.values(AllocationStatus) as [AllocationStatus, ...AllocationStatus[]]

/** Kinds of entries in the append-only lot history. */
export const LotEventType = {
  RECEIVED: "received",
  ADJUSTED: "adjusted",
  SCRAPPED: "scrapped",
  TRANSFERRED_OUT: "transferred_out",
  TRANSFERRED_IN: "transferred_in",
  RELEASED: "released",
  HELD: "held",
  REJECTED: "rejected",
  ALLOCATED: "allocated",
  DEALLOCATED: "deallocated",
  SHIPPED: "shipped",
  FULFILLMENT_CANCELED: "fulfillment_canceled",
  RETURNED: "returned",
  // Returned units that sat in quarantine were inspected and put back into sellable stock.
  RETURN_RESTOCKED: "return_restocked",
  RECALLED: "recalled",
  EXPIRED: "expired",
  EXPIRY_WARNING: "expiry_warning",
  // Production and splits: units of an input lot used up, units of an output lot made.
  CONSUMED: "consumed",
  PRODUCED: "produced",
  // Written by a workflow's compensation when a change it made is undone.
  REVERTED: "reverted",
} as const
export type LotEventType = (typeof LotEventType)[keyof typeof LotEventType]
export const LOT_EVENT_TYPES = Object.values(LotEventType) as [LotEventType, ...LotEventType[]]

/** Where the units of a shipment link are: they left in a fulfillment, then shipped and arrived. */
export const LotShipmentStatus = {
  FULFILLED: "fulfilled",
  SHIPPED: "shipped",
  DELIVERED: "delivered",
  // The fulfillment was canceled before it shipped: kept for the history, left out of traces.
  CANCELED: "canceled",
} as const
export type LotShipmentStatus = (typeof LotShipmentStatus)[keyof typeof LotShipmentStatus]
export const LOT_SHIPMENT_STATUSES = Object.values(LotShipmentStatus) as [LotShipmentStatus, ...LotShipmentStatus[]]

/** A fulfillment as Medusa holds it now: who it went to and how far it got. */
export type LotShipmentSnapshot = {
  fulfillment_id: string
  customer_id: string | null
  customer_email: string | null
  customer_name: string | null
  ship_to: Record<string, unknown> | null
  fulfilled_at: Date | string
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  canceled_at: Date | string | null
}

export type LotShipmentRecord = {
  id: string
  status: LotShipmentStatus
  shipped_at: Date | null
  delivered_at: Date | null
  canceled_at: Date | null
}

/** A received return as Medusa restocked it: per line, the units restocked so far in all. */
export type BookReturnInput = {
  return_id: string
  order_id: string
  location_id: string
  /** Book the units as returned units awaiting inspection (the `return_to_quarantine` option). */
  quarantine: boolean
  lines: { line_item_id: string; inventory_item_id: string; units: number }[]
  actor_id?: string | null
}

export type BookedReturn = {
  return_id: string
  order_id: string
  location_id: string
  quarantined: boolean
  bookings: (import("./domain/return-plan").ReturnPlanEntry & { line_item_id: string })[]
  stock: LotStockChangeResult[]
  /** Units Medusa restocked that no shipment of the line explains (shipped before lots were tracked). */
  unmatched: { line_item_id: string; quantity: number }[]
}

export type OpenRecallInput = {
  lot_ids: string[]
  reason: string
  classification: RecallClassification
  public_notice?: string | null
  actor_id?: string | null
}

export type OpenedRecall = {
  id: string
  recall_number: string
  classification: RecallClassification
  /** Every lot in scope: the named ones and all made from them. */
  lot_ids: string[]
  /** Lots whose status the recall changed (to recalled), with the status they had. */
  status_changes: { lot_id: string; from_status: LotStatus }[]
  summary: import("./domain/recall-scope").RecallScopeSummary
}

/** How a child lot came from a parent: made from it (production) or split off it (repack, relabel). */
export const LotLineageKind = {
  PRODUCTION: "production",
  SPLIT: "split",
} as const
export type LotLineageKind = (typeof LotLineageKind)[keyof typeof LotLineageKind]
export const LOT_LINEAGE_KINDS = Object.values(LotLineageKind) as [LotLineageKind, ...LotLineageKind[]]

export const LotReturnStatus = {
  DESIGNATED: "designated",
  RECEIVED: "received",
} as const
export type LotReturnStatus = (typeof LotReturnStatus)[keyof typeof LotReturnStatus]
export const LOT_RETURN_STATUSES = Object.values(LotReturnStatus) as [LotReturnStatus, ...LotReturnStatus[]]

/** FDA recall classes: I may cause serious harm, II temporary or remote harm, III unlikely harm. */
export const RecallClassification = {
  CLASS_I: "I",
  CLASS_II: "II",
  CLASS_III: "III",
} as const
export type RecallClassification = (typeof RecallClassification)[keyof typeof RecallClassification]
export const RECALL_CLASSIFICATIONS = Object.values(RecallClassification) as [
  RecallClassification,
  ...RecallClassification[],
]

export const RecallStatus = {
  OPEN: "open",
  CLOSED: "closed",
} as const
export type RecallStatus = (typeof RecallStatus)[keyof typeof RecallStatus]
export const RECALL_STATUSES = Object.values(RecallStatus) as [RecallStatus, ...RecallStatus[]]

/** Why a counted correction was made. SCRAP and DAMAGE may only take stock away. */
export const AdjustmentReason = {
  COUNT: "count",
  SCRAP: "scrap",
  DAMAGE: "damage",
  SAMPLE: "sample",
  OTHER: "other",
} as const
export type AdjustmentReason = (typeof AdjustmentReason)[keyof typeof AdjustmentReason]
export const ADJUSTMENT_REASONS = Object.values(AdjustmentReason) as [
  AdjustmentReason,
  ...AdjustmentReason[],
]

export type LotModuleOptions = {
  /** Status of newly received lots when the request does not say: "released" (default) or "quarantine". */
  receive_status?: typeof LotStatus.RELEASED | typeof LotStatus.QUARANTINE
  /** Default plant and line codes for `{PLANT}` / `{LINE}` in lot-number templates. */
  plant_code?: string
  line_code?: string
  /** Returned units go into quarantine at the return's location until inspected (default true). */
  return_to_quarantine?: boolean
  /** Days before expiry at which `lot.expiring_soon` is emitted, once per window (default 90, 60, 30). */
  expiry_warning_days?: number[]
}

export type LotEventInput = {
  lot_id: string
  type: LotEventType
  quantity?: number
  location_id?: string | null
  to_location_id?: string | null
  from_status?: string | null
  to_status?: string | null
  actor_id?: string | null
  reason?: string | null
  note?: string | null
  reference_type?: string | null
  reference_id?: string | null
  data?: Record<string, unknown> | null
}

/** One change of a lot's on-hand quantity at a location: a signed delta or an absolute count. */
export type LotStockChange = {
  lot_id: string
  location_id: string
  /** Signed change in whole units. Exactly one of delta / counted_quantity. */
  delta?: number
  /** The quantity physically counted; the change is computed under the row lock. */
  counted_quantity?: number
  /** The units are returned ones awaiting inspection: they enter (delta > 0) or leave that pool too. */
  quarantined?: boolean
  event: Omit<LotEventInput, "lot_id" | "location_id" | "quantity">
}

export type LotStockChangeResult = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  location_id: string
  previous_quantity: number
  quantity: number
  delta: number
  quarantined: boolean
  event_id: string
}

export type ReceiveLotInput = {
  /** Add to this existing lot instead of creating one. */
  lot_id?: string
  lot_number?: string
  inventory_item_id: string
  location_id: string
  quantity: number
  status?: LotStatus
  manufactured_at?: Date | string | null
  expires_at?: Date | string | null
  best_before_at?: Date | string | null
  received_at?: Date | string | null
  supplier?: string | null
  supplier_lot_number?: string | null
  notes?: string | null
  metadata?: Record<string, unknown> | null
  actor_id?: string | null
  reference_type?: string | null
  reference_id?: string | null
  /** Plant and line codes for `{PLANT}` / `{LINE}` when the lot number is generated. */
  plant_code?: string | null
  line_code?: string | null
}

export type LotReceipt = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  location_id: string
  quantity: number
  created: boolean
  event_id: string
}

export type LotStatusChangeInput = {
  lot_id: string
  action: import("./domain/lot-status").LotStatusAction
  actor_id?: string | null
  reason?: string | null
  note?: string | null
  data?: Record<string, unknown> | null
}

export type LotStatusChange = {
  lot_id: string
  lot_number: string
  inventory_item_id: string
  from_status: LotStatus
  to_status: LotStatus
  event_id: string
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
  rules: Omit<import("./domain/allocation").AllocationRules, "ship_date"> & { ship_date: Date | string }
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

/** Untracked units (Medusa stocks them, no lot holds them) put into a new or existing lot. */
export type AssignUntrackedStockInput = ReceiveLotInput & {
  /** Medusa's stocked quantity at the location, read before; the assignment does not change it. */
  stocked_quantity: number
  /** The inventory level the units come from, kept as the history entry's reference. */
  inventory_level_id?: string | null
}

export type UntrackedStockAssignment = LotReceipt & {
  /** Untracked units left at the location after this assignment. */
  untracked_quantity: number
}
