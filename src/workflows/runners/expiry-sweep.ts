import type { MedusaContainer } from "@medusajs/framework/types"
import type { ExpiredLot } from "../../modules/lot"
import { expireLotsWorkflow } from "../expire-lots"

const BATCH = 1000
// Bounded, so one sweep can never loop forever; a larger backlog waits for the next run.
const MAX_BATCHES = 1000

/** Runs the expiry sweep batch by batch until no lot past its expiry is left. */
export async function sweepExpiredLots(container: MedusaContainer): Promise<ExpiredLot[]> {
  const expired: ExpiredLot[] = []
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { result } = await expireLotsWorkflow(container).run({ input: { limit: BATCH } })
    expired.push(...result)
    if (result.length < BATCH) {
      break
    }
  }
  return expired
}
