import type { SplitLotBody } from "../types"

/** One child lot as typed in the split form: units, and a lot number (empty: the item's template numbers it). */
export type SplitChildRow = { quantity: string; lot_number: string }
export type SplitForm = { location_id: string; children: SplitChildRow[]; note: string }
export type SplitErrors = { location_id?: string; children?: string }

export const emptySplitChild = (): SplitChildRow => ({ quantity: "", lot_number: "" })

/**
 * Checks a split form against the units that may move at the chosen location (on hand, neither
 * allocated nor awaiting inspection): every child a whole number of units, no lot number twice,
 * together no more than may move. The server decides again under its row locks.
 */
export function splitLotBody(form: SplitForm, movableAt: (locationId: string) => number): { body?: SplitLotBody; errors: SplitErrors } {
  if (!form.location_id) return { errors: { location_id: "Choose where the units are." } }
  if (!form.children.length) return { errors: { children: "Add at least one new lot." } }
  const quantities = form.children.map((c) => (/^\d+$/.test(c.quantity.trim()) ? Number(c.quantity) : 0))
  const bad = quantities.findIndex((q) => q <= 0)
  if (bad >= 0) return { errors: { children: `New lot ${bad + 1}: enter a whole number of units greater than zero.` } }
  const numbers = form.children.map((c) => c.lot_number.trim().toUpperCase()).filter(Boolean)
  const twice = numbers.find((n, i) => numbers.indexOf(n) !== i)
  if (twice) return { errors: { children: `Lot number ${twice} is given twice.` } }
  const total = quantities.reduce((sum, q) => sum + q, 0)
  const movable = movableAt(form.location_id)
  if (total > movable) {
    return { errors: { children: `${total} units are more than the ${movable} that can move here (the rest is allocated or awaiting inspection).` } }
  }
  return {
    errors: {},
    body: {
      location_id: form.location_id,
      children: form.children.map((c, i) => ({ quantity: quantities[i], ...(c.lot_number.trim() && { lot_number: c.lot_number.trim() }) })),
      ...(form.note.trim() && { note: form.note.trim() }),
    },
  }
}
