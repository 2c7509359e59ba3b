import { LotEventType, type LotModuleOptions, type LotReceipt, type LotStockChange, type LotStockChangeResult, type ReceiveLotInput } from "../types"
import { netLevelChanges, type LevelChange } from "../domain/level-changes"
import { inventoryLevelChanges, type LotTransformation, type LotTransformationInput } from "../domain/transformation"
import { insertLevelChanges, setLevelChangesReverted } from "../sql/level-change-sql"
import type { ReceiptLines } from "../domain/receipt-lines"
import type { Sql } from "../sql/sql"
import { receiveLots, revertLotReceipts } from "./receive"
import { changeLotStock } from "./stock"
import { revertLotTransformation, transformLots } from "./transform"

// The lot writes whose units Medusa does not yet count (receipts, adjustments, transfers,
// productions, splits): each records, in its own transaction, the change Medusa's stocked quantity
// needs (see the lot_level_change model); each compensation marks it reverted in the same way.

const recordLevelChanges = (sql: Sql, changes: LevelChange[]) => insertLevelChanges(sql, netLevelChanges(changes))

/** A receipt, with the stocked quantity Medusa gains. */
export async function receiveLotWithLevelChange(sql: Sql, input: ReceiveLotInput, options: Required<LotModuleOptions>): Promise<LotReceipt> {
  const [receipt] = await receiveLotsWithLevelChange(sql, [input], options)
  return receipt
}

/** Receipts of a batch, with the stocked quantities Medusa gains recorded as one change (netted per item and location). */
export async function receiveLotsWithLevelChange(
  sql: Sql,
  inputs: ReceiveLotInput[],
  options: Required<LotModuleOptions>,
  lines?: ReceiptLines
): Promise<LotReceipt[]> {
  const receipts = await receiveLots(sql, inputs, options, lines)
  const level_change_id = await recordLevelChanges(
    sql,
    receipts.map((r) => ({ inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: r.quantity }))
  )
  return receipts.map((receipt) => ({ ...receipt, level_change_id }))
}

/** Takes receipts back and marks the level changes they recorded reverted. */
export async function revertLotReceiptsWithLevelChange(sql: Sql, receipts: LotReceipt[]): Promise<void> {
  await revertLotReceipts(sql, receipts)
  await setLevelChangesReverted(sql, [...new Set(receipts.flatMap((r) => r.level_change_id ?? []))])
}

/** Stock changes (adjustments, counts, scraps, transfers), with Medusa's stocked quantity moving alike. */
export async function changeLotStockWithLevelChange(sql: Sql, changes: LotStockChange[]): Promise<LotStockChangeResult[]> {
  const results = await changeLotStock(sql, changes)
  const level_change_id = await recordLevelChanges(
    sql,
    results.map((r) => ({ inventory_item_id: r.inventory_item_id, location_id: r.location_id, quantity: r.delta }))
  )
  return results.map((r) => ({ ...r, level_change_id }))
}

/** Takes stock changes back, each recorded as reverting its event. */
export async function revertLotStockChanges(sql: Sql, results: LotStockChangeResult[]): Promise<void> {
  await changeLotStock(
    sql,
    results.map((r) => ({
      lot_id: r.lot_id,
      location_id: r.location_id,
      delta: -r.delta,
      quarantined: r.quarantined,
      event: { type: LotEventType.REVERTED, reference_type: "lot_event", reference_id: r.event_id },
    }))
  )
  await setLevelChangesReverted(sql, [...new Set(results.map((r) => r.level_change_id).filter((id): id is string => Boolean(id)))])
}

/** A production or split, with each item's net change at the location. */
export async function transformLotsWithLevelChange(
  sql: Sql,
  input: LotTransformationInput,
  options: Required<LotModuleOptions>
): Promise<LotTransformation> {
  const transformation = await transformLots(sql, input, options)
  return { ...transformation, level_change_id: await recordLevelChanges(sql, inventoryLevelChanges(transformation)) }
}

export async function revertLotTransformationWithLevelChange(sql: Sql, transformation: LotTransformation): Promise<void> {
  await revertLotTransformation(sql, transformation)
  await setLevelChangesReverted(sql, transformation.level_change_id ? [transformation.level_change_id] : [])
}
