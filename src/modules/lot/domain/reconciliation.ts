export type StockLevel = { inventory_item_id: string; location_id: string; stocked_quantity: number }
export type LotTotal = { inventory_item_id: string; location_id: string; quantity: number }

export type StockDrift = {
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
  lot_quantity: number
  /** Medusa stock not in any lot (negative: lots claim more than Medusa holds). */
  untracked_quantity: number
  /** Why, where the plugin knows a cause (e.g. Medusa restocked returned units a second time). */
  cause?: string
}

/** Units of a canceled fulfillment Medusa restocked although a return had already restocked them. */
export type DoubleRestockedUnits = { inventory_item_id: string; location_id: string; fulfillment_id: string; quantity: number }
/** Returned units Medusa restocked that no lot shipped on their line (see `lot_return_surplus`). */
export type ReturnSurplus = { inventory_item_id: string; location_id: string; quantity: number }

/** Units Medusa took off its stock for a fulfillment that never reached an order (its workflow stopped half-way). */
export type OrphanedFulfillmentUnits = { inventory_item_id: string; location_id: string; fulfillment_id: string; quantity: number }

/** What Medusa's own records say about a difference at one item and location. */
export type DriftCauses = {
  doubleRestocks?: DoubleRestockedUnits[]
  returnSurplus?: ReturnSurplus[]
  orphanedFulfillments?: OrphanedFulfillmentUnits[]
}

/** Why Medusa holds fewer than the lots, where fulfillments that never reached an order explain it exactly. */
function shortageCause(shortage: number, orphans: OrphanedFulfillmentUnits[]): string | undefined {
  const units = orphans.reduce((sum, o) => sum + o.quantity, 0)
  if (!units || units !== shortage) return undefined
  return (
    `Medusa took ${units} unit(s) off its stock for fulfillment ${orphans.map((o) => o.fulfillment_id).join(", ")}, which ` +
    `belongs to no order (the server stopped while creating it), so the units never left. Raise Medusa's stocked ` +
    `quantity here by ${units}, or delete the fulfillment.`
  )
}

/** Why Medusa holds more than the lots, where its own double counting explains it, or undefined. */
function surplusCause(restocks: DoubleRestockedUnits[], returnSurplus: ReturnSurplus[]): string | undefined {
  const twice = restocks.reduce((sum, r) => sum + r.quantity, 0)
  const unshipped = returnSurplus.reduce((sum, r) => sum + r.quantity, 0)
  const causes = [
    twice
      ? `Medusa restocked ${twice} unit(s) twice when fulfillment ${restocks.map((r) => r.fulfillment_id).join(", ")} was ` +
        `canceled after they already came back by a return; the lots count them once.`
      : "",
    unshipped
      ? `Medusa restocked ${unshipped} returned unit(s) that no lot shipped (their fulfillment was canceled after the ` +
        `return was requested, or they shipped before the item was lot-tracked).`
      : "",
  ].filter(Boolean)
  return causes.length ? `${causes.join(" ")} Count the shelf and correct Medusa's stocked quantity.` : undefined
}

/**
 * For every tracked item and location, compares Medusa's stocked quantity with the lot stock summed
 * over its lots. A location known to only one side counts as 0 on the other. Surplus Medusa stock
 * that units Medusa restocked twice or returned units no lot shipped explain, or a shortage that
 * fulfillments without an order explain, gets that as its `cause`.
 */
export function findStockDrift(
  trackedItemIds: Iterable<string>,
  levels: StockLevel[],
  lotTotals: LotTotal[],
  causes: DriftCauses = {}
): StockDrift[] {
  const tracked = new Set(trackedItemIds)
  const byKey = new Map<string, StockDrift>()
  const entry = (itemId: string, locationId: string) => {
    const key = `${itemId}\u0000${locationId}`
    let row = byKey.get(key)
    if (!row) {
      row = { inventory_item_id: itemId, location_id: locationId, stocked_quantity: 0, lot_quantity: 0, untracked_quantity: 0 }
      byKey.set(key, row)
    }
    return row
  }
  for (const level of levels) {
    if (tracked.has(level.inventory_item_id)) {
      entry(level.inventory_item_id, level.location_id).stocked_quantity += Number(level.stocked_quantity)
    }
  }
  for (const total of lotTotals) {
    if (tracked.has(total.inventory_item_id)) {
      entry(total.inventory_item_id, total.location_id).lot_quantity += Number(total.quantity)
    }
  }
  return [...byKey.values()]
    .map((row) => ({ ...row, untracked_quantity: row.stocked_quantity - row.lot_quantity }))
    .filter((row) => row.untracked_quantity !== 0)
    .map((row) => {
      const here = <T extends { inventory_item_id: string; location_id: string }>(list: T[] = []) =>
        list.filter((r) => r.inventory_item_id === row.inventory_item_id && r.location_id === row.location_id)
      const cause =
        row.untracked_quantity > 0
          ? surplusCause(here(causes.doubleRestocks), here(causes.returnSurplus))
          : shortageCause(-row.untracked_quantity, here(causes.orphanedFulfillments))
      return cause ? { ...row, cause } : row
    })
    .sort((a, b) =>
      a.inventory_item_id === b.inventory_item_id
        ? a.location_id.localeCompare(b.location_id)
        : a.inventory_item_id.localeCompare(b.inventory_item_id)
    )
}
