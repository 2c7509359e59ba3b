import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  findLotBlocksOfReservationsStep, recordRestoredLotBlocksStep, recountReservedQuantitiesStep, removeMovedLotBlocksStep,
  syncLotStockBlocksStep,
} from "./steps"

export type RestoreEditedLotBlocksWorkflowInput = { reservation_ids: string[] }

export const restoreEditedLotBlocksWorkflowId = "restore-edited-lot-blocks"
/**
 * Puts back the blocking reservations someone edited (Medusa's Reservations page,
 * `POST /admin/reservations/:id`): a block moved to another location is deleted there (and the
 * reserved quantities Medusa's move left behind recounted), then every affected lot's block is
 * written again to hold back exactly its unsellable units where they are, under Medusa's locking
 * module; each lot's history records the change. Reservations that are not blocks are ignored.
 * Runs from the `reservation-item.updated` subscriber.
 *
 * @example
 * await restoreEditedLotBlocksWorkflow(container).run({ input: { reservation_ids: ["resitem_1"] } })
 */
export const restoreEditedLotBlocksWorkflow = createWorkflow(
  restoreEditedLotBlocksWorkflowId,
  (input: WorkflowData<RestoreEditedLotBlocksWorkflowInput>) => {
    const edited = findLotBlocksOfReservationsStep(input)
    when({ edited }, ({ edited }) => edited.length > 0).then(() => {
      const moved = removeMovedLotBlocksStep({ blocks: edited })
      syncLotStockBlocksStep(transform({ edited }, ({ edited }) => ({ lot_ids: edited.map((d) => d.lot_id) })))
      recountReservedQuantitiesStep(transform({ moved }, ({ moved }) => ({ inventory_item_ids: moved.map((m) => m.inventory_item_id) })))
      recordRestoredLotBlocksStep(transform({ edited }, ({ edited }) => ({ deleted: edited, change: "edited" as const })))
    })
    return new WorkflowResponse(edited)
  }
)
