import type { MedusaContainer } from "@medusajs/framework/types"
import { sweepExpiredLots } from "../workflows/runners/expiry-sweep"
import { sweepExpiryWarnings } from "../workflows/runners/expiry-warnings"

/**
 * Daily expiry run: every lot past its expiry date becomes expired and leaves what can be sold,
 * then lots entering a warning window are announced (after the sweep, so none is warned and expired at once).
 */
export default async function expireLotsJob(container: MedusaContainer) {
  await sweepExpiredLots(container)
  await sweepExpiryWarnings(container)
}

export const config = {
  name: "lot-tracking-expire-lots",
  schedule: "5 0 * * *",
}
