import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { trimOverReservations } from "../../../workflows/runners/over-reservations"

/**
 * When Medusa refuses to confirm an order edit (too little stock, say), its rollback restores
 * every reservation its lines ever had — those their fulfillments deleted too — so a fulfilled
 * line is reserved again and holds stock back from sale. Once the refusal is sent (the rollback is
 * done by then), the order's reservations are trimmed to what its lines have left to fulfill.
 */
export function trimReservationsAfterRefusedEdit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const orderId = req.params.id
  res.on("finish", () => {
    if (res.statusCode < 400 || !orderId) return
    trimOverReservations(req.scope, { order_ids: [orderId] }).catch((e: Error) =>
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`lot-tracking: trimming reservations after a refused edit of ${orderId} failed: ${e.message}`)
    )
  })
  next()
}

export const adminOrderEditMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-edits/:id/confirm", middlewares: [trimReservationsAfterRefusedEdit] },
]
