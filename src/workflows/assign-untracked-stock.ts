import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, lotReceivedPayload, type AssignUntrackedStockInput, type ReceiveLotInput } from "../modules/lot"
import { generateMissingLotNumber, reallocateShortLines, receivedLotFields } from "./step-sequences"
import {
  assignUntrackedStockStep,
  syncLotStockBlocksStep,
  validateLotReceiptStep,
  validateUntrackedAssignmentStep,
} from "./steps"

/** The lot to put the units into: `lot_id` of an existing lot of the item, or a new lot's fields. */
export type AssignUntrackedStockWorkflowInput = Omit<ReceiveLotInput, "reference_type" | "reference_id">

export const assignUntrackedStockWorkflowId = "assign-untracked-stock"
/**
 * Puts units Medusa already stocks at a location, but no lot holds (stock from before lot
 * tracking was turned on), into an existing lot of the item or a new one. Lot stock grows and a
 * `received` event marked "untracked_assignment" is written; Medusa's stocked quantity stays as
 * it is. Refuses more units than are untracked, under a lock, so concurrent assignments cannot
 * share the same units. A lot that may not be sold gets its blocking reservation resized; a released
 * one covers order lines short of the item there. Used by
 * `POST /admin/inventory-items/:id/untracked-stock/assign`.
 *
 * @example
 * const { result } = await assignUntrackedStockWorkflow(container).run({
 *   input: { inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 12, lot_id: "lot_1" },
 * })
 */
export const assignUntrackedStockWorkflow = createWorkflow(
  assignUntrackedStockWorkflowId,
  (input: WorkflowData<AssignUntrackedStockWorkflowInput>) => {
    const validated = validateLotReceiptStep(input)
    const level = validateUntrackedAssignmentStep(
      transform({ input }, ({ input }) => ({
        inventory_item_id: input.inventory_item_id,
        location_id: input.location_id,
        quantity: input.quantity,
      }))
    )

    const generatedNumber = generateMissingLotNumber(input, validated)

    const assignment = assignUntrackedStockStep(
      transform({ input, validated, generatedNumber, level }, ({ input, validated, generatedNumber, level }): AssignUntrackedStockInput => ({
        ...receivedLotFields(input, generatedNumber, validated.shelf_life_days),
        stocked_quantity: level.stocked_quantity,
        inventory_level_id: level.inventory_level_id,
      }))
    )

    syncLotStockBlocksStep(transform({ assignment }, ({ assignment }) => ({ lot_ids: [assignment.lot_id] })))
    reallocateShortLines(
      transform({ assignment }, ({ assignment }) => [{ lot_id: assignment.lot_id, location_id: assignment.location_id }])
    )

    emitEventStep({
      eventName: LotEvents.RECEIVED,
      data: transform({ assignment }, ({ assignment }) => ({
        ...lotReceivedPayload(assignment),
        // Lot stock grew but Medusa's level did not: the units were already counted there.
        untracked_assignment: true,
      })),
    })

    return new WorkflowResponse(assignment)
  }
)
