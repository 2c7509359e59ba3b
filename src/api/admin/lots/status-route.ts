import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { LotStatusAction } from "../../../modules/lot/domain/lot-status"
import { changeLotStatusWorkflow } from "../../../workflows/change-lot-status"
import { refetchLot } from "./helpers"
import type { AdminLotStatusChangeResponse } from "./types"
import type { AdminLotStatusChangeType } from "./validators"

/** POST handler that moves the lot in the URL through `action` (hold, release, reject). */
export function lotStatusRoute(action: LotStatusAction) {
  return async (req: AuthenticatedMedusaRequest<AdminLotStatusChangeType>, res: MedusaResponse<AdminLotStatusChangeResponse>) => {
    const { reason, note, test_results } = req.validatedBody
    const { result } = await changeLotStatusWorkflow(req.scope).run({
      input: {
        lot_id: req.params.id,
        action,
        reason,
        note,
        data: test_results ? { test_results } : null,
        actor_id: req.auth_context.actor_id,
      },
    })
    const lot = await refetchLot(req.params.id, req.scope)
    res.status(200).json({ lot, status_change: result })
  }
}
