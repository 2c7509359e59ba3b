import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { driftNotification, INTEGRITY_PAGE_PATH, type IntegrityFinding } from "../modules/lot/domain/integrity"

export type ReportLotDriftWorkflowInput = {
  found: IntegrityFinding[]
  corrected: number
  remaining: IntegrityFinding[]
}

export const reportLotDriftWorkflowId = "report-lot-drift"
/**
 * Tells people the integrity repair found drift: emits `lot.drift_detected` with what was found,
 * corrected and left, and posts one admin feed notification pointing at the integrity page.
 * Nothing when nothing was found. Run after the scheduled repair and `npm run reconcile -- --fix`.
 *
 * @example
 * await reportLotDriftWorkflow(container).run({ input: { found, corrected: 3, remaining: [] } })
 */
export const reportLotDriftWorkflow = createWorkflow(reportLotDriftWorkflowId, (input: WorkflowData<ReportLotDriftWorkflowInput>) => {
  const message = transform({ input }, ({ input }) => driftNotification(input.found, input.corrected, input.remaining))
  when({ message }, ({ message }) => message !== null).then(() => {
    emitEventStep({
      eventName: LotEvents.DRIFT_DETECTED,
      data: transform({ input }, ({ input }) => ({
        found: input.found.length,
        corrected: input.corrected,
        remaining: input.remaining.length,
        checks: [...new Set(input.found.map((f) => f.check))],
        findings: input.found.map((f) => ({
          check: f.check,
          inventory_item_id: f.inventory_item_id,
          location_id: f.location_id,
          lot_id: f.lot_id ?? null,
          order_id: f.order_id ?? null,
          expected: f.expected,
          actual: f.actual,
          source: f.source,
          repair: f.repair,
        })),
      })),
    })
    sendNotificationsStep(
      transform({ message }, ({ message }) => [
        { to: "", channel: "feed", template: "admin-ui", data: { ...message!, link: INTEGRITY_PAGE_PATH } },
      ])
    )
  })
  return new WorkflowResponse(message)
})
