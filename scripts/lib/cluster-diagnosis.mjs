// When the repair after the crash leaves stock drift for a person, what the crash left behind, read
// straight from the database, so the failure says where the units went: lot writes whose change
// to Medusa's stocked quantity is still pending, and Medusa fulfillments that never reached their
// order (Medusa takes a fulfillment's units off its stock before it links it to the order).
import pg from "pg"

const PENDING_LEVEL_CHANGES = `
  SELECT change_id, inventory_item_id, location_id, quantity, created_at FROM lot_level_change
   WHERE applied_at IS NULL AND reverted_at IS NULL AND deleted_at IS NULL
   ORDER BY created_at, change_id`

const FULFILLMENTS_WITHOUT_ORDER = `
  SELECT f.id, f.location_id, fi.inventory_item_id, SUM(fi.quantity)::int AS quantity, f.created_at
    FROM fulfillment f JOIN fulfillment_item fi ON fi.fulfillment_id = f.id AND fi.deleted_at IS NULL
   WHERE f.canceled_at IS NULL AND f.deleted_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM order_fulfillment l WHERE l.fulfillment_id = f.id AND l.deleted_at IS NULL)
     AND NOT EXISTS (SELECT 1 FROM return_fulfillment l WHERE l.fulfillment_id = f.id AND l.deleted_at IS NULL)
   GROUP BY f.id, f.location_id, fi.inventory_item_id, f.created_at
   ORDER BY f.created_at`

const signed = (n) => `${n > 0 ? "+" : ""}${n}`

/** One line per pending level change and per fulfillment without an order. */
export async function crashLeftovers(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const [pending, orphans] = await Promise.all([client.query(PENDING_LEVEL_CHANGES), client.query(FULFILLMENTS_WITHOUT_ORDER)])
    return [
      ...pending.rows.map(
        (r) => `pending level change ${r.change_id}: ${signed(r.quantity)} at ${r.location_id} (item ${r.inventory_item_id}, ${r.created_at.toISOString()})`
      ),
      ...orphans.rows.map(
        (r) => `Medusa fulfillment ${r.id} with no order: ${r.quantity} unit(s) of ${r.inventory_item_id} at ${r.location_id} (${r.created_at.toISOString()})`
      ),
    ]
  } finally {
    await client.end()
  }
}
