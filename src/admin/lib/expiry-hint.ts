import { deriveExpiry, expiryStart } from "../../modules/lot/domain/lot-dates"
import { formatDay } from "./format"

/**
 * The hint under a lot's expiry field: while the field is empty, the expiry the server will derive
 * from the item's shelf life (the rule in domain/lot-dates.ts), so the merchant sees it before
 * saving. `receivedAt`: the lot's receipt, or absent for a lot not received yet (today).
 * `shelfLifeDays` undefined: the item's policy is still loading.
 */
export function expiryHint(
  dates: { manufactured_at: string; expires_at: string },
  shelfLifeDays: number | null | undefined,
  receivedAt?: string,
  now: Date = new Date()
): string | undefined {
  if (dates.expires_at.trim()) {
    return undefined
  }
  if (shelfLifeDays === undefined) {
    return "From the shelf life when empty."
  }
  if (!shelfLifeDays) {
    return "Empty: no expiry (the item has no shelf life)."
  }
  const given = { manufactured_at: dates.manufactured_at.trim() || null }
  const received = receivedAt ?? now.toISOString()
  const start = expiryStart(given, received)!
  const expires = deriveExpiry(given, shelfLifeDays, received)!
  const from = start.from === "manufactured_at" ? "manufactured" : receivedAt ? "received" : "received today"
  return `Empty: expires ${formatDay(expires.toISOString())} (${from} + ${shelfLifeDays} days shelf life).`
}
