import type { LotReceipt } from "./types"

/** Events the lot module's workflows emit; payloads carry ids (`id` is the lot id). */
export const LotEvents = {
  RECEIVED: "lot.received",
  ADJUSTED: "lot.adjusted",
  TRANSFERRED: "lot.transferred",
  POLICY_UPDATED: "lot.policy_updated",
  STATUS_CHANGED: "lot.status_changed",
  // A merchant corrected the lot's dates, supplier or notes; `fields` names what changed.
  EDITED: "lot.edited",
  ALLOCATED: "lot.allocated",
  ALLOCATION_SHORTFALL: "lot.allocation_shortfall",
  EXPIRED: "lot.expired",
  RETURNED: "lot.returned",
  RETURN_INSPECTED: "lot.return_inspected",
  // `id` is the recall id here; the payload lists the lots in scope.
  RECALL_CREATED: "lot.recall_created",
  RECALL_CLOSED: "lot.recall_closed",
  // Genealogy: an output lot made from input lots; a lot split into child lots.
  PRODUCED: "lot.produced",
  SPLIT: "lot.split",
  EXPIRING_SOON: "lot.expiring_soon",
  // Supplier master data; `id` is the supplier id.
  SUPPLIER_CREATED: "lot.supplier_created",
  SUPPLIER_UPDATED: "lot.supplier_updated",
  SUPPLIER_DELETED: "lot.supplier_deleted",
  // The integrity repair found invariants that did not hold; no `id`: the payload lists the findings.
  DRIFT_DETECTED: "lot.drift_detected",
} as const
export type LotEventName = (typeof LotEvents)[keyof typeof LotEvents]

/** The `lot.received` payload of one receipt (a new lot or units added to one). */
export function lotReceivedPayload(receipt: LotReceipt) {
  return {
    id: receipt.lot_id,
    lot_number: receipt.lot_number,
    inventory_item_id: receipt.inventory_item_id,
    location_id: receipt.location_id,
    quantity: receipt.quantity,
    created: receipt.created,
  }
}
