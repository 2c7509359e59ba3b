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

/** A sequence value drawn for a generated number, given back if the workflow is refused. */
export type DrawnSequenceValue = { key: string; value: number }

/**
 * Renders the lot numbers of the requests in order, drawing each template's sequence from the
 * database so concurrent receipts never get the same number; returns the numbers and the
 * sequence values drawn. Shared by `generateLotNumberStep` and `generateLotNumbersStep`.
 */
export async function drawLotNumbers(
  lots: LotModuleService,
  requests: LotNumberRequest[]
): Promise<{ numbers: string[]; drawn: DrawnSequenceValue[] }> {
  const numbers: string[] = []
  const drawn: DrawnSequenceValue[] = []
  for (const request of requests) {
    if (request.lot_number) {
      numbers.push(request.lot_number)
      continue
    }
    const template = request.template || DEFAULT_LOT_NUMBER_TEMPLATE
    const context = { sku: request.sku, date: request.date ?? new Date(), plant: request.plant, line: request.line }
    try {
      const key = lotNumberSequenceKey(template, context)
      const sequence = template.includes("{SEQ") ? await lots.nextLotNumberSequence(key) : 1
      if (template.includes("{SEQ")) drawn.push({ key, value: sequence })
      numbers.push(renderLotNumber(template, context, sequence))
    } catch (error) {
      if (error instanceof LotNumberTemplateError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
      }
      throw error
    }
  }
  return { numbers, drawn }
}

/** Gives the drawn values back, last first, each only while it is still its sequence's last. */
export async function giveBackSequenceValues(lots: LotModuleService, drawn: DrawnSequenceValue[] | undefined) {
  for (const { key, value } of [...(drawn ?? [])].reverse()) {
    await lots.releaseLotNumberSequence(key, value)
  }
}

export const generateLotNumbersStepId = "generate-lot-numbers"
/**
 * Lot numbers for several new lots at once (the children of a split): typed numbers are kept,
 * the others are rendered from each item's template with a database sequence, in request order,
 * so two children of one template get consecutive numbers. Compensation gives the sequence values
 * back when no later number was drawn, so a refused split leaves no gap.
 *
 * @example
 * const numbers = generateLotNumbersStep([{ template: "{SKU}-{YYMMDD}-{SEQ:3}", sku: "YOG-150" }, { lot_number: "L-7" }])
 */
export const generateLotNumbersStep = createStep(
  generateLotNumbersStepId,
  async (requests: LotNumberRequest[], { container }) => {
    const { numbers, drawn } = await drawLotNumbers(container.resolve<LotModuleService>(LOT_MODULE), requests)
    return new StepResponse(numbers, drawn)
  },
  async (drawn: DrawnSequenceValue[] | undefined, { container }) => {
    await giveBackSequenceValues(container.resolve<LotModuleService>(LOT_MODULE), drawn)
  }
)
