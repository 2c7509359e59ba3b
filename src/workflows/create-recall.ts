import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents, LotStatus, type OpenRecallInput } from "../modules/lot"
import { settleOrderLotsWorkflow } from "./settle-order-lots"
import { openRecallStep, releaseAllocationsStep, syncLotStockBlocksStep } from "./steps"

export const createRecallWorkflowId = "create-recall"
/**
 * Recalls lots: they and every lot made from them become recalled, their open allocations are
 * released and the affected order lines allocated again from other eligible lots (or shown
 * short), their stock is held back from sale, the scope — lots, shipments, customers with contact
 * and ship-to, quantities shipped and on hand — is kept with the recall, an admin notification is
 * posted and `lot.recall_created` emitted (a notification provider can e-mail customers from it).
 * Used by `POST /admin/recalls`.
 *
 * @example
 * await createRecallWorkflow(container).run({
 *   input: { lot_ids: ["lot_1"], reason: "Undeclared peanut", classification: "I", actor_id: "user_1" },
 * })
 */
export const createRecallWorkflow = createWorkflow(createRecallWorkflowId, (input: WorkflowData<OpenRecallInput>) => {
  const recall = openRecallStep(input)
  const released = releaseAllocationsStep(
    transform({ recall }, ({ recall }) => ({ lot_ids: recall.lot_ids, lot_status: LotStatus.RECALLED, reason: "lot recalled" }))
  )
  settleOrderLotsWorkflow.runAsStep({
    input: transform({ released }, ({ released }) => ({
      order_ids: [...new Set(released.map((r) => r.order_id))],
      line_item_ids: [...new Set(released.map((r) => r.line_item_id))],
    })),
  })
  syncLotStockBlocksStep(transform({ recall }, ({ recall }) => ({ lot_ids: recall.lot_ids })))
  sendNotificationsStep(
    transform({ recall, input }, ({ recall, input }) => [
      {
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: {
          title: `Recall ${recall.recall_number} (class ${recall.classification}) opened`,
          description:
            `${recall.summary.lots} lot(s), ${recall.summary.customers} customer(s), ` +
            `${recall.summary.outstanding_quantity} unit(s) with customers, ${recall.summary.on_hand_quantity} on hand. ` +
            `Reason: ${input.reason}`,
          link: `/recalls/${recall.id}`,
        },
      },
    ])
  )
  emitEventStep({
    eventName: LotEvents.RECALL_CREATED,
    data: transform({ recall }, ({ recall }) => ({
      id: recall.id,
      recall_number: recall.recall_number,
      classification: recall.classification,
      lot_ids: recall.lot_ids,
      customers: recall.summary.customers,
    })),
  })
  return new WorkflowResponse(recall)
})
