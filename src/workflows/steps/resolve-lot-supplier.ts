import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { supplierDetails } from "../../modules/lot/domain/lot-supplier"
import { receiptTlc, receiptTlcProblems } from "../../modules/lot/domain/receipt-tlc"
import type LotModuleService from "../../modules/lot/service"
import { requireSupplier } from "./lookups/suppliers"
import type { ResolvedLotReceipt } from "./resolve-lot-receipt-scan"

export const resolveLotSupplierStepId = "resolve-lot-supplier"
/**
 * Completes a receipt's FSMA 204 facts before anything is written or numbered: the supplier named
 * by `supplier_id` fills the lot's supplier name and a copy of its location and references; the
 * exempt-source flag and who assigned the lot code are checked (and the assigner defaulted, see
 * receipt-tlc.ts). An unknown supplier is NOT_FOUND, contradictions one INVALID_DATA. Reads only;
 * used by `receiveLotWorkflow` after the scanned code is resolved.
 *
 * @example
 * const receipt = resolveLotSupplierStep({ inventory_item_id, location_id, quantity: 24, supplier_id: "lotsup_1", lot_number: "AD-77" })
 */
export const resolveLotSupplierStep = createStep(
  resolveLotSupplierStepId,
  async (input: ResolvedLotReceipt, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    return new StepResponse<ResolvedLotReceipt>(await withSupplierFacts(input, (id) => requireSupplier(lots, id)))
  }
)

type Supplier = Parameters<typeof supplierDetails>[0]

/**
 * A receipt with its FSMA facts checked, then completed from the supplier record `supplier_id`
 * names (`findSupplier` reads it, or refuses). Shared by `resolveLotSupplierStep` and
 * `resolveLotReceiptsStep`.
 */
export async function withSupplierFacts(
  input: ResolvedLotReceipt,
  findSupplier: (id: string) => Supplier | Promise<Supplier>
): Promise<ResolvedLotReceipt> {
  const problems = receiptTlcProblems(input)
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join(" "))
  }
  const tlc = receiptTlc(input)
  if (!input.supplier_id) {
    return { ...input, ...tlc }
  }
  const details = supplierDetails(await findSupplier(input.supplier_id))
  return { ...input, ...tlc, supplier: details.name, supplier_details: details }
}
