import { AllocationStrategy } from "../types"
import type { AllocationRules } from "./allocation"

/** The parts of an item's lot policy that decide which lots may go to an order, and in which order. */
export type AllocationPolicy = {
  strategy: AllocationStrategy
  min_remaining_shelf_life_days: number
  removal_lead_days: number
}

/**
 * An item's allocation rules for a shipment on `shipDate`, read from its lot policy. An item
 * without a policy gets the policy's defaults (FEFO, no removal lead time, no minimum shelf life).
 */
export function allocationRulesFor(policy: AllocationPolicy | null | undefined, shipDate: Date): AllocationRules {
  return {
    strategy: policy?.strategy ?? AllocationStrategy.FEFO,
    ship_date: shipDate,
    min_remaining_shelf_life_days: policy?.min_remaining_shelf_life_days ?? 0,
    removal_lead_days: policy?.removal_lead_days ?? 0,
  }
}
