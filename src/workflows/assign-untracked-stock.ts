import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, type AssignUntrackedStockInput, type ReceiveLotInput } from "../modules/lot"
import { deriveExpiry } from "../modules/lot/domain/lot-dates"
import {
  generateLotNumberStep,
  syncLotStockBlocksStep,
  validateLotReceiptStep,
} from "./steps"
import { assignUntrackedStockStep } from "./steps/assign-untracked-stock"
import { validateUntrackedAssignmentStep } from "./steps/validate-untracked-assignment"

/** The lot to put the units into: `lot_id` of an existing lot of the item, or a new lot's fields. */
export type AssignUntrackedStockWorkflowInput = Omit<ReceiveLotInput, "reference_type" | "reference_id">

export const assignUntrackedStockWorkflowId = "assign-untracked-stock"
/**
 * Puts units Medusa already stocks at a location, but no lot holds (stock from before lot
 * tracking was turned on), into an existing lot of the item or a new one. Lot stock grows and a
 * `received` event marked "untracked_assignment" is written; Medusa's stocked quantity stays as
 * it is. Refuses more units than are untracked, under a lock, so concurrent assignments cannot
 * share the same units. A lot that may not be sold gets its blocking reservation resized. Used by
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

    const generatedNumber = when({ input }, ({ input }) => !input.lot_id && !input.lot_number).then(() =>
      generateLotNumberStep(
        transform({ validated, input }, ({ validated, input }) => ({
          template: validated.lot_number_template,
          sku: validated.sku,
          plant: input.plant_code ?? validated.plant_code,
          line: input.line_code ?? validated.line_code,
        }))
      )
    )

    const assignment = assignUntrackedStockStep(
      transform({ input, validated, generatedNumber, level }, ({ input, validated, generatedNumber, level }): AssignUntrackedStockInput => {
        const { plant_code: _plant, line_code: _line, ...lot } = input
        return {
          ...lot,
          lot_number: input.lot_number ?? generatedNumber ?? undefined,
          expires_at: input.lot_id ? undefined : deriveExpiry(input, validated.shelf_life_days),
          stocked_quantity: level.stocked_quantity,
          inventory_level_id: level.inventory_level_id,
        }
      })
    )

    syncLotStockBlocksStep(transform({ assignment }, ({ assignment }) => ({ lot_ids: [assignment.lot_id] })))

    emitEventStep({
      eventName: LotEvents.RECEIVED,
      data: transform({ assignment }, ({ assignment }) => ({
        id: assignment.lot_id,
        lot_number: assignment.lot_number,
        inventory_item_id: assignment.inventory_item_id,
        location_id: assignment.location_id,
        quantity: assignment.quantity,
        created: assignment.created,
        // Lot stock grew but Medusa's level did not: the units were already counted there.
        untracked_assignment: true,
      })),
    })

    return new WorkflowResponse(assignment)
  }
)
