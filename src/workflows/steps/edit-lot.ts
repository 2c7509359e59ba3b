import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotEdit, type LotEditInput } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const editLotStepId = "edit-lot"
/**
 * Corrects a lot's dates, supplier or notes under its row lock (a cleared expiry derived again from
 * the shelf life) and records one `edited` history entry with each changed field as old → new;
 * nothing when the values are the ones the lot has. Compensation puts the old values back,
 * recorded as a `reverted` entry. Used by `editLotWorkflow`.
 *
 * @example
 * const edit = editLotStep({ lot_id: "lot_1", patch: { notes: "Pallet 4 of 6" }, shelf_life_days: 28 })
 */
export const editLotStep = createStep(
  editLotStepId,
  async (input: LotEditInput, { container }) => {
    const edit = await container.resolve<LotModuleService>(LOT_MODULE).editLot(input)
    return new StepResponse(edit, edit)
  },
  async (edit: LotEdit | undefined, { container }) => {
    if (!edit) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).revertLotEdit(edit)
  }
)
