import { countItemLotsByStatus, listItemLotsOnHand, type ItemLotSummary } from "../sql/item-stock-sql"
import type { Sql } from "../sql/sql"
import { LotStatus } from "../types"

/** An item's lots at a glance: how many per status, those still holding units, the next to expire. */
export async function summarizeItemLots(
  sql: Sql,
  inventoryItemId: string,
  { limit, as_of }: { limit: number; as_of: Date }
): Promise<ItemLotSummary> {
  const [counts, onHand, next] = await Promise.all([
    countItemLotsByStatus(sql, inventoryItemId),
    listItemLotsOnHand(sql, inventoryItemId, limit),
    listItemLotsOnHand(sql, inventoryItemId, 1, {
      status: [LotStatus.RELEASED, LotStatus.QUARANTINE, LotStatus.ON_HOLD],
      expires_from: as_of,
    }),
  ])
  const byStatus = Object.fromEntries(Object.values(LotStatus).map((status) => [status, 0])) as Record<LotStatus, number>
  for (const { status, count } of counts) {
    byStatus[status] = count
  }
  return {
    lots_by_status: byStatus,
    lot_count: counts.reduce((sum, c) => sum + c.count, 0),
    lots_on_hand: onHand.lots,
    lots_on_hand_count: onHand.count,
    next_expiry: next.lots[0] ?? null,
  }
}
