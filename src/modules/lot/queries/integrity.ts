import type { LotStockBlockRow } from "../domain/blocked-stock"
import type { LineHolding, LotLedger } from "../domain/integrity"
import { listStockRowsOfItems } from "../sql/blocked-stock-sql"
import { sumLotEventsByLot, sumOpenAllocationsByStock, sumOpenLineHoldings } from "../sql/integrity-sql"
import type { Sql } from "../sql/sql"

/** The lot side of the integrity checks, for the given lot-tracked items. */
export type LotIntegrityState = {
  stock: LotStockBlockRow[]
  /** Units in open allocations per stock row id. */
  open_by_stock: Record<string, number>
  holdings: Omit<LineHolding, "demand">[]
  ledgers: LotLedger[]
}

/**
 * Reads the lots' stock rows, open allocations, line holdings and history totals in one
 * repeatable-read snapshot, so the numbers compared were all true at the same moment.
 */
export async function readLotIntegrityState(sql: Sql, itemIds: string[]): Promise<LotIntegrityState> {
  const stock = await listStockRowsOfItems(sql, itemIds)
  const openByStock = await sumOpenAllocationsByStock(sql, itemIds)
  const holdings = await sumOpenLineHoldings(sql, itemIds)
  const totals = await sumLotEventsByLot(sql, itemIds)
  const lots = new Map<string, LotLedger>()
  for (const row of stock) {
    const lot = lots.get(row.lot_id) ?? {
      lot_id: row.lot_id,
      lot_number: row.lot_number,
      inventory_item_id: row.inventory_item_id,
      on_hand: 0,
      totals: totals.get(row.lot_id) ?? {},
    }
    lot.on_hand += row.quantity
    lots.set(row.lot_id, lot)
  }
  return { stock, open_by_stock: Object.fromEntries(openByStock), holdings, ledgers: [...lots.values()] }
}
