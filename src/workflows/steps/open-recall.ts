import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type OpenedRecall, type OpenRecallInput } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const openRecallStepId = "open-recall"
/**
 * Opens a recall: the named lots and everything made from them become recalled and the scope
 * (lots, shipments, customers, quantities) is copied, in one transaction. Compensation puts the
 * statuses back (with `reverted` events) and removes the recall.
 * Used by `createRecallWorkflow`.
 *
 * @example
 * const recall = openRecallStep({ lot_ids: ["lot_1"], reason: "Listeria found", classification: "I" })
 */
export const openRecallStep = createStep(
  openRecallStepId,
  async (input: OpenRecallInput, { container }) => {
    const opened = await container.resolve<LotModuleService>(LOT_MODULE).openRecall(input)
    return new StepResponse(opened, opened)
  },
  async (opened: OpenedRecall | undefined, { container }) => {
    if (opened) {
      await container.resolve<LotModuleService>(LOT_MODULE).undoOpenRecall(opened)
    }
  }
)
