/** Statuses, kinds and reasons: each a constant object, its union type and its list of values. */
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
  // Someone deleted the reservation that holds the lot's unsellable units back (Medusa's
  // Reservations page); it was re-created.
  BLOCK_RESTORED: "block_restored",
  // The integrity repair set a number of the lot back to what its records say (see lot_correction).
  CORRECTED: "corrected",
  // A merchant corrected the lot's dates, supplier or notes; `data.changes` holds each field's old and new value.
  EDITED: "edited",
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

/** What a person or a job does to a lot's status. */
export const LotStatusAction = {
  RELEASE: "release",
  HOLD: "hold",
  REJECT: "reject",
  RECALL: "recall",
  EXPIRE: "expire",
} as const
export type LotStatusAction = (typeof LotStatusAction)[keyof typeof LotStatusAction]

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


/**
 * Who assigned a received lot's traceability lot code (FSMA 204): the supplier it came with, or us
 * as the receiver (21 CFR 1.1345(b): food from an exempt source that arrives without a code). A lot
 * we made (production, split) carries the code we assigned at that transformation.
 */
export const TlcAssignedBy = {
  SUPPLIER: "supplier",
  RECEIVER: "receiver",
} as const
export type TlcAssignedBy = (typeof TlcAssignedBy)[keyof typeof TlcAssignedBy]
export const TLC_ASSIGNERS = Object.values(TlcAssignedBy) as [TlcAssignedBy, ...TlcAssignedBy[]]

/** How a recall's customer was told. */
export const RecallNoticeMethod = {
  EMAIL: "email",
  PHONE: "phone",
  LETTER: "letter",
} as const
export type RecallNoticeMethod = (typeof RecallNoticeMethod)[keyof typeof RecallNoticeMethod]
export const RECALL_NOTICE_METHODS = Object.values(RecallNoticeMethod) as [RecallNoticeMethod, ...RecallNoticeMethod[]]

/** An entry of a recall's activity (`recall_action`). */
export const RecallActionType = {
  CUSTOMER_NOTIFIED: "customer_notified",
  NOTICE_WITHDRAWN: "notice_withdrawn",
  // Units of a recalled lot that came back or were destroyed outside a Medusa return.
  UNITS_RECOVERED: "units_recovered",
  // Units of a recalled lot written off from stock on the recall.
  UNITS_DISPOSED: "units_disposed",
} as const
export type RecallActionType = (typeof RecallActionType)[keyof typeof RecallActionType]
export const RECALL_ACTION_TYPES = Object.values(RecallActionType) as [RecallActionType, ...RecallActionType[]]

/**
 * Where one serialised unit is. Returned units wait for inspection before they are restocked or
 * scrapped; recalled means on hand and blocked by a recall.
 */
export const SerialStatus = {
  IN_STOCK: "in_stock",
  ALLOCATED: "allocated",
  SHIPPED: "shipped",
  RETURNED: "returned",
  SCRAPPED: "scrapped",
  RECALLED: "recalled",
} as const
export type SerialStatus = (typeof SerialStatus)[keyof typeof SerialStatus]
export const SERIAL_STATUSES = Object.values(SerialStatus) as [SerialStatus, ...SerialStatus[]]

/** What moves a serialised unit from one status to another. */
export const SerialStatusAction = {
  ALLOCATE: "allocate",
  DEALLOCATE: "deallocate",
  SHIP: "ship",
  UNSHIP: "unship",
  RETURN: "return",
  RESTOCK: "restock",
  SCRAP: "scrap",
  RECALL: "recall",
  CLOSE_RECALL: "close_recall",
} as const
export type SerialStatusAction = (typeof SerialStatusAction)[keyof typeof SerialStatusAction]
