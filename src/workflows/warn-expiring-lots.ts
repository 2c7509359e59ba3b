import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LotEvents } from "../modules/lot"
import { EXPIRY_PAGE_PATH, warningNotification } from "../modules/lot/domain/expiry-warnings"
import { markExpiryWarningsStep, type MarkExpiryWarningsStepInput } from "./steps"

export const warnExpiringLotsWorkflowId = "warn-expiring-lots"
/**
 * The expiry warning pass, one batch: lots with stock that entered a smaller warning window
 * (default 90, 60, 30 days) than the last one announced are marked, get an `expiry_warning`
 * history entry and emit `lot.expiring_soon` — once per window per lot. Run daily by the
 * `expire-lots` job and on demand by `POST /admin/lots/expiry-warnings`, through
 * `sweepExpiryWarnings(container)`, which also posts the run's one admin notification.
 *
 * @example
 * const { result } = await warnExpiringLotsWorkflow(container).run({ input: { as_of: new Date(), limit: 1000 } })
 */
export const warnExpiringLotsWorkflow = createWorkflow(
  warnExpiringLotsWorkflowId,
  (input: WorkflowData<MarkExpiryWarningsStepInput>) => {
    const warned = markExpiryWarningsStep(input)
    emitEventStep({
      eventName: LotEvents.EXPIRING_SOON,
      data: transform({ warned }, ({ warned }) =>
        warned.map((lot) => ({
          id: lot.id,
          lot_number: lot.lot_number,
          inventory_item_id: lot.inventory_item_id,
          expires_at: lot.expires_at,
          window_days: lot.window_days,
          days_left: lot.days_left,
        }))
      ),
    })
    return new WorkflowResponse(warned)
  }
)

export type NotifyExpiryWarningsWorkflowInput = { warned: { window_days: number }[] }

export const notifyExpiryWarningsWorkflowId = "notify-expiry-warnings"
/**
 * Posts one admin feed notification summarising a warning run ("3 lots expire within 30 days",
 * pointing at the Expiry page); nothing when no lot was announced. Run by `sweepExpiryWarnings`
 * after the last batch.
 *
 * @example
 * await notifyExpiryWarningsWorkflow(container).run({ input: { warned: [{ window_days: 30 }] } })
 */
export const notifyExpiryWarningsWorkflow = createWorkflow(
  notifyExpiryWarningsWorkflowId,
  (input: WorkflowData<NotifyExpiryWarningsWorkflowInput>) => {
    const message = transform({ input }, ({ input }) => warningNotification(input.warned))
    when({ message }, ({ message }) => message !== null).then(() =>
      sendNotificationsStep(
        transform({ message }, ({ message }) => [
          { to: "", channel: "feed", template: "admin-ui", data: { ...message!, link: EXPIRY_PAGE_PATH } },
        ])
      )
    )
    return new WorkflowResponse(message)
  }
)
