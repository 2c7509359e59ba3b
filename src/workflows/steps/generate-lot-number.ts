import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import {
  DEFAULT_LOT_NUMBER_TEMPLATE,
  LotNumberTemplateError,
  lotNumberSequenceKey,
  renderLotNumber,
} from "../../modules/lot/domain/lot-number-template"
import type LotModuleService from "../../modules/lot/service"

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
 * sequence from the database so concurrent receipts never get the same number. A sequence number
 * that ends up unused is simply skipped, so there is nothing to compensate.
 *
 * @example
 * const lotNumber = generateLotNumberStep({ template: "{SKU}-{YYMMDD}-{SEQ:3}", sku: "YOG-500" })
 */
export const generateLotNumberStep = createStep(
  generateLotNumberStepId,
  async (input: GenerateLotNumberStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const template = input.template || DEFAULT_LOT_NUMBER_TEMPLATE
    const context = { sku: input.sku, date: input.date ?? new Date(), plant: input.plant, line: input.line }
    try {
      const key = lotNumberSequenceKey(template, context)
      const sequence = template.includes("{SEQ") ? await lots.nextLotNumberSequence(key) : 1
      return new StepResponse(renderLotNumber(template, context, sequence))
    } catch (error) {
      if (error instanceof LotNumberTemplateError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
      }
      throw error
    }
  }
)
