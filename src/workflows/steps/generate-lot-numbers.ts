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
import type { GenerateLotNumberStepInput } from "./generate-lot-number"

/** A typed lot number is kept; without one, a number is generated from the template. */
export type LotNumberRequest = GenerateLotNumberStepInput & { lot_number?: string | null }

export const generateLotNumbersStepId = "generate-lot-numbers"
/**
 * Lot numbers for several new lots at once (the children of a split): typed numbers are kept,
 * the others are rendered from each item's template with a database sequence, in request order,
 * so two children of one template get consecutive numbers. Unused sequence numbers are skipped,
 * so there is nothing to compensate.
 *
 * @example
 * const numbers = generateLotNumbersStep([{ template: "{SKU}-{YYMMDD}-{SEQ:3}", sku: "YOG-150" }, { lot_number: "L-7" }])
 */
export const generateLotNumbersStep = createStep(
  generateLotNumbersStepId,
  async (requests: LotNumberRequest[], { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const numbers: string[] = []
    for (const request of requests) {
      if (request.lot_number) {
        numbers.push(request.lot_number)
        continue
      }
      const template = request.template || DEFAULT_LOT_NUMBER_TEMPLATE
      const context = { sku: request.sku, date: request.date ?? new Date(), plant: request.plant, line: request.line }
      try {
        const sequence = template.includes("{SEQ") ? await lots.nextLotNumberSequence(lotNumberSequenceKey(template, context)) : 1
        numbers.push(renderLotNumber(template, context, sequence))
      } catch (error) {
        if (error instanceof LotNumberTemplateError) {
          throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
        }
        throw error
      }
    }
    return new StepResponse(numbers)
  }
)
