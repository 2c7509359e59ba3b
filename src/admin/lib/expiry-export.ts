import type { ExpiryView } from "../components/expiry/expiry-totals"
import type { LotListFilters } from "../types"
import { DAY_MS } from "../../modules/lot/domain/time-units"

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The lots export's filters for what an Expiry card lists: lots with units on hand (at the chosen
 * location, of the chosen product) expired by today, or expiring after today and within the card's
 * days. Expiry dates are UTC days: a lot dated today has expired.
 */
export function expiryExportFilters(
  view: ExpiryView,
  filters: { location_id?: string; inventory_item_id?: string },
  now: Date = new Date()
): LotListFilters {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const tomorrow = day(today + DAY_MS)
  const window =
    view.kind === "expired"
      ? { expires_before: tomorrow }
      : { expires_after: tomorrow, expires_before: day(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + view.days) + DAY_MS) }
  return {
    ...window,
    in_stock: "true",
    ...(filters.location_id && { location_id: [filters.location_id] }),
    ...(filters.inventory_item_id && { inventory_item_id: filters.inventory_item_id }),
  }
}
