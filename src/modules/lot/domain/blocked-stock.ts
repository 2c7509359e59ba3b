import type { LotStatus } from "../types"
import { isAllocatableStatus } from "./lot-status"

export type LotStockBlockRow = {
  stock_id: string
  lot_id: string
  lot_number: string
  status: LotStatus
  inventory_item_id: string
  location_id: string
  quantity: number
  allocated_quantity: number
  quarantined_quantity: number
  blocked_reservation_id: string | null
}

export type BlockChange =
  | { kind: "create"; row: LotStockBlockRow; quantity: number }
  | { kind: "update"; row: LotStockBlockRow; reservation_id: string; from: number; quantity: number }
  | { kind: "delete"; row: LotStockBlockRow; reservation_id: string; from: number }

/**
 * Units of a lot at a location that must be held back from Medusa's available stock: everything
 * not already promised to an order while the lot may not be sold, else the returned units still
 * awaiting inspection.
 */
export function blockedQuantity(
  row: Pick<LotStockBlockRow, "status" | "quantity" | "allocated_quantity" | "quarantined_quantity">
): number {
  return isAllocatableStatus(row.status)
    ? Math.max(0, row.quarantined_quantity)
    : Math.max(0, row.quantity - row.allocated_quantity)
}

/**
 * What to do with each row's blocking reservation so that it holds exactly `blockedQuantity`.
 * `reservations` maps existing reservation ids to their quantity; a row pointing at a reservation
 * that no longer exists (deleted in Medusa's admin) gets a new one.
 */
export function planBlockChanges(rows: LotStockBlockRow[], reservations: Map<string, number>): BlockChange[] {
  const changes: BlockChange[] = []
  for (const row of rows) {
    const wanted = blockedQuantity(row)
    const id = row.blocked_reservation_id
    const current = id ? reservations.get(id) : undefined
    if (!id || current === undefined) {
      if (wanted > 0) changes.push({ kind: "create", row, quantity: wanted })
      else if (id) changes.push({ kind: "delete", row, reservation_id: id, from: 0 })
    } else if (wanted === 0) {
      changes.push({ kind: "delete", row, reservation_id: id, from: current })
    } else if (wanted !== current) {
      changes.push({ kind: "update", row, reservation_id: id, from: current, quantity: wanted })
    }
  }
  return changes
}
