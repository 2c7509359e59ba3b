import type { HttpTypes } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import type { AdminLotPolicy } from "../api/admin/inventory-items/types"
import type { AdminAssignUntrackedStock, AdminUpsertLotPolicy } from "../api/admin/inventory-items/validators"
import type { AdminProduceLot, AdminSplitLot } from "../api/admin/lots/genealogy-validators"
import type { AdminLot, AdminLotDetail, AdminLotEvent, AdminLotListResponse, AdminLotScanResponse } from "../api/admin/lots/types"
import type {
  AdminAdjustLot,
  AdminEditLot,
  AdminHoldLot,
  AdminReceiveLot,
  AdminRejectLot,
  AdminReleaseLot,
  AdminTransferLot,
} from "../api/admin/lots/validators"
import type { AdminLotSupplier } from "../api/admin/lot-suppliers/types"
import type { AdminCreateLotSupplier } from "../api/admin/lot-suppliers/validators"
import type { AdminOrderLotAllocation, AdminOrderLotLine, AdminPickListLocation } from "../api/admin/orders/types"
import { LotStatus } from "../modules/lot/types"

/**
 * A response of the lot-tracking API (its types live beside the routes, src/api/admin/*) as the
 * admin receives it: parsed JSON, so the dates the handlers send arrive as ISO strings.
 */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Serialized<Item>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T

// The server's own lists, so a select, a filter or a label can never miss a value.
export { ADJUSTMENT_REASONS, ALLOCATION_STRATEGIES, LOT_STATUSES, TLC_ASSIGNERS } from "../modules/lot/types"
export type {
  AdjustmentReason, AllocationStrategy, EditableLotField, LotEditEventData, LotEventType, LotShipmentStatus, LotStatus, TlcAssignedBy,
} from "../modules/lot/types"

/** Statuses a new lot may be received in. */
export const RECEIVE_STATUSES = [LotStatus.RELEASED, LotStatus.QUARANTINE] as const
export type ReceiveStatus = (typeof RECEIVE_STATUSES)[number]

// What the components show, as received.
export type Lot = Serialized<AdminLot>
/** What the status, transfer and adjust drawers read of a lot: a whole lot, or a row of the Expiry page. */
export type LotStockSubject = Pick<Lot, "id" | "lot_number"> & {
  stock: Pick<Lot["stock"][number], "location_id" | "quantity" | "allocated_quantity">[]
}
export type LotEvent = Serialized<AdminLotEvent>
export type LotWithEvents = Serialized<AdminLotDetail>
export type LotListResponse = Serialized<AdminLotListResponse>
/** POST /admin/lots/scan's answer: the product and lot a scan names, or what to receive. */
export type LotScanAnswer = Serialized<AdminLotScanResponse>
export type LotPolicy = Serialized<AdminLotPolicy>
export type OrderLotAllocation = Serialized<AdminOrderLotAllocation>
export type OrderLotLine = Serialized<AdminOrderLotLine>
export type PickListLocation = Serialized<AdminPickListLocation>
export type LotSupplier = Serialized<AdminLotSupplier>
export type StockLocationSummary = Pick<HttpTypes.AdminStockLocation, "id" | "name">

/** GET /admin/lots's filters (its export takes the same): search, item, location, status, expiry window. */
export type LotListFilters = {
  q?: string
  inventory_item_id?: string
  location_id?: string[]
  status?: LotStatus[]
  /** From this day on (YYYY-MM-DD). */
  expires_after?: string
  /** Before this day (YYYY-MM-DD), not on it. */
  expires_before?: string
  /** Only lots with units on hand (at the filtered locations). */
  in_stock?: "true"
}

/** GET /admin/lots as the lot tables ask it: filters and page. */
export type LotListQuery = LotListFilters & {
  limit: number
  offset: number
  order?: string
  fields?: string
}

/** GET /admin/lot-suppliers: search and page. */
export type LotSupplierListQuery = { q?: string; limit: number; offset: number }

// Request bodies: what each route's validator accepts.
export type ReceiveLotBody = z.input<typeof AdminReceiveLot>
export type CreateLotSupplierBody = z.input<typeof AdminCreateLotSupplier>
export type LotPolicyBody = z.input<typeof AdminUpsertLotPolicy>
export type HoldLotBody = z.input<typeof AdminHoldLot>
export type RejectLotBody = z.input<typeof AdminRejectLot>
export type ReleaseLotBody = z.input<typeof AdminReleaseLot>
export type LotTestResult = NonNullable<ReleaseLotBody["test_results"]>[number]
export type AdjustLotBody = z.input<typeof AdminAdjustLot>
export type EditLotBody = z.input<typeof AdminEditLot>
export type TransferLotBody = z.input<typeof AdminTransferLot>
export type SplitLotBody = z.input<typeof AdminSplitLot>
export type ProduceLotBody = z.input<typeof AdminProduceLot>
/** Into an existing lot of the item (`lot_id`), or a new lot described like a receipt. */
export type AssignUntrackedStockBody = z.input<typeof AdminAssignUntrackedStock>
