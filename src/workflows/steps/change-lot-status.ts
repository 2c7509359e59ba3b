import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotStatusChange, type LotStatusChangeInput } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const changeLotStatusStepId = "change-lot-status-step"
/**
 * Moves a lot through its status machine (release, hold, reject, recall, expire) under a row
 * lock and records the change with actor and reason. Compensation puts the previous status back,
 * recorded as a `reverted` event.
 * Used by `changeLotStatusWorkflow`.
 *
 * @example
 * const change = changeLotStatusStep({ lot_id: "lot_1", action: "hold", reason: "customer complaint" })
 */
export const changeLotStatusStep = createStep(
  changeLotStatusStepId,
  async (input: LotStatusChangeInput, { container }) => {
    const change = await container.resolve<LotModuleService>(LOT_MODULE).changeLotStatus(input)
    return new StepResponse(change, change)
  },
  async (change: LotStatusChange | undefined, { container }) => {
    if (!change) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).revertLotStatusChange(change)
  }
)
