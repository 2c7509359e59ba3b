import { generateEntityId } from "@medusajs/framework/utils"
import type { LevelChange } from "../domain/level-changes"
import type { Sql } from "./sql"

export type LevelChangeRow = LevelChange & { id: string; change_id: string; created_at: Date }

// `quantity` is an int4 column: node-postgres hands it back as a number.
const PENDING_ROWS = `SELECT id, change_id, inventory_item_id, location_id, quantity, created_at FROM lot_level_change
  WHERE applied_at IS NULL AND reverted_at IS NULL AND deleted_at IS NULL`

/** Records the level changes of one lot write under one new change id; returns that id. */
export async function insertLevelChanges(sql: Sql, changes: LevelChange[]): Promise<string> {
  const changeId = generateEntityId(undefined, "lotlvlchg")
  if (changes.length) {
    await sql.execute(
      `INSERT INTO lot_level_change (id, change_id, inventory_item_id, location_id, quantity)
       SELECT id, ?, inventory_item_id, location_id, quantity
         FROM unnest(ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::text[], ARRAY[?]::int[]) AS c(id, inventory_item_id, location_id, quantity)`,
      [
        changeId,
        changes.map(() => generateEntityId(undefined, "lotlvl")),
        changes.map((c) => c.inventory_item_id),
        changes.map((c) => c.location_id),
        changes.map((c) => c.quantity),
      ]
    )
  }
  return changeId
}

/**
 * The still pending rows of the given writes. Callers hold Medusa's inventory lock of the rows'
 * items, as every applier does, so a row cannot be applied twice.
 */
export async function listPendingLevelChangesOfWrites(sql: Sql, changeIds: string[]): Promise<LevelChangeRow[]> {
  if (!changeIds.length) {
    return []
  }
  return await sql.execute<LevelChangeRow[]>(`${PENDING_ROWS} AND change_id IN (?) ORDER BY id`, [changeIds])
}

/** Every pending row of the items, oldest first. */
export async function listPendingLevelChangesOfItems(sql: Sql, inventoryItemIds: string[]): Promise<LevelChangeRow[]> {
  if (!inventoryItemIds.length) {
    return []
  }
  return await sql.execute<LevelChangeRow[]>(`${PENDING_ROWS} AND inventory_item_id IN (?) ORDER BY created_at, id`, [inventoryItemIds])
}

/** Marks rows applied: Medusa's stocked quantity now includes them. */
export async function setLevelChangesApplied(sql: Sql, ids: string[]): Promise<void> {
  if (ids.length) {
    await sql.execute(`UPDATE lot_level_change SET applied_at = now(), updated_at = now() WHERE id IN (?) AND applied_at IS NULL`, [ids])
  }
}

/** Marks rows pending again: a compensation took them back out of Medusa's stocked quantity. */
export async function setLevelChangesPending(sql: Sql, ids: string[]): Promise<void> {
  if (ids.length) {
    await sql.execute(`UPDATE lot_level_change SET applied_at = NULL, updated_at = now() WHERE id IN (?)`, [ids])
  }
}

/** Marks a write's changes reverted, in the transaction that takes the lot write back. */
export async function setLevelChangesReverted(sql: Sql, changeIds: string[]): Promise<void> {
  if (changeIds.length) {
    await sql.execute(
      `UPDATE lot_level_change SET reverted_at = now(), updated_at = now() WHERE change_id IN (?) AND reverted_at IS NULL AND deleted_at IS NULL`,
      [changeIds]
    )
  }
}
