import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type ExpiredLot } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export type ExpireDueLotsStepInput = {
  as_of?: Date | string
  limit?: number
  /** Only these lots (one whose expiry was edited), each expired only if it is due like any other. */
  lot_ids?: string[]
}

export const expireDueLotsStepId = "expire-due-lots"
/**
 * Marks one batch of lots whose expiry has passed as expired (or only the named ones, when due), in
 * one set-based statement that also writes their `expired` history entries. Compensation restores
 * each lot's previous status. Used by `expireLotsWorkflow`.
 *
 * @example
 * const expired = expireDueLotsStep({ limit: 1000 })
 */
export const expireDueLotsStep = createStep(
  expireDueLotsStepId,
  async (input: ExpireDueLotsStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const expired = await lots.expireDueLots({
      as_of: input.as_of ? new Date(input.as_of) : new Date(),
      limit: input.limit ?? 1000,
      lot_ids: input.lot_ids,
    })
    return new StepResponse(expired, expired)
  },
  async (expired: ExpiredLot[] | undefined, { container }) => {
    if (!expired?.length) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).unexpireLots(expired)
  }
)
