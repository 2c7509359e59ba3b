import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import type LotModuleService from "../../modules/lot/service"
import { drawLotNumbers, giveBackSequenceValues, type DrawnSequenceValue } from "./generate-lot-numbers"

export type GenerateLotNumberStepInput = {
  template?: string | null
  sku?: string | null
  date?: Date
  plant?: string | null
  line?: string | null
}

export const generateLotNumberStepId = "generate-lot-number"
/**
 * Generates a lot number from the item's template (default `{SKU}-{YYMMDD}-{SEQ:3}`), drawing the
 * sequence from the database so concurrent receipts never get the same number. Compensation gives
 * the sequence value back when no later number was drawn, so a refused receipt or production
 * leaves no gap in the lot numbers.
 *
 * @example
 * const lotNumber = generateLotNumberStep({ template: "{SKU}-{YYMMDD}-{SEQ:3}", sku: "YOG-500" })
 */
export const generateLotNumberStep = createStep(
  generateLotNumberStepId,
  async (input: GenerateLotNumberStepInput, { container }) => {
    const { numbers, drawn } = await drawLotNumbers(container.resolve<LotModuleService>(LOT_MODULE), [input])
    return new StepResponse(numbers[0], drawn)
  },
  async (drawn: DrawnSequenceValue[] | undefined, { container }) => {
    await giveBackSequenceValues(container.resolve<LotModuleService>(LOT_MODULE), drawn)
  }
)
