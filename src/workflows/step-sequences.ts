import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { LotStockChangeResult, StockGain } from "../modules/lot"
import { deriveExpiry, toDate, type DateLike } from "../modules/lot/domain/lot-dates"
import type { LotTransformation } from "../modules/lot/domain/transformation"
import { allocateOrderLotsWorkflow } from "./allocate-order-lots"
import {
  adjustInventoryLevelsForLotsStep,
  findShortLinesStep,
  generateLotNumberStep,
  type GenerateLotNumberStepInput,
  syncLotStockBlocksStep,
  type ValidatedLotReceipt,
} from "./steps"

// Step sequences several workflows run the same way. Call them inside a createWorkflow constructor.

/** What a receipt says about the lot it goes into: an existing lot, or a new lot's number, codes and dates. */
type LotReceiptFields = {
  lot_id?: string
  lot_number?: string
  plant_code?: string | null
  line_code?: string | null
  manufactured_at?: DateLike
  expires_at?: DateLike
  received_at?: DateLike
}

/**
 * Numbers a new lot from its item's template (`generateLotNumberStep`) unless the receipt names an
 * existing lot or a number; plant and line codes sent with it override the policy's. Used by the
 * receive, untracked-stock assignment and production workflows.
 *
 * @example
 * const generatedNumber = generateMissingLotNumber(receiptFields, validated)
 */
export function generateMissingLotNumber(fields: WorkflowData<LotReceiptFields>, validated: WorkflowData<ValidatedLotReceipt>) {
  return when({ fields }, ({ fields }) => needsLotNumber(fields)).then(() =>
    generateLotNumberStep(transform({ validated, fields }, ({ validated, fields }) => lotNumberRequest(fields, validated)))
  )
}

/** A receipt that names neither an existing lot nor a number gets a number from its item's template. */
export const needsLotNumber = (fields: LotReceiptFields) => !fields.lot_id && !fields.lot_number

/** What numbering a new lot takes: the item's template and SKU, and the plant and line codes (the receipt's over the policy's). */
export function lotNumberRequest(fields: LotReceiptFields, validated: ValidatedLotReceipt): GenerateLotNumberStepInput {
  return {
    template: validated.lot_number_template,
    sku: validated.sku,
    plant: fields.plant_code ?? validated.plant_code,
    line: fields.line_code ?? validated.line_code,
  }
}

/**
 * A receipt's fields as the lot-writing step takes them: the number given or generated, the expiry
 * given or derived from the shelf life (for a new lot only: from the manufacture date, else from
 * the receipt date, which is now unless the receipt says when), without the numbering codes. Used
 * in a `transform` after `generateMissingLotNumber`.
 *
 * @example
 * const lot = receivedLotFields(receiptFields, generatedNumber, validated.shelf_life_days)
 */
export function receivedLotFields<T extends LotReceiptFields>(
  fields: T,
  generatedNumber: string | null | undefined,
  shelfLifeDays: number | null
) {
  const { plant_code: _plant, line_code: _line, ...lot } = fields
  const lotNumber = fields.lot_number ?? generatedNumber ?? undefined
  if (fields.lot_id) {
    return { ...lot, lot_number: lotNumber, expires_at: undefined }
  }
  // The lot row gets this same receipt date, so a derived expiry is exactly received + shelf life.
  const receivedAt = toDate(fields.received_at) ?? new Date()
  return { ...lot, lot_number: lotNumber, received_at: receivedAt, expires_at: deriveExpiry(fields, shelfLifeDays, receivedAt) }
}

/**
 * Allocates the order lines that stock which just gained units may cover (`findShortLinesStep`:
 * open shortfalls of a released lot's item at the gain's location); what stays short is recorded
 * again with the reason as it is now. Run it once the units are in. Used by the receipt,
 * untracked-stock, return receipt and returned-units inspection workflows, and by
 * `followLotTransformation` and `followLotStockChanges`.
 *
 * @example
 * reallocateShortLines(transform({ receipt }, ({ receipt }) => [{ lot_id: receipt.lot_id, location_id: receipt.location_id }]))
 */
export function reallocateShortLines(gains: WorkflowData<StockGain[]>) {
  return allocateOrderLotsWorkflow.runAsStep({ input: findShortLinesStep(gains) })
}

/**
 * Makes Medusa's stocked quantities and the lots' blocking reservations follow a production or a
 * split: each item's level moves by its net change at the location, and every input and output
 * lot's block is resized; order lines short of an output's item are allocated again. Used by
 * `produceLotWorkflow` and `splitLotWorkflow`.
 *
 * @example
 * followLotTransformation(transformLotsStep(input))
 */
export function followLotTransformation(transformation: WorkflowData<LotTransformation>) {
  adjustInventoryLevelsForLotsStep(transform({ transformation }, ({ transformation }) => ({ level_change_ids: [transformation.level_change_id!] })))
  syncLotStockBlocksStep(
    transform({ transformation }, ({ transformation }) => ({
      lot_ids: [...transformation.inputs, ...transformation.outputs].map((lot) => lot.lot_id),
    }))
  )
  reallocateShortLines(
    transform({ transformation }, ({ transformation }) =>
      transformation.outputs.map((lot) => ({ lot_id: lot.lot_id, location_id: transformation.location_id }))
    )
  )
}

/**
 * Makes Medusa's stocked quantities follow changes of lot stock by the same amounts, then resizes
 * the changed lots' blocking reservations; order lines short where a lot gained units are
 * allocated again. Used by `adjustLotStockWorkflow` and `transferLotStockWorkflow`.
 *
 * @example
 * followLotStockChanges(changeLotStockStep(changes))
 */
export function followLotStockChanges(results: WorkflowData<LotStockChangeResult[]>) {
  adjustInventoryLevelsForLotsStep(
    transform({ results }, ({ results }) => ({ level_change_ids: [...new Set(results.map((r) => r.level_change_id!))] }))
  )
  syncLotStockBlocksStep(transform({ results }, ({ results }) => ({ lot_ids: [...new Set(results.map((r) => r.lot_id))] })))
  reallocateShortLines(
    transform({ results }, ({ results }) =>
      results.filter((r) => r.delta > 0 && !r.quarantined).map((r) => ({ lot_id: r.lot_id, location_id: r.location_id }))
    )
  )
}
