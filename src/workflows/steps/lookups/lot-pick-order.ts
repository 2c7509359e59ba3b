import type { MedusaContainer } from "@medusajs/framework/types"
import { LOT_MODULE } from "../../../modules/lot"
import { compareLots, type AllocatableLot } from "../../../modules/lot/domain/allocation"
import { allocationRulesFor } from "../../../modules/lot/domain/allocation-rules"
import type LotModuleService from "../../../modules/lot/service"
import type { LotStatus } from "../../../modules/lot/types"

type LotComparator = (x: AllocatableLot, y: AllocatableLot) => number

/** An open allocation with its lot, as a pick list shows it. */
export type AllocatedLotRow = {
  quantity: number
  lot: { id: string; lot_number: string; status: LotStatus; expires_at: Date | string | null; received_at: Date | string }
}

/** An allocation's lot as the strategy comparators read it. */
export const allocationAsLot = (a: AllocatedLotRow): AllocatableLot => ({
  lot_id: a.lot.id,
  lot_number: a.lot.lot_number,
  status: a.lot.status,
  expires_at: a.lot.expires_at ? new Date(a.lot.expires_at) : null,
  received_at: new Date(a.lot.received_at),
  available: a.quantity,
})

/**
 * For each item, the comparator its allocation strategy (FEFO, FIFO or LIFO, from its lot
 * policy; FEFO without one) orders lots by: the order a picker takes an item's lots in.
 */
export async function lotOrderByItem(container: MedusaContainer, itemIds: string[], now = new Date()): Promise<(itemId: string) => LotComparator> {
  const ids = [...new Set(itemIds)]
  const policies = ids.length ? await container.resolve<LotModuleService>(LOT_MODULE).listLotPolicies({ inventory_item_id: ids }) : []
  const policyOf = new Map(policies.map((p) => [p.inventory_item_id, p]))
  const comparators = new Map<string, LotComparator>()
  return (itemId) => {
    let compare = comparators.get(itemId)
    if (!compare) {
      const { strategy, removal_lead_days } = allocationRulesFor(policyOf.get(itemId), now)
      compare = compareLots(strategy, removal_lead_days)
      comparators.set(itemId, compare)
    }
    return compare
  }
}
