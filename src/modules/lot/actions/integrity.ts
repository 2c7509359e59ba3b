import { insertCorrections, recountAllocatedQuantities, type LotCorrectionInput } from "../sql/integrity-sql"
import { recountReservedQuantity } from "../sql/medusa-inventory-sql"
import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType } from "../types"

/**
 * Sets the stock rows' allocated counters to what their open allocations add up to; each change
 * goes into the lot's history (`corrected`) and the repair's record.
 */
export async function recountAllocatedCounters(
  sql: Sql,
  input: { stock_ids: string[]; actor_id?: string | null }
): Promise<LotCorrectionInput[]> {
  const changed = await recountAllocatedQuantities(sql, input.stock_ids)
  const reason = "allocated count set to what the lot's open allocations add up to"
  await insertLotEvents(
    sql,
    changed.map((c) => ({
      lot_id: c.lot_id,
      type: LotEventType.CORRECTED,
      quantity: c.after - c.before,
      location_id: c.location_id,
      actor_id: input.actor_id ?? null,
      reason,
      data: { field: "allocated_quantity", before: c.before, after: c.after },
    }))
  )
  const corrections = changed.map((c) => ({
    check: "allocated",
    inventory_item_id: c.inventory_item_id,
    location_id: c.location_id,
    lot_id: c.lot_id,
    before: c.before,
    after: c.after,
    source: "lots" as const,
    message: reason,
    actor_id: input.actor_id ?? null,
  }))
  await insertCorrections(sql, corrections)
  return corrections
}

/**
 * Sets Medusa's reserved quantity of each item and location to what its reservations add up to,
 * recording each change. The caller holds Medusa's inventory lock for the items.
 */
export async function recountReservedQuantities(
  sql: Sql,
  input: { levels: { inventory_item_id: string; location_id: string }[]; actor_id?: string | null }
): Promise<LotCorrectionInput[]> {
  const corrections: LotCorrectionInput[] = []
  for (const level of input.levels) {
    const changed = await recountReservedQuantity(sql, level.inventory_item_id, level.location_id)
    if (changed) {
      corrections.push({
        check: "reserved",
        ...level,
        ...changed,
        source: "medusa",
        message: "Medusa's reserved quantity set to what its reservations add up to",
        actor_id: input.actor_id ?? null,
      })
    }
  }
  await insertCorrections(sql, corrections)
  return corrections
}
