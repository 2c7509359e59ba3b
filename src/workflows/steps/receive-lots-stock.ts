import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotReceipt, type ReceiveLotInput } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const receiveLotsStockStepId = "receive-lots-stock"
/**
 * The batch form of `receiveLotStockStep`: creates the new lots and adds to the existing ones,
 * with their stock and one `received` event per line, in one transaction and a few set-based
 * statements; a refusal names its line and writes nothing. Compensation takes every line's stock
 * back and retires the lots it created, recording `reverted` events.
 * Used by `receiveLotsWorkflow`.
 *
 * @example
 * const receipts = receiveLotsStockStep([{ lot_number: "YOG-261125-001", inventory_item_id, location_id, quantity: 24 }])
 */
export const receiveLotsStockStep = createStep(
  receiveLotsStockStepId,
  async (inputs: ReceiveLotInput[], { container }) => {
    const receipts = await container.resolve<LotModuleService>(LOT_MODULE).receiveLots(inputs)
    return new StepResponse(receipts, receipts)
  },
  async (receipts: LotReceipt[] | undefined, { container }) => {
    if (!receipts?.length) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).revertLotReceipts(receipts)
  }
)
