import type { MedusaContainer } from "@medusajs/framework/types"
import { sweepExpiredLots } from "../workflows/lib/expiry-sweep"

/** Daily expiry sweep: every lot past its expiry date becomes expired and leaves what can be sold. */
export default async function expireLotsJob(container: MedusaContainer) {
  await sweepExpiredLots(container)
}

export const config = {
  name: "lot-tracking-expire-lots",
  schedule: "5 0 * * *",
}
