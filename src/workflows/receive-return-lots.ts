import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { reallocateShortLines } from "./step-sequences"
import { bookReturnedUnitsStep, getReturnLotDemandStep, syncLotStockBlocksStep } from "./steps"

export type ReceiveReturnLotsWorkflowInput = { return_id: string; actor_id?: string | null }

export const receiveReturnLotsWorkflowId = "receive-return-lots"
/**
 * Follows Medusa when a return is received: the restocked units go back into the lots they
 * shipped from, at the return's location — as returned units awaiting inspection (held back from
 * sale) unless the `return_to_quarantine` option is off, when they cover order lines short of the
 * item there. Idempotent per return: a replayed event
 * or a later partial receipt books only what is new. Runs from the `order.return_received` subscriber.
 *
 * @example
 * await receiveReturnLotsWorkflow(container).run({ input: { return_id: "return_1" } })
 */
export const receiveReturnLotsWorkflow = createWorkflow(
  receiveReturnLotsWorkflowId,
  (input: WorkflowData<ReceiveReturnLotsWorkflowInput>) => {
    const demand = getReturnLotDemandStep(input)
    const booked = bookReturnedUnitsStep(demand)
    syncLotStockBlocksStep(
      transform({ booked }, ({ booked }) => ({ lot_ids: [...new Set((booked?.bookings ?? []).map((b) => b.lot_id))] }))
    )
    reallocateShortLines(
      transform({ booked }, ({ booked }) =>
        (booked?.stock ?? []).filter((r) => r.delta > 0 && !r.quarantined).map((r) => ({ lot_id: r.lot_id, location_id: r.location_id }))
      )
    )
    emitEventStep({
      eventName: LotEvents.RETURNED,
      data: transform({ booked }, ({ booked }) =>
        (booked?.bookings ?? []).map((b) => ({
          id: b.lot_id,
          return_id: booked!.return_id,
          order_id: booked!.order_id,
          line_item_id: b.line_item_id,
          location_id: booked!.location_id,
          quantity: b.quantity,
          quarantined: booked!.quarantined,
          chosen_by: b.chosen_by,
        }))
      ),
    })
    return new WorkflowResponse(booked)
  }
)
