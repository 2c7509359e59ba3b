import { counted } from "./words"

/** What of a recalled lot is still with customers, as the recall knows it. */
export type RecalledLotUnits = {
  lot_number: string
  /** Units with customers when the recall was opened. */
  outstanding_at_recall: number
  /** Units of the lot returned through Medusa since then. */
  returned_since: number
  /** Units recorded on the recall as recovered outside a return. */
  recorded_recovered: number
}

/** What one customer of the recall had of the lot when it opened, and what was recorded as recovered from them. */
export type RecalledCustomerUnits = { customer: string; outstanding_at_recall: number; recorded_recovered: number }

/** Units of the lot still with customers: what was out at the recall less what came back either way. */
export function unitsStillOut(lot: RecalledLotUnits): number {
  return Math.max(0, lot.outstanding_at_recall - lot.returned_since - lot.recorded_recovered)
}

/**
 * Why `quantity` units of the lot cannot be recorded as recovered (from `customer` when named), or
 * null when they can: no more than is still out there, nor more than that customer had.
 */
export function recoveryRefusal(lot: RecalledLotUnits, quantity: number, customer?: RecalledCustomerUnits): string | null {
  const out = unitsStillOut(lot)
  if (quantity > out) {
    const cameBack = lot.returned_since + lot.recorded_recovered
    return (
      `Lot ${lot.lot_number} has ${counted(out, "unit")} still with customers ` +
      `(${counted(lot.outstanding_at_recall, "unit")} when the recall opened, ${counted(cameBack, "unit")} back since): ` +
      `${counted(quantity, "unit")} cannot be recorded as recovered.`
    )
  }
  if (customer) {
    const left = Math.max(0, customer.outstanding_at_recall - customer.recorded_recovered)
    if (quantity > left) {
      if (customer.outstanding_at_recall === 0) {
        return `${customer.customer} had no units of lot ${lot.lot_number} when the recall opened.`
      }
      const had = `${customer.customer} had ${counted(customer.outstanding_at_recall, "unit")} of lot ${lot.lot_number} when the recall opened`
      const already = customer.recorded_recovered
        ? ` and ${counted(customer.recorded_recovered, "unit")} ${customer.recorded_recovered === 1 ? "is" : "are"} already recorded as recovered`
        : ""
      return `${had}${already}: ${counted(quantity, "unit")} cannot be recorded as recovered from them.`
    }
  }
  return null
}
