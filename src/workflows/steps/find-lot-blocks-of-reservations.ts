import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export type FindLotBlocksOfReservationsStepInput = { reservation_ids: string[] }

export const findLotBlocksOfReservationsStepId = "find-lot-blocks-of-reservations"
/**
 * Finds the lot stock rows whose blocking reservation is one of the given reservations — the
 * lots a deletion in Medusa's Reservations page made sellable. Reads only.
 * Used by `restoreDeletedLotBlocksWorkflow`.
 *
 * @example
 * const blocks = findLotBlocksOfReservationsStep({ reservation_ids: ["resitem_1"] })
 */
export const findLotBlocksOfReservationsStep = createStep(
  findLotBlocksOfReservationsStepId,
  async (input: FindLotBlocksOfReservationsStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    return new StepResponse(await lots.listStockBlocksOfReservations([...new Set(input.reservation_ids)]))
  }
)
