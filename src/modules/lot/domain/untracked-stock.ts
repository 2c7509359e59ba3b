/**
 * Untracked stock: units Medusa counts at a location that no lot holds (typically stock that was
 * on hand before lot tracking was turned on). Assigning them to a lot adds lot stock only; the
 * units already exist in Medusa's level.
 */

/** `reference_type` of the `received` lot event written when untracked units are put into a lot. */
export const UNTRACKED_ASSIGNMENT = "untracked_assignment"

/** Units Medusa stocks that no lot holds; never negative (lots claiming more is drift, not untracked stock). */
export function untrackedQuantity(stockedQuantity: number, lotQuantity: number): number {
  return Math.max(0, stockedQuantity - lotQuantity)
}

export type UntrackedAssignmentCheck = {
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
  lot_quantity: number
  quantity: number
}

/** Why `quantity` untracked units cannot be assigned, in words; null when they can. */
export function untrackedAssignmentProblem(check: UntrackedAssignmentCheck): string | null {
  const available = untrackedQuantity(check.stocked_quantity, check.lot_quantity)
  if (check.quantity <= available) {
    return null
  }
  const where = `of inventory item ${check.inventory_item_id} at location ${check.location_id}`
  const have = available === 0 ? `No units ${where} are untracked` : `Only ${available} unit(s) ${where} are untracked`
  return (
    `${have} (Medusa stocks ${check.stocked_quantity}, lots hold ${check.lot_quantity}); ` +
    `${check.quantity} cannot be assigned to a lot.`
  )
}

export type LocationLevel = { location_id: string; stocked_quantity: number }
export type LocationLotTotal = { location_id: string; quantity: number; allocated_quantity: number }

export type ItemLocationStock = {
  location_id: string
  /** Medusa's stocked quantity (0 where the item has no level). */
  stocked_quantity: number
  /** Units on hand in the item's lots, and the part of them allocated to orders. */
  lot_quantity: number
  allocated_quantity: number
  untracked_quantity: number
}

/**
 * One row per location known to Medusa's levels or to the item's lot stock, the two side by side;
 * a location known to only one side counts as 0 on the other. Sorted by location id.
 */
export function itemLocationStock(levels: LocationLevel[], lotTotals: LocationLotTotal[]): ItemLocationStock[] {
  const rows = new Map<string, ItemLocationStock>()
  const row = (locationId: string) => {
    let found = rows.get(locationId)
    if (!found) {
      found = { location_id: locationId, stocked_quantity: 0, lot_quantity: 0, allocated_quantity: 0, untracked_quantity: 0 }
      rows.set(locationId, found)
    }
    return found
  }
  for (const level of levels) {
    row(level.location_id).stocked_quantity += Number(level.stocked_quantity)
  }
  for (const total of lotTotals) {
    const target = row(total.location_id)
    target.lot_quantity += Number(total.quantity)
    target.allocated_quantity += Number(total.allocated_quantity)
  }
  return [...rows.values()]
    .map((r) => ({ ...r, untracked_quantity: untrackedQuantity(r.stocked_quantity, r.lot_quantity) }))
    .sort((a, b) => a.location_id.localeCompare(b.location_id))
}
