import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import type { ReturnLotDesignationInput } from "./validate-return-lot-designation"

export const designateReturnLotsStepId = "designate-return-lots-step"
/**
 * Records which lots a return's units came from. It is one transaction and the last step of its
 * workflow (`designateReturnLotsWorkflow`), so there is nothing after it to fail and nothing to compensate.
 *
 * @example
 * designateReturnLotsStep({ return_id: "return_1", order_id: "order_1", items: [{ line_item_id: "ordli_1", lot_id: "lot_1", quantity: 1 }] })
 */
export const designateReturnLotsStep = createStep(
  designateReturnLotsStepId,
  async (input: ReturnLotDesignationInput & { order_id: string }, { container }) => {
    await container.resolve<LotModuleService>(LOT_MODULE).designateReturnLots(input)
    return new StepResponse(input.items.length)
  }
)
