import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, LotLineageKind, type LotStatus } from "../modules/lot"
import type { TransformationInputLot } from "../modules/lot/domain/transformation"
import { followLotTransformation, generateMissingLotNumber, receivedLotFields } from "./step-sequences"
import { transformLotsStep, validateLotReceiptStep } from "./steps"

export type ProduceLotWorkflowInput = {
  location_id: string
  /** Input lots (raw materials, components) and how many units of each are used up. */
  inputs: TransformationInputLot[]
  /** The lot made, received like any lot: numbered from the item's template when no number is given. */
  output: {
    inventory_item_id: string
    quantity: number
    lot_number?: string
    status?: LotStatus
    manufactured_at?: Date | string
    expires_at?: Date | string
    best_before_at?: Date | string
    notes?: string
    metadata?: Record<string, unknown>
    plant_code?: string
    line_code?: string
  }
  note?: string | null
  actor_id?: string | null
  additional_data?: Record<string, unknown>
}

export const produceLotWorkflowId = "produce-lot"
/**
 * Records a production: consumes units of released, unexpired input lots at a location and makes
 * a new output lot there, linking every input to the output with its quantity. Medusa's stocked
 * quantities follow (inputs' items down, the output's item up). All or nothing: a refused input
 * or a failing hook rolls every step back. Used by `POST /admin/lots/productions`.
 *
 * @example
 * const { result } = await produceLotWorkflow(container).run({
 *   input: {
 *     location_id: "sloc_plant",
 *     inputs: [{ lot_id: "lot_milk", quantity: 40 }, { lot_id: "lot_culture", quantity: 1 }],
 *     output: { inventory_item_id: "iitem_yogurt", quantity: 80 },
 *   },
 * })
 */
export const produceLotWorkflow = createWorkflow(produceLotWorkflowId, (input: WorkflowData<ProduceLotWorkflowInput>) => {
  // A production's output was made now unless the request says when.
  const output = transform({ input }, ({ input }) => ({
    ...input.output,
    manufactured_at: input.output.manufactured_at ?? new Date(),
  }))
  const validated = validateLotReceiptStep(
    transform({ input, output }, ({ input, output }) => ({ ...output, location_id: input.location_id }))
  )

  const generatedNumber = generateMissingLotNumber(output, validated)

  const transformation = transformLotsStep(
    transform({ input, output, validated, generatedNumber }, ({ input, output, validated, generatedNumber }) => {
      const lot = receivedLotFields(output, generatedNumber, validated.shelf_life_days)
      return {
        kind: LotLineageKind.PRODUCTION,
        location_id: input.location_id,
        inputs: input.inputs,
        // The output lot is always new: its number was given or generated.
        outputs: [{ ...lot, lot_number: lot.lot_number! }],
        actor_id: input.actor_id,
        note: input.note,
      }
    })
  )

  followLotTransformation(transformation)

  const lotProduced = createHook("lotProduced", { transformation, additional_data: input.additional_data })

  emitEventStep({
    eventName: LotEvents.PRODUCED,
    data: transform({ transformation }, ({ transformation }) => ({
      id: transformation.outputs[0].lot_id,
      transformation_id: transformation.transformation_id,
      location_id: transformation.location_id,
      inputs: transformation.inputs.map((lot) => ({ id: lot.lot_id, quantity: lot.quantity })),
    })),
  })

  return new WorkflowResponse(transformation, { hooks: [lotProduced] })
})
