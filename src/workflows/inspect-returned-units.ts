import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AdjustmentReason, LotEvents } from "../modules/lot"
import { adjustLotStockWorkflow } from "./adjust-lot-stock"
import { reallocateShortLines } from "./step-sequences"
import { restockReturnedUnitsStep, syncLotStockBlocksStep, validateLotStockMoveStep } from "./steps"

export const ReturnInspectionOutcome = { RESTOCK: "restock", SCRAP: "scrap" } as const
export type ReturnInspectionOutcome = (typeof ReturnInspectionOutcome)[keyof typeof ReturnInspectionOutcome]

export type InspectReturnedUnitsWorkflowInput = {
  lot_id: string
  location_id: string
  quantity: number
  outcome: ReturnInspectionOutcome
  note?: string | null
  actor_id?: string | null
}

export const inspectReturnedUnitsWorkflowId = "inspect-returned-units"
/**
 * Settles returned units awaiting inspection: restocked units may be sold again (and cover order
 * lines short of the item there, if the lot is released); scrapped units
 * leave the lot and Medusa's stock (a `scrapped` lot event). Emits `lot.return_inspected`.
 * Used by `POST /admin/lots/:id/returned-stock`.
 *
 * @example
 * await inspectReturnedUnitsWorkflow(container).run({
 *   input: { lot_id: "lot_1", location_id: "sloc_1", quantity: 1, outcome: "scrap", note: "seal broken" },
 * })
 */
export const inspectReturnedUnitsWorkflow = createWorkflow(
  inspectReturnedUnitsWorkflowId,
  (input: WorkflowData<InspectReturnedUnitsWorkflowInput>) => {
    validateLotStockMoveStep(transform({ input }, ({ input }) => ({ lot_id: input.lot_id, location_ids: [input.location_id] })))
    when({ input }, ({ input }) => input.outcome === ReturnInspectionOutcome.RESTOCK).then(() => {
      restockReturnedUnitsStep(input)
      syncLotStockBlocksStep(transform({ input }, ({ input }) => ({ lot_ids: [input.lot_id] })))
      reallocateShortLines(transform({ input }, ({ input }) => [{ lot_id: input.lot_id, location_id: input.location_id }]))
    })
    when({ input }, ({ input }) => input.outcome === ReturnInspectionOutcome.SCRAP).then(() => {
      adjustLotStockWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          lot_id: input.lot_id,
          location_id: input.location_id,
          quantity_change: -input.quantity,
          reason: AdjustmentReason.SCRAP,
          from_returns: true,
          note: input.note ?? "returned units failed inspection",
          actor_id: input.actor_id,
        })),
      })
    })
    emitEventStep({
      eventName: LotEvents.RETURN_INSPECTED,
      data: transform({ input }, ({ input }) => ({
        id: input.lot_id,
        location_id: input.location_id,
        quantity: input.quantity,
        outcome: input.outcome,
      })),
    })
    return new WorkflowResponse({ lot_id: input.lot_id })
  }
)
