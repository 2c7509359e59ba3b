import type { MedusaContainer } from "@medusajs/framework/types"
import { LOT_MODULE } from "../modules/lot"
import type LotModuleService from "../modules/lot/service"

/**
 * Keeps the Expiry page's summary close to the lots, so a person opening the page seldom waits
 * for the weeks that changed since (the page refreshes them first all the same).
 */
export default async function refreshExpirySummaryJob(container: MedusaContainer) {
  await container.resolve<LotModuleService>(LOT_MODULE).refreshExpirySummary()
}

export const config = {
  name: "lot-tracking-refresh-expiry-summary",
  schedule: "*/5 * * * *",
}
