import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type ReleasedAllocation } from "../../modules/lot"
import { isAllocatableStatus } from "../../modules/lot/domain/lot-status"
import type LotModuleService from "../../modules/lot/service"
import type { LotStatus } from "../../modules/lot/types"

export type ReleaseAllocationsStepInput =
  | { order_id: string; reason: string }
  | { lot_ids: string[]; lot_status: LotStatus; reason: string }

export const releaseAllocationsStepId = "release-allocations"
/**
 * Gives open allocations back to their lots: all of an order's (canceled), or all of some lots'
 * once they may no longer be sold (held, rejected, recalled, expired; nothing happens for a released
 * lot). Compensation re-opens them.
 * Used by the status change, recall, expiry and order-cancel workflows.
 *
 * @example
 * const released = releaseAllocationsStep({ lot_ids: ["lot_1"], lot_status: "on_hold", reason: "held" })
 */
export const releaseAllocationsStep = createStep(
  releaseAllocationsStepId,
  async (input: ReleaseAllocationsStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    let released: ReleasedAllocation[] = []
    if ("order_id" in input) {
      released = await lots.releaseOrderAllocations(input.order_id, input.reason)
    } else if (!isAllocatableStatus(input.lot_status)) {
      released = await lots.releaseLotAllocations(input.lot_ids, input.reason)
    }
    return new StepResponse(released, released)
  },
  async (released: ReleasedAllocation[] | undefined, { container }) => {
    if (!released?.length) {
      return
    }
    await container.resolve<LotModuleService>(LOT_MODULE).reopenAllocations(released)
  }
)
