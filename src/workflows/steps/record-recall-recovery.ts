import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, RecallActionType } from "../../modules/lot"
import type { RecallRecovery } from "../../modules/lot/actions/recall-units"
import type LotModuleService from "../../modules/lot/service"

export type RecordRecallRecoveryStepInput = RecallRecovery

export const recordRecallRecoveryStepId = "record-recall-recovery-step"
/**
 * Records units of a recalled lot recovered outside a Medusa return (from a customer, when named)
 * in the recall's activity. The activity is append-only, so the compensation records the same
 * units taken back. Used by `recordRecallRecoveryWorkflow`.
 *
 * @example
 * recordRecallRecoveryStep({ recall_id: "rcl_1", lot_id: "lot_1", quantity: 2, customer_key: "cus_1" })
 */
export const recordRecallRecoveryStep = createStep(
  recordRecallRecoveryStepId,
  async (input: RecordRecallRecoveryStepInput, { container }) => {
    const recorded = await container.resolve<LotModuleService>(LOT_MODULE).recordRecallRecovery(input)
    return new StepResponse(recorded, input)
  },
  async (input, { container }) => {
    if (input) {
      await container.resolve<LotModuleService>(LOT_MODULE).reverseRecallUnits({ ...input, type: RecallActionType.UNITS_RECOVERED })
    }
  }
)
