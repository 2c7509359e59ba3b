import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { trimOverReservations } from "../../workflows/runners/over-reservations"

/**
 * When Medusa refuses to confirm an order edit (too little stock, say) or to cancel an order after
 * it deleted the order's reservations, its rollback restores every reservation the lines ever had
 * (`restoreReservationItemsByLineItem`) — those their fulfillments deleted too — so a fulfilled
 * line is reserved again and holds stock back from sale. Once the refusal is sent (the rollback is
 * done by then), the order's reservations are trimmed to what its lines have left to fulfill.
 */
export function trimReservationsAfterRefusal(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const orderId = req.params.id
  res.on("finish", () => {
    if (res.statusCode < 400 || !orderId) return
    trimOverReservations(req.scope, { order_ids: [orderId] }).catch((e: Error) =>
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`lot-tracking: trimming reservations after a refused change of ${orderId} failed: ${e.message}`)
    )
  })
  next()
}

/** Medusa's routes whose rollback can restore reservations; `:id` is the order's id in both. */
export const refusedOrderChangeMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-edits/:id/confirm", middlewares: [trimReservationsAfterRefusal] },
  { method: ["POST"], matcher: "/admin/orders/:id/cancel", middlewares: [trimReservationsAfterRefusal] },
]
