import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { expireLotsWorkflow } from "./expire-lots"
import { editLotStep, prepareLotEditStep, type PrepareLotEditStepInput } from "./steps"

export type EditLotWorkflowInput = PrepareLotEditStepInput & { additional_data?: Record<string, unknown> }

export const editLotWorkflowId = "edit-lot"
/**
 * Corrects a lot's dates, supplier or notes, whatever its status, with one `edited` history entry
 * naming each changed field's old and new value and who changed it. A cleared expiry is derived
 * again from the item's shelf life; a `supplier_id` takes the supplier's name and a copy of its
 * details as a receipt does. An expiry moved to a date that has passed expires the lot exactly as
 * the expiry sweep does (`expireLotsWorkflow` for this lot: its allocations go to other lots and its
 * units are held back from sale); an expired lot stays expired whatever its new date. Emits
 * `lot.edited` when anything changed. Used by `POST /admin/lots/:id`. The `lotEdited` hook runs
 * after every write; throwing there rolls the edit (and an expiry it caused) back.
 *
 * @example
 * const { result } = await editLotWorkflow(container).run({
 *   input: { lot_id: "lot_1", expires_at: new Date("2027-02-01"), notes: "Date misread on receipt", actor_id: "user_1" },
 * })
 */
export const editLotWorkflow = createWorkflow(editLotWorkflowId, (input: WorkflowData<EditLotWorkflowInput>) => {
  const edit = editLotStep(
    prepareLotEditStep(
      transform({ input }, ({ input }) => {
        const { additional_data: _ignored, ...fields } = input
        return fields
      })
    )
  )

  when({ edit }, ({ edit }) => edit.expiry_passed).then(() =>
    expireLotsWorkflow.runAsStep({ input: transform({ edit }, ({ edit }) => ({ lot_ids: [edit.lot_id] })) })
  )

  const lotEdited = createHook("lotEdited", { edit, additional_data: input.additional_data })

  when({ edit }, ({ edit }) => edit.event_id !== null).then(() => {
    emitEventStep({
      eventName: LotEvents.EDITED,
      data: transform({ edit, input }, ({ edit, input }) => ({
        id: edit.lot_id,
        lot_number: edit.lot_number,
        inventory_item_id: edit.inventory_item_id,
        fields: Object.keys(edit.changes),
        actor_id: input.actor_id ?? null,
      })),
    })
  })

  return new WorkflowResponse(edit, { hooks: [lotEdited] })
})
