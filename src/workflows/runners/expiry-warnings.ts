import type { MedusaContainer } from "@medusajs/framework/types"
import type { ExpiringSoonLot } from "../steps/mark-expiry-warnings"
import { notifyExpiryWarningsWorkflow, warnExpiringLotsWorkflow } from "../warn-expiring-lots"

const BATCH = 1000
// Bounded, like the expiry sweep: a larger backlog is picked up by the next run.
const MAX_BATCHES = 1000

/**
 * Runs the expiry warning pass batch by batch (all measured from one moment), then posts one
 * admin feed notification summarising it. Lots another transaction holds are skipped and
 * announced by the next run.
 */
export async function sweepExpiryWarnings(
  container: MedusaContainer,
  { as_of = new Date() }: { as_of?: Date } = {}
): Promise<ExpiringSoonLot[]> {
  const warned: ExpiringSoonLot[] = []
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const last = warned[warned.length - 1]
    const { result } = await warnExpiringLotsWorkflow(container).run({
      input: { as_of, limit: BATCH, after: last ? { expires_at: last.expires_at, id: last.id } : null },
    })
    warned.push(...result)
    if (result.length < BATCH) {
      break
    }
  }
  await notifyExpiryWarningsWorkflow(container).run({
    input: { warned: warned.map((lot) => ({ window_days: lot.window_days })) },
  })
  return warned
}
