import type { ProduceLotBody } from "../types"

/** An input lot as typed in the production form: the lot picked, and the units taken from it. */
export type ProductionInputRow = { lot_id: string; lot_number: string; quantity: string }
export type ProductionForm = {
  location_id: string
  inputs: ProductionInputRow[]
  quantity: string
  lot_number: string
  manufactured_at: string
  expires_at: string
  note: string
}
export type ProductionErrors = Partial<Record<"location_id" | "inputs" | "quantity" | "expires_at", string>>

const wholeUnits = (text: string) => (/^\d+$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null)

/**
 * Checks a production form for the item made (`inventoryItemId`): a location, at least one input
 * lot with whole units, whole units made, an expiry not before the manufacture date. Empty lot
 * number and dates are left to the server (the item's template and shelf life).
 */
export function productionBody(form: ProductionForm, inventoryItemId: string): { body?: ProduceLotBody; errors: ProductionErrors } {
  const errors: ProductionErrors = {}
  if (!form.location_id) errors.location_id = "Choose where the lot is made."
  const inputQuantities = form.inputs.map((input) => wholeUnits(input.quantity))
  const badInput = inputQuantities.findIndex((q) => q === null)
  if (!form.inputs.length) errors.inputs = "Pick at least one lot that goes into it."
  else if (badInput >= 0) errors.inputs = `${form.inputs[badInput].lot_number}: enter the whole number of units used.`
  const quantity = wholeUnits(form.quantity)
  if (quantity === null) errors.quantity = "Enter the whole number of units made."
  if (form.manufactured_at && form.expires_at && form.expires_at < form.manufactured_at) {
    errors.expires_at = "The expiry cannot be before the manufacture date."
  }
  if (Object.keys(errors).length || quantity === null) return { errors }
  return {
    errors,
    body: {
      location_id: form.location_id,
      inputs: form.inputs.map((input, i) => ({ lot_id: input.lot_id, quantity: inputQuantities[i]! })),
      output: {
        inventory_item_id: inventoryItemId,
        quantity,
        ...(form.lot_number.trim() && { lot_number: form.lot_number.trim() }),
        ...(form.manufactured_at && { manufactured_at: form.manufactured_at }),
        ...(form.expires_at && { expires_at: form.expires_at }),
      },
      ...(form.note.trim() && { note: form.note.trim() }),
    },
  }
}
