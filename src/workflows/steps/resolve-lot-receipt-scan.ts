import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findVariantsByGtin, readScannedCode } from "./lookups/scan"
import type { ReceiveLotInput } from "../../modules/lot"
import { mergeScannedReceipt, receiptScanConflicts, scannedReceipt } from "../../modules/lot/domain/receipt-scan"
import { describeVariant, variantItemId } from "../../modules/lot/domain/scan-assessment"

export type ResolveLotReceiptScanStepInput = Omit<ReceiveLotInput, "inventory_item_id"> & {
  /** Optional with a `code` whose GTIN names the item. */
  inventory_item_id?: string
  /** What a scanner sent: GS1 element string, GS1 Digital Link or a plain lot number. */
  code?: string
  /** The scanner's FNC1 stand-in, if it sends one instead of ASCII 29. */
  fnc1?: string
  additional_data?: Record<string, unknown>
}

export type ResolvedLotReceipt = Omit<ResolveLotReceiptScanStepInput, "code" | "fnc1" | "inventory_item_id"> & {
  inventory_item_id: string
}

export const resolveLotReceiptScanStepId = "resolve-lot-receipt-scan"
/**
 * Turns a receipt with a scanned `code` into explicit fields: (01) GTIN -> the variant with that
 * barcode / EAN / UPC -> its inventory item; (10) lot number; (17) expiry; (11) production date;
 * (15) best before. Fields sent beside the code must agree with it: every contradiction is named in
 * one 400, as is a code the parser cannot read. Reads only; used first by `receiveLotWorkflow`.
 *
 * @example
 * const receipt = resolveLotReceiptScanStep({ code: "]d2010950600013435217270331" + "10L-1", location_id, quantity: 24 })
 */
export const resolveLotReceiptScanStep = createStep(
  resolveLotReceiptScanStepId,
  async (input: ResolveLotReceiptScanStepInput, { container }) => new StepResponse(await resolveReceiptScan(container, input))
)

/** A receipt's scanned code turned into its fields (see resolveLotReceiptScanStep); also used per line by `resolveLotReceiptsStep`. */
export async function resolveReceiptScan(container: MedusaContainer, input: ResolveLotReceiptScanStepInput): Promise<ResolvedLotReceipt> {
  const { code, fnc1, ...fields } = input
  if (code === undefined) {
    return { ...fields, inventory_item_id: requireItemId(fields.inventory_item_id) }
  }
  const scanned = scannedReceipt(readScannedCode(code, { fnc1 }, "The scanned code cannot be read: "))
  const problems = receiptScanConflicts(scanned, fields)
  let inventoryItemId = fields.inventory_item_id
  if (scanned.gtin) {
    const item = await itemOfGtin(container, scanned.gtin, fields.inventory_item_id)
    if ("problem" in item) {
      problems.unshift(item.problem)
    } else {
      inventoryItemId = item.id
    }
  } else if (!inventoryItemId) {
    problems.unshift("The scanned code names no product (no GTIN): send inventory_item_id with it.")
  }
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join(" "))
  }
  return { ...mergeScannedReceipt(scanned, fields), inventory_item_id: inventoryItemId! }
}

function requireItemId(inventoryItemId: string | undefined): string {
  if (!inventoryItemId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "inventory_item_id is required, or a scanned code whose GTIN names the item.")
  }
  return inventoryItemId
}

/** The inventory item of the variant(s) with this GTIN, checked against the one sent beside it. */
async function itemOfGtin(
  container: MedusaContainer,
  gtin: string,
  explicitItemId: string | undefined
): Promise<{ id: string } | { problem: string }> {
  const variants = await findVariantsByGtin(container, gtin)
  const products = variants.map(describeVariant).join(" / ")
  if (!variants.length) {
    return { problem: `GTIN ${gtin} is unknown in this store: no product variant has it as barcode, EAN or UPC.` }
  }
  if (explicitItemId) {
    const holds = variants.some((variant) => variant.inventory_items.some((link) => link.inventory_item_id === explicitItemId))
    return holds ? { id: explicitItemId } : { problem: `The scanned code is for ${products}, not inventory item ${explicitItemId}.` }
  }
  const itemIds = [...new Set(variants.flatMap((variant) => variantItemId(variant, null) ?? []))]
  if (itemIds.length === 1) {
    return { id: itemIds[0] }
  }
  if (itemIds.length > 1) {
    return { problem: `GTIN ${gtin} is on several products (${products}): send inventory_item_id to say which.` }
  }
  return variants.some((variant) => variant.inventory_items.length)
    ? { problem: `${products} is made of several inventory items: send inventory_item_id to say which one the lot is.` }
    : { problem: `${products} does not manage inventory, so its lots cannot be tracked.` }
}
