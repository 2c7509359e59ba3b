import type { Sql } from "./sql"

/**
 * Sets Medusa's reserved quantity of an item at a location to what its reservations add up to
 * (with the `raw_` twin Medusa keeps for big numbers); returns it, before and after, or nothing
 * when they already agree. Medusa keeps the level by adding each reservation's change, so no call
 * of its inventory module can correct a level that went astray: this statement does, and only
 * under Medusa's locking module with the item's key, like its own reservation writes. It writes
 * Medusa's own table, which the lot module shares in Medusa's default single-database setup.
 */
export async function recountReservedQuantity(
  sql: Sql,
  inventoryItemId: string,
  locationId: string
): Promise<{ before: number; after: number } | null> {
  const rows = await sql.execute<{ before: string; after: string }[]>(
    `WITH summed AS (
       SELECT COALESCE(SUM(quantity), 0) AS quantity FROM reservation_item
        WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL
     ), level AS (
       SELECT id, reserved_quantity FROM inventory_level
        WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL FOR UPDATE
     )
     UPDATE inventory_level l
        SET reserved_quantity = s.quantity,
            raw_reserved_quantity = jsonb_build_object('value', s.quantity::text, 'precision', 20),
            updated_at = now()
       FROM summed s, level v
      WHERE l.id = v.id AND v.reserved_quantity <> s.quantity
      RETURNING v.reserved_quantity AS before, s.quantity AS after`,
    [inventoryItemId, locationId, inventoryItemId, locationId]
  )
  return rows[0] ? { before: Number(rows[0].before), after: Number(rows[0].after) } : null
}

export type OrphanedFulfillment = { inventory_item_id: string; location_id: string; fulfillment_id: string; quantity: number }

/**
 * Medusa fulfillments of the items that belong to no order and no return: Medusa's fulfillment
 * workflow creates the fulfillment and takes its units off stock before it links the order, so a
 * server stopped in between leaves one behind. Those younger than 30 s may still be on their
 * way. Reads Medusa's fulfillment and link tables (one database, Medusa's default setup).
 */
export async function orphanedFulfillments(sql: Sql, inventoryItemIds: string[]): Promise<OrphanedFulfillment[]> {
  if (!inventoryItemIds.length) {
    return []
  }
  const rows = await sql.execute<(OrphanedFulfillment & { quantity: string })[]>(
    `SELECT fi.inventory_item_id, f.location_id, f.id AS fulfillment_id, SUM(fi.quantity) AS quantity
       FROM fulfillment f JOIN fulfillment_item fi ON fi.fulfillment_id = f.id AND fi.deleted_at IS NULL
      WHERE fi.inventory_item_id IN (?) AND f.canceled_at IS NULL AND f.deleted_at IS NULL
        AND f.created_at < now() - interval '30 seconds'
        AND NOT EXISTS (SELECT 1 FROM order_fulfillment l WHERE l.fulfillment_id = f.id AND l.deleted_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM return_fulfillment l WHERE l.fulfillment_id = f.id AND l.deleted_at IS NULL)
      GROUP BY fi.inventory_item_id, f.location_id, f.id
      ORDER BY f.id`,
    [inventoryItemIds]
  )
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }))
}
