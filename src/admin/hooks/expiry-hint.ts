import { expiryHint } from "../lib/expiry-hint"
import { useLotPolicy } from "./lots"

/** The expiry field's hint for a lot of this item: the date an empty field gets from the item's shelf life. */
export const useExpiryHint = (inventoryItemId: string, dates: { manufactured_at: string; expires_at: string }, receivedAt?: string) => {
  const { data } = useLotPolicy(inventoryItemId)
  return expiryHint(dates, data ? (data.lot_policy.shelf_life_days ?? null) : undefined, receivedAt)
}
