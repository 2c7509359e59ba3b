import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { checkEveryLine } from "../../modules/lot/domain/receipt-lines"
import type LotModuleService from "../../modules/lot/service"
import { supplierNotFound } from "./lookups/suppliers"
import { resolveReceiptScan, type ResolvedLotReceipt, type ResolveLotReceiptScanStepInput } from "./resolve-lot-receipt-scan"
import { withSupplierFacts } from "./resolve-lot-supplier"

export const resolveLotReceiptsStepId = "resolve-lot-receipts"
/**
 * The batch form of `resolveLotReceiptScanStep` and `resolveLotSupplierStep`: each line's scanned
 * code (if it has one) becomes its fields, then its FSMA facts are checked and completed from its
 * supplier record, all suppliers read in one query. Every refused line is named in one answer.
 * Reads only; used first by `receiveLotsWorkflow`.
 *
 * @example
 * const lines = resolveLotReceiptsStep([{ inventory_item_id, location_id, quantity: 24, supplier_id: "lotsup_1", lot_number: "AD-77" }])
 */
export const resolveLotReceiptsStep = createStep(
  resolveLotReceiptsStepId,
  async (receipts: ResolveLotReceiptScanStepInput[], { container }) => {
    const scanned = await checkEveryLine(receipts, (index) => resolveReceiptScan(container, receipts[index]))
    const supplierIds = [...new Set(scanned.flatMap((line) => line.supplier_id ?? []))]
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const suppliers = new Map((supplierIds.length ? await lots.listLotSuppliers({ id: supplierIds }) : []).map((s) => [s.id, s]))
    const resolved = await checkEveryLine(scanned, (index) =>
      withSupplierFacts(scanned[index], (id) => suppliers.get(id) ?? supplierNotFound(id))
    )
    return new StepResponse<ResolvedLotReceipt[]>(resolved)
  }
)
