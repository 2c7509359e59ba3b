import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE, type LotEditInput, type PickedLotSupplier } from "../../modules/lot"
import type { DateLike } from "../../modules/lot/domain/lot-dates"
import { supplierDetails } from "../../modules/lot/domain/lot-supplier"
import type LotModuleService from "../../modules/lot/service"
import { requireSupplier } from "./lookups/suppliers"

/** A lot edit as the API takes it: a field left out stays, null clears it. */
export type PrepareLotEditStepInput = {
  lot_id: string
  actor_id?: string | null
  manufactured_at?: DateLike
  expires_at?: DateLike
  best_before_at?: DateLike
  supplier_id?: string | null
  supplier_lot_number?: string | null
  notes?: string | null
}

export const prepareLotEditStepId = "prepare-lot-edit"
/**
 * Reads what a lot edit needs before anything is written: the lot (NOT_FOUND when unknown), its
 * item's shelf life (to derive a cleared expiry again) and the supplier a `supplier_id` names, with
 * the copy of its details a receipt would keep (NOT_FOUND when unknown or deleted). Naming the
 * lot's own supplier again changes nothing. Reads only; used by `editLotWorkflow`.
 *
 * @example
 * const edit = prepareLotEditStep({ lot_id: "lot_1", expires_at: "2027-02-01", supplier_id: "lotsup_1" })
 */
export const prepareLotEditStep = createStep(prepareLotEditStepId, async (input: PrepareLotEditStepInput, { container }) => {
  const lots = container.resolve<LotModuleService>(LOT_MODULE)
  const lot = await lots.retrieveLot(input.lot_id, { select: ["id", "inventory_item_id", "supplier_id"] })
  const [policy] = await lots.listLotPolicies({ inventory_item_id: lot.inventory_item_id })
  const { lot_id, actor_id, supplier_id, ...patch } = input
  const supplierChanged = supplier_id !== undefined && supplier_id !== lot.supplier_id
  return new StepResponse<LotEditInput>({
    lot_id,
    actor_id,
    shelf_life_days: policy?.shelf_life_days ?? null,
    patch: { ...patch, ...(supplierChanged && { supplier: supplier_id ? await pickSupplier(lots, supplier_id) : null }) },
  })
})

async function pickSupplier(lots: LotModuleService, supplierId: string): Promise<PickedLotSupplier> {
  const supplier = await requireSupplier(lots, supplierId)
  return { id: supplier.id, details: supplierDetails(supplier) }
}
