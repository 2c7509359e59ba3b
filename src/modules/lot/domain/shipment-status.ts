import { LotShipmentStatus, type LotShipmentSnapshot } from "../types"

/** What a fulfillment's dates say about where its units are; a cancel outranks everything. */
export function shipmentStatusOf(snapshot: Pick<LotShipmentSnapshot, "shipped_at" | "delivered_at" | "canceled_at">) {
  if (snapshot.canceled_at) return LotShipmentStatus.CANCELED
  if (snapshot.delivered_at) return LotShipmentStatus.DELIVERED
  if (snapshot.shipped_at) return LotShipmentStatus.SHIPPED
  return LotShipmentStatus.FULFILLED
}
