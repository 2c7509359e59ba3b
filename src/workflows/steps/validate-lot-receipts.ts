import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { checkEveryLine } from "../../modules/lot/domain/receipt-lines"
import type LotModuleService from "../../modules/lot/service"
import { findStockLocationIds, stockLocationNotFound, trackedPolicy } from "./lookups/locations-and-policies"
import {
  checkReceiptAgainstPolicy, inventoryItemNotFound, type ValidatedLotReceipt, type ValidateLotReceiptStepInput,
} from "./validate-lot-receipt"

export const validateLotReceiptsStepId = "validate-lot-receipts"
/**
 * The batch form of `validateLotReceiptStep`: the items, locations and lot policies of every line
 * are read in one query each, then each line meets the same rules (item and location exist, the
 * item is lot-tracked, dates make sense, a typed number matches the pattern). Every refused line is
 * named in one answer; writes nothing. Used by `receiveLotsWorkflow`.
 *
 * @example
 * const validated = validateLotReceiptsStep([{ inventory_item_id: "iitem_1", location_id: "sloc_1" }])
 */
export const validateLotReceiptsStep = createStep(
  validateLotReceiptsStepId,
  async (receipts: ValidateLotReceiptStepInput[], { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const itemIds = [...new Set(receipts.map((r) => r.inventory_item_id))]
    const [items, locations, policies] = await Promise.all([
      container.resolve(Modules.INVENTORY).listInventoryItems({ id: itemIds }, { select: ["id", "sku"] }),
      findStockLocationIds(container, receipts.map((r) => r.location_id)),
      lots.listLotPolicies({ inventory_item_id: itemIds }),
    ])
    const itemById = new Map(items.map((item) => [item.id, item]))
    const policyOf = new Map(policies.map((policy) => [policy.inventory_item_id, policy]))
    const validated = await checkEveryLine(receipts, (index) => {
      const receipt = receipts[index]
      const item = itemById.get(receipt.inventory_item_id)
      if (!item) {
        throw inventoryItemNotFound(receipt.inventory_item_id)
      }
      if (!locations.has(receipt.location_id)) {
        throw stockLocationNotFound(receipt.location_id)
      }
      const policy = trackedPolicy(policyOf.get(receipt.inventory_item_id), receipt.inventory_item_id)
      return checkReceiptAgainstPolicy(receipt, item, policy, lots.getOptions())
    })
    return new StepResponse<ValidatedLotReceipt[]>(validated)
  }
)
