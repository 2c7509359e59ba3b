import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import {
  DEFAULT_LOT_NUMBER_TEMPLATE,
  LotNumberTemplateError,
  type LotNumberContext,
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
 * database so concurrent receipts never get the same number (one statement for every sequence a
 * batch uses; a sequence's numbers go to its requests in request order); returns the numbers and
 * the sequence values drawn. Shared by `generateLotNumberStep` and `generateLotNumbersStep`.
 */
export async function drawLotNumbers(
  lots: LotModuleService,
  requests: LotNumberRequest[]
): Promise<{ numbers: string[]; drawn: DrawnSequenceValue[] }> {
  type Plan = { given: string } | { given?: undefined; template: string; context: LotNumberContext; key: string | null }
  const planned = requests.map((request): Plan => {
    if (request.lot_number) {
      return { given: request.lot_number }
    }
    const template = request.template || DEFAULT_LOT_NUMBER_TEMPLATE
    const context = { sku: request.sku, date: request.date ?? new Date(), plant: request.plant, line: request.line }
    const key = templateError(() => lotNumberSequenceKey(template, context))
    return { template, context, key: template.includes("{SEQ") ? key : null }
  })
  const counts = new Map<string, number>()
  for (const plan of planned) if (plan.given === undefined && plan.key) counts.set(plan.key, (counts.get(plan.key) ?? 0) + 1)
  const drawnRows = await lots.drawLotNumberSequences([...counts].map(([key, count]) => ({ key, count })))
  // The next value of each sequence to hand out: the first of the range just drawn.
  const next = new Map(drawnRows.map((row) => [row.key, row.last_value - counts.get(row.key)! + 1]))
  const drawn: DrawnSequenceValue[] = []
  const numbers = planned.map((plan) => {
    if (plan.given !== undefined) {
      return plan.given
    }
    const sequence = plan.key ? next.get(plan.key)! : 1
    if (plan.key) {
      next.set(plan.key, sequence + 1)
      drawn.push({ key: plan.key, value: sequence })
    }
    return templateError(() => renderLotNumber(plan.template, plan.context, sequence))
  })
  return { numbers, drawn }
}

/** A template the numbers cannot be made from is the request's fault: INVALID_DATA with its reason. */
function templateError<T>(render: () => T): T {
  try {
    return render()
  } catch (error) {
    if (error instanceof LotNumberTemplateError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    }
    throw error
  }
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
