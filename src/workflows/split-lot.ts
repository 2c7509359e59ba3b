import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, LotLineageKind } from "../modules/lot"
import { followLotTransformation } from "./step-sequences"
import { generateLotNumbersStep, transformLotsStep, validateLotSplitStep, type LotSplitChildInput } from "./steps"

export type SplitLotWorkflowInput = {
  lot_id: string
  location_id: string
  children: LotSplitChildInput[]
  note?: string | null
  actor_id?: string | null
  additional_data?: Record<string, unknown>
}

export const splitLotWorkflowId = "split-lot"
/**
 * Splits units of a lot at a location into new child lots (repack, relabel), keeping the link to
 * the parent. Children keep the parent's dates unless given, take its status (units under
 * quarantine or on hold stay blocked) and may be another lot-tracked item; Medusa's stocked
 * quantities follow when the item changes. Used by `POST /admin/lots/:id/split`.
 *
 * @example
 * const { result } = await splitLotWorkflow(container).run({
 *   input: { lot_id: "lot_bulk", location_id: "sloc_1", children: [{ quantity: 12 }, { quantity: 12, lot_number: "RP-2" }] },
 * })
 */
export const splitLotWorkflow = createWorkflow(splitLotWorkflowId, (input: WorkflowData<SplitLotWorkflowInput>) => {
  const split = validateLotSplitStep(input)

  const numbers = generateLotNumbersStep(
    transform({ split }, ({ split }) =>
      split.children.map((child) => ({
        lot_number: child.lot_number,
        template: child.lot_number_template,
        sku: child.sku,
        plant: split.plant_code,
        line: split.line_code,
      }))
    )
  )

  const transformation = transformLotsStep(
    transform({ input, split, numbers }, ({ input, split, numbers }) => ({
      kind: LotLineageKind.SPLIT,
      location_id: input.location_id,
      inputs: [{ lot_id: split.parent.id, quantity: split.children.reduce((sum, child) => sum + child.quantity, 0) }],
      outputs: split.children.map((child, index) => ({
        inventory_item_id: child.inventory_item_id,
        quantity: child.quantity,
        lot_number: numbers[index],
        manufactured_at: child.manufactured_at,
        expires_at: child.expires_at,
        best_before_at: child.best_before_at,
      })),
      actor_id: input.actor_id,
      note: input.note,
    }))
  )

  followLotTransformation(transformation)

  const lotSplit = createHook("lotSplit", { transformation, additional_data: input.additional_data })

  emitEventStep({
    eventName: LotEvents.SPLIT,
    data: transform({ transformation }, ({ transformation }) => ({
      id: transformation.inputs[0].lot_id,
      transformation_id: transformation.transformation_id,
      location_id: transformation.location_id,
      children: transformation.outputs.map((lot) => ({ id: lot.lot_id, quantity: lot.quantity })),
    })),
  })

  return new WorkflowResponse(transformation, { hooks: [lotSplit] })
})
