import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type BookedReturn, type BookReturnInput } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const bookReturnedUnitsStepId = "book-returned-units"
/**
 * Puts a received return's units back into the lots they shipped from (named by the merchant, else
 * the most recently shipped), at the return's location, with a `returned` lot event each.
 * Compensation takes them out again and records `reverted` events.
 * Used by `receiveReturnLotsWorkflow`.
 *
 * @example
 * const booked = bookReturnedUnitsStep(demand)
 */
export const bookReturnedUnitsStep = createStep(
  bookReturnedUnitsStepId,
  async (demand: BookReturnInput | null, { container }) => {
    if (!demand) {
      return new StepResponse(null, null)
    }
    const booked = await container.resolve<LotModuleService>(LOT_MODULE).bookReturnedUnits(demand)
    return new StepResponse(booked, booked)
  },
  async (booked: BookedReturn | null | undefined, { container }) => {
    if (booked?.bookings.length) {
      await container.resolve<LotModuleService>(LOT_MODULE).undoReturnedUnits(booked)
    }
  }
)
