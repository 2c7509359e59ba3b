import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotReceipt, type ReceiveLotInput } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"

export const receiveLotStockStepId = "receive-lot-stock"
/**
 * Creates the lot (or adds to an existing one) with stock at the location and records the
 * `received` event, in one transaction. Compensation takes the stock back and retires a lot it
 * created, recording a `reverted` event: the history keeps both.
 * Used by `receiveLotWorkflow`.
 *
 * @example
 * const receipt = receiveLotStockStep({ lot_number: "YOG-261125-001", inventory_item_id, location_id, quantity: 24 })
 */
export const receiveLotStockStep = createStep(
  receiveLotStockStepId,
  async (input: ReceiveLotInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const receipt = await lots.receiveLot(input)
    return new StepResponse(receipt, receipt)
  },
  async (receipt: LotReceipt | undefined, { container }) => {
    if (!receipt) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).revertLotReceipt(receipt)
  }
)
