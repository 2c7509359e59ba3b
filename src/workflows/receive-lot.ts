import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, lotReceivedPayload } from "../modules/lot"
import { generateMissingLotNumber, reallocateShortLines, receivedLotFields } from "./step-sequences"
import {
  adjustInventoryLevelsForLotsStep,
  receiveLotStockStep,
  resolveLotReceiptScanStep,
  type ResolveLotReceiptScanStepInput,
  resolveLotSupplierStep,
  syncLotStockBlocksStep,
  validateLotReceiptStep,
} from "./steps"

export type ReceiveLotWorkflowInput = ResolveLotReceiptScanStepInput

export const receiveLotWorkflowId = "receive-lot"
/**
 * Receives stock into a lot at a stock location: creates the lot (numbering it from the item's
 * template when no number is given, deriving expiry from the shelf life) or adds to an existing
 * one, and raises Medusa's inventory level by the same quantity; order lines short of the item
 * there are allocated again when the lot is released. A `supplier_id` fills the supplier's name and
 * a copy of its details; the exempt-source flag and who assigned the lot code are checked first,
 * so a refused receipt consumes no lot number. A scanned `code` (GS1 element
 * string, Digital Link or lot number) may stand for the item, lot number and dates; fields sent
 * beside it must agree with it. Used by `POST /admin/lots`.
 * The `lotReceived` hook runs after both are written; throwing there rolls everything back.
 *
 * @example
 * const { result } = await receiveLotWorkflow(container).run({
 *   input: { inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 24, expires_at: new Date("2027-03-31") },
 * })
 */
export const receiveLotWorkflow = createWorkflow(receiveLotWorkflowId, (input: WorkflowData<ReceiveLotWorkflowInput>) => {
  const receiptFields = resolveLotSupplierStep(resolveLotReceiptScanStep(input))
  const validated = validateLotReceiptStep(receiptFields)

  const generatedNumber = generateMissingLotNumber(receiptFields, validated)

  const receiptInput = transform({ receiptFields, validated, generatedNumber }, ({ receiptFields, validated, generatedNumber }) => {
    const { additional_data: _ignored, ...lot } = receivedLotFields(receiptFields, generatedNumber, validated.shelf_life_days)
    return lot
  })
  const receipt = receiveLotStockStep(receiptInput)

  adjustInventoryLevelsForLotsStep(transform({ receipt }, ({ receipt }) => ({ level_change_ids: [receipt.level_change_id!] })))

  syncLotStockBlocksStep(transform({ receipt }, ({ receipt }) => ({ lot_ids: [receipt.lot_id] })))
  reallocateShortLines(transform({ receipt }, ({ receipt }) => [{ lot_id: receipt.lot_id, location_id: receipt.location_id }]))

  const lotReceived = createHook("lotReceived", { receipt, additional_data: input.additional_data })

  emitEventStep({
    eventName: LotEvents.RECEIVED,
    data: transform({ receipt }, ({ receipt }) => lotReceivedPayload(receipt)),
  })

  return new WorkflowResponse(receipt, { hooks: [lotReceived] })
})
