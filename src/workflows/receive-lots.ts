import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, lotReceivedPayload } from "../modules/lot"
import { lotNumberRequest, needsLotNumber, reallocateShortLines, receivedLotFields } from "./step-sequences"
import {
  adjustInventoryLevelsForLotsStep,
  generateLotNumbersStep,
  receiveLotsStockStep,
  resolveLotReceiptsStep,
  type ResolveLotReceiptScanStepInput,
  syncLotStockBlocksStep,
  validateLotReceiptsStep,
} from "./steps"

/** Most receipts one request may book: a delivery note or a day's goods-in, not a whole warehouse. */
export const MAX_RECEIPTS_PER_BATCH = 1000

export type ReceiveLotsWorkflowInput = {
  /** Each line as `receiveLotWorkflow` takes one receipt (without its hook data). */
  receipts: Omit<ResolveLotReceiptScanStepInput, "additional_data" | "actor_id">[]
  actor_id?: string | null
  additional_data?: Record<string, unknown>
}

export const receiveLotsWorkflowId = "receive-lots"
/**
 * Receives a batch of receipts all or nothing, with the rules of `receiveLotWorkflow` for each
 * line: new lots numbered from their item's template (sequences drawn in one statement), expiry
 * derived from the shelf life, suppliers resolved, every line validated first (all refused lines
 * named in one answer). The lots, stock rows and history are written with a statement per table
 * for the whole batch, existing lots locked in id order; Medusa's stocked quantities rise by the
 * same amounts in one locked pass, quarantined lots get their blocks, short order lines are
 * allocated again and one `lot.received` is emitted per line. Used by `POST /admin/lots/batch`.
 * The `lotsReceived` hook runs after everything is written; throwing there rolls the batch back.
 *
 * @example
 * const { result } = await receiveLotsWorkflow(container).run({
 *   input: {
 *     receipts: [
 *       { inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 24 },
 *       { lot_id: "lot_1", inventory_item_id: "iitem_2", location_id: "sloc_1", quantity: 6 },
 *     ],
 *   },
 * })
 */
export const receiveLotsWorkflow = createWorkflow(receiveLotsWorkflowId, (input: WorkflowData<ReceiveLotsWorkflowInput>) => {
  const lines = resolveLotReceiptsStep(
    transform({ input }, ({ input }) => input.receipts.map((receipt) => ({ ...receipt, actor_id: input.actor_id ?? null })))
  )
  const validated = validateLotReceiptsStep(lines)

  // Numbers only for the lines that need one; the others keep theirs (or their lot's).
  const generated = generateLotNumbersStep(
    transform({ lines, validated }, ({ lines, validated }) =>
      lines.flatMap((line, index) => (needsLotNumber(line) ? [lotNumberRequest(line, validated[index])] : []))
    )
  )
  const lotInputs = transform({ lines, validated, generated }, ({ lines, validated, generated }) => {
    let next = 0
    return lines.map((line, index) => {
      const number = needsLotNumber(line) ? generated[next++] : null
      return receivedLotFields(line, number, validated[index].shelf_life_days)
    })
  })
  const receipts = receiveLotsStockStep(lotInputs)

  adjustInventoryLevelsForLotsStep(
    transform({ receipts }, ({ receipts }) => ({ level_change_ids: [...new Set(receipts.map((r) => r.level_change_id!))] }))
  )
  syncLotStockBlocksStep(transform({ receipts }, ({ receipts }) => ({ lot_ids: receipts.map((r) => r.lot_id) })))
  reallocateShortLines(transform({ receipts }, ({ receipts }) => receipts.map((r) => ({ lot_id: r.lot_id, location_id: r.location_id }))))

  const lotsReceived = createHook("lotsReceived", { receipts, additional_data: input.additional_data })

  emitEventStep({
    eventName: LotEvents.RECEIVED,
    data: transform({ receipts }, ({ receipts }) => receipts.map(lotReceivedPayload)),
  })

  return new WorkflowResponse(receipts, { hooks: [lotsReceived] })
})
