import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type WarnedLot, type WarningCursor } from "../../modules/lot"
import { daysLeft } from "../../modules/lot/domain/expiry-warnings"
import type LotModuleService from "../../modules/lot/service"

export type MarkExpiryWarningsStepInput = {
  /** The moment windows are measured from; the same for every batch of one run. */
  as_of: Date | string
  limit?: number
  after?: WarningCursor | null
}

/** A lot announced as expiring soon, with the days it has left at `as_of`. */
export type ExpiringSoonLot = WarnedLot & { days_left: number }

export const markExpiryWarningsStepId = "mark-expiry-warnings"
/**
 * Marks one batch of lots that entered a smaller expiry warning window than the last one
 * announced (set-based, with their `expiry_warning` history entries). Compensation puts each
 * lot's announced window back; the history entries stay, as they record what happened.
 * Used by `warnExpiringLotsWorkflow`.
 *
 * @example
 * const warned = markExpiryWarningsStep({ as_of: new Date(), limit: 1000 })
 */
export const markExpiryWarningsStep = createStep(
  markExpiryWarningsStepId,
  async (input: MarkExpiryWarningsStepInput, { container }) => {
    const asOf = new Date(input.as_of)
    const warned = await container
      .resolve<LotModuleService>(LOT_MODULE)
      .markExpiryWarnings({ as_of: asOf, limit: input.limit ?? 1000, after: input.after })
    const lots: ExpiringSoonLot[] = warned.map((lot) => ({ ...lot, days_left: daysLeft(lot.expires_at, asOf) }))
    return new StepResponse(lots, warned)
  },
  async (warned: WarnedLot[] | undefined, { container }) => {
    if (!warned?.length) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).restoreExpiryWarnings(warned)
  }
)
