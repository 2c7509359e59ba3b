import { insertLotEvents, type Sql } from "../sql/sql"
import { LotEventType } from "../types"

/** A lot's blocking reservation someone deleted or edited, and what holds its units back now. */
export type RestoredBlock = {
  lot_id: string
  location_id: string
  deleted_reservation_id: string
  /** The reservation that replaced it; null when the lot had nothing left to hold back. */
  reservation_id: string | null
  quantity: number
  /** What was done to the block in Medusa. */
  change: "deleted" | "edited"
}

/**
 * Records in each lot's history that its block was deleted or edited outside the plugin and put
 * back: the change made held units sellable for a moment, which an auditor must be able to see.
 */
export async function recordRestoredBlocks(sql: Sql, blocks: RestoredBlock[]): Promise<string[]> {
  return await insertLotEvents(
    sql,
    blocks.map((b) => ({
      lot_id: b.lot_id,
      type: LotEventType.BLOCK_RESTORED,
      location_id: b.location_id,
      reason: `the reservation holding the lot's units back was ${b.change} in Medusa`,
      reference_type: "reservation",
      reference_id: b.deleted_reservation_id,
      data: { reservation_id: b.reservation_id, quantity: b.quantity },
    }))
  )
}
