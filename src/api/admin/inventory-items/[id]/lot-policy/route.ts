import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../../modules/lot"
import { DEFAULT_LOT_NUMBER_TEMPLATE } from "../../../../../modules/lot/domain/lot-number-template"
import type LotModuleService from "../../../../../modules/lot/service"
import { AllocationStrategy, DEFAULT_UNIT_OF_MEASURE } from "../../../../../modules/lot/types"
import { upsertLotPolicyWorkflow } from "../../../../../workflows/upsert-lot-policy"
import type { AdminLotPolicyResponse } from "../../types"
import type { AdminUpsertLotPolicyType } from "../../validators"

/** The item's lot policy; an item that never had one is shown untracked, with the defaults. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLotPolicyResponse>) => {
  const inventoryItemId = req.params.id
  const [item] = await req.scope
    .resolve(Modules.INVENTORY)
    .listInventoryItems({ id: inventoryItemId }, { select: ["id"] })
  if (!item) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item with id: ${inventoryItemId} was not found`)
  }
  const [policy] = await req.scope.resolve<LotModuleService>(LOT_MODULE).listLotPolicies({ inventory_item_id: inventoryItemId })
  res.status(200).json({
    lot_policy: policy ?? {
      id: null,
      inventory_item_id: inventoryItemId,
      tracked: false,
      strategy: AllocationStrategy.FEFO,
      shelf_life_days: null,
      removal_lead_days: 0,
      min_remaining_shelf_life_days: 0,
      lot_number_template: null,
      lot_number_pattern: null,
      unit_of_measure: DEFAULT_UNIT_OF_MEASURE,
    },
    default_lot_number_template: DEFAULT_LOT_NUMBER_TEMPLATE,
  })
}

/** Creates or updates the item's lot policy (turning tracking on or off). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertLotPolicyType>, res: MedusaResponse<AdminLotPolicyResponse>) => {
  const { result } = await upsertLotPolicyWorkflow(req.scope).run({
    input: { ...req.validatedBody, inventory_item_id: req.params.id },
  })
  res.status(200).json({ lot_policy: result, default_lot_number_template: DEFAULT_LOT_NUMBER_TEMPLATE })
}
