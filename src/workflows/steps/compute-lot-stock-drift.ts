import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOT_MODULE } from "../../modules/lot"
import { findStockDrift } from "../../modules/lot/domain/reconciliation"
import type LotModuleService from "../../modules/lot/service"

export type ComputeLotStockDriftStepInput = { inventory_item_id?: string[] }

export const computeLotStockDriftStepId = "compute-lot-stock-drift"
/**
 * Compares, for every lot-tracked item and location, Medusa's stocked quantity with the sum of
 * its lot stock, and lists where they differ (e.g. after stock was edited outside the plugin),
 * with the cause where the plugin knows it (units Medusa restocked twice on a cancel after a return).
 * Read-only.
 * Used by `reconcileLotStockWorkflow`.
 *
 * @example
 * const { drift } = computeLotStockDriftStep({})
 */
export const computeLotStockDriftStep = createStep(
  computeLotStockDriftStepId,
  async (input: ComputeLotStockDriftStepInput, { container }) => {
    const lots = container.resolve<LotModuleService>(LOT_MODULE)
    const policies = await lots.listLotPolicies(
      { tracked: true, ...(input.inventory_item_id ? { inventory_item_id: input.inventory_item_id } : {}) },
      { select: ["inventory_item_id"] }
    )
    const itemIds = policies.map((p) => p.inventory_item_id)
    const [levels, totals, doubleRestocks] = itemIds.length
      ? await Promise.all([
          container
            .resolve(Modules.INVENTORY)
            .listInventoryLevels(
              { inventory_item_id: itemIds },
              { select: ["inventory_item_id", "location_id", "stocked_quantity"] }
            ),
          lots.sumLotStock({ inventory_item_id: itemIds }),
          lots.listDoubleRestockedUnits(itemIds),
        ])
      : [[], [], []]
    const drift = findStockDrift(
      itemIds,
      levels.map((l) => ({
        inventory_item_id: l.inventory_item_id,
        location_id: l.location_id,
        stocked_quantity: Number(l.stocked_quantity),
      })),
      totals,
      doubleRestocks
    )
    return new StepResponse({ checked_items: itemIds.length, in_balance: drift.length === 0, drift })
  }
)
