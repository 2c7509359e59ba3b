import { MedusaError } from "@medusajs/framework/utils"

// lot_stock quantities are int4; refuse in words rather than let PostgreSQL overflow.
export const MAX_LOT_STOCK = 2_147_483_647

/** `quantity` if a lot may hold it at one location; INVALID_DATA naming the lot otherwise. */
export function withinStorableRange(lotNumber: string, quantity: number): number {
  if (quantity > MAX_LOT_STOCK) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Lot ${lotNumber} would hold ${quantity} units at one location; at most ${MAX_LOT_STOCK} can be stored.`
    )
  }
  return quantity
}

/** Refuses (INVALID_DATA) a quantity that is not a whole number of units (positive, when asked). */
export function requireWholeUnits(value: number, field: string, { positive }: { positive: boolean }): void {
  if (!Number.isSafeInteger(value) || (positive ? value <= 0 : value < 0 && field === "counted_quantity")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must be a ${positive ? "positive " : ""}whole number of units; got ${value}.`
    )
  }
}
