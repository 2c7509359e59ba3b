import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findLotBlocksOfReservationsStep, recordRestoredLotBlocksStep, syncLotStockBlocksStep } from "./steps"

export type RestoreDeletedLotBlocksWorkflowInput = { reservation_ids: string[] }

export const restoreDeletedLotBlocksWorkflowId = "restore-deleted-lot-blocks"
/**
 * Puts back the blocking reservations someone deleted (Medusa's Reservations page,
 * `DELETE /admin/reservations/:id`): the lots they belonged to get their blocks re-created under
 * Medusa's locking module, and each lot's history records the deletion. Reservations that were
 * not blocks are ignored. Runs from the `reservation-item.deleted` subscriber.
 *
 * @example
 * await restoreDeletedLotBlocksWorkflow(container).run({ input: { reservation_ids: ["resitem_1"] } })
 */
export const restoreDeletedLotBlocksWorkflow = createWorkflow(
  restoreDeletedLotBlocksWorkflowId,
  (input: WorkflowData<RestoreDeletedLotBlocksWorkflowInput>) => {
    const deleted = findLotBlocksOfReservationsStep(input)
    when({ deleted }, ({ deleted }) => deleted.length > 0).then(() => {
      syncLotStockBlocksStep(transform({ deleted }, ({ deleted }) => ({ lot_ids: deleted.map((d) => d.lot_id) })))
      recordRestoredLotBlocksStep({ deleted })
    })
    return new WorkflowResponse(deleted)
  }
)
