import type { MedusaContainer } from "@medusajs/framework/types"
import type { ExpiredLot } from "../../modules/lot"
import { expireLotsWorkflow } from "../expire-lots"

export type ExpirySweepOptions = {
  /**
   * Lots per batch. Each batch is one workflow run: its writes to our tables are a statement or
   * two per table, and its blocking reservations one inventory-module call made under Medusa's
   * inventory lock on the batch's items, which checkouts of those items wait for meanwhile.
   */
  batch_size?: number
  /** The moment lots must have expired by (default: now), the same for every batch. */
  as_of?: Date
}

const BATCH = 1000
// Bounded, so one sweep can never loop forever; a larger backlog waits for the next run.
const MAX_BATCHES = 1000

/** Runs the expiry sweep batch by batch until no lot past its expiry is left. */
export async function sweepExpiredLots(container: MedusaContainer, options: ExpirySweepOptions = {}): Promise<ExpiredLot[]> {
  const limit = options.batch_size ?? BATCH
  const as_of = options.as_of ?? new Date()
  const expired: ExpiredLot[] = []
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { result } = await expireLotsWorkflow(container).run({ input: { limit, as_of } })
    expired.push(...result)
    if (result.length < limit) {
      break
    }
  }
  return expired
}
