/**
 * What Medusa restocks when it confirms a return receipt, worked out the way Medusa's
 * `confirmReturnReceiveWorkflow` does it (core-flows `order/workflows/return/confirm-receive-return-request`),
 * so lots follow Medusa's shelf exactly:
 * - each confirmed receive session counts only the units received in it (Medusa then overwrites
 *   the return item's `received_quantity` with that session's number, so it cannot be summed);
 * - damaged units are not restocked;
 * - Medusa restocks per inventory item: an item shared by several variants of the return (two
 *   variants of one item, or kits) is restocked only for the first of them in the return that
 *   has a level at the return's location; the other variants' units of that item are not restocked.
 */

/** A variant's inventory item as the return reads it: units per variant, locations with a level. */
export type ReturnItemInventory = { inventory_item_id: string; required_quantity: number; location_ids: string[] }

/** One line of a return, in the order Medusa lists the return's items. */
export type ReturnedLineItem = {
  line_item_id: string
  variant_id: string | null
  manage_inventory: boolean
  inventory_items: ReturnItemInventory[]
}

/** Units received undamaged in one confirmed receive session (Medusa's `RECEIVE_RETURN_ITEM` actions). */
export type ReturnReceiveSession = { received: { line_item_id: string; quantity: number }[] }

/** Units of one inventory item Medusa restocked for one order line, over all sessions. */
export type RestockedReturnLine = { line_item_id: string; inventory_item_id: string; units: number }

/** Which variant's units restock each inventory item, and how many units of the item per variant. */
function restockingVariants(locationId: string, items: ReturnedLineItem[]) {
  const owners = new Map<string, { variant_id: string; required_quantity: number }>()
  for (const item of items) {
    if (!item.manage_inventory || !item.variant_id) continue
    for (const link of item.inventory_items) {
      if (!link.location_ids.includes(locationId) || owners.has(link.inventory_item_id)) continue
      owners.set(link.inventory_item_id, { variant_id: item.variant_id, required_quantity: link.required_quantity })
    }
  }
  return owners
}

/** Units Medusa restocked at `locationId` per order line and inventory item, summed over `sessions`. */
export function restockedReturnUnits(
  locationId: string,
  items: ReturnedLineItem[],
  sessions: ReturnReceiveSession[]
): RestockedReturnLine[] {
  const owners = restockingVariants(locationId, items)
  const variantOfLine = new Map(items.map((i) => [i.line_item_id, i.variant_id]))
  const units = new Map<string, RestockedReturnLine>()
  for (const session of sessions) {
    for (const received of session.received) {
      const variantId = variantOfLine.get(received.line_item_id)
      if (!variantId || received.quantity <= 0) continue
      for (const [inventoryItemId, owner] of owners) {
        if (owner.variant_id !== variantId) continue
        const key = `${received.line_item_id}\u0000${inventoryItemId}`
        const row = units.get(key) ?? { line_item_id: received.line_item_id, inventory_item_id: inventoryItemId, units: 0 }
        row.units += received.quantity * owner.required_quantity
        units.set(key, row)
      }
    }
  }
  return [...units.values()].filter((row) => row.units > 0)
}
