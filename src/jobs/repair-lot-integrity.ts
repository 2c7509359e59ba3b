import type { MedusaContainer } from "@medusajs/framework/types"
import { repairAndReportLotIntegrity } from "../workflows/runners/integrity-repair"

// Orders changed within this window may still have a subscriber or hook on its way; the next run takes them.
const SETTLE_SECONDS = 120

/**
 * Every 15 minutes: checks every invariant between the lots and Medusa and repairs what the
 * records say the truth is (after a crash, say), then reports what it found — `lot.drift_detected`
 * and an admin notification — and what is left for a person.
 */
export default async function repairLotIntegrityJob(container: MedusaContainer) {
  await repairAndReportLotIntegrity(container, { settle_seconds: SETTLE_SECONDS })
}

export const config = {
  name: "lot-tracking-repair-integrity",
  schedule: "*/15 * * * *",
}
