import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * A maintained summary of stock on hand per expiry week and day, so the Expiry page reads a few
 * thousand rows instead of every lot:
 * - `lot_expiry_week`: units and lots per inventory item, location, status and period of expiry —
 *   each ISO week (`grain` week) and each day (`grain` day, read where a range starts or ends
 *   inside a week);
 * - `lot_expiry_item_week`: the same per item over all locations (a lot split over two locations
 *   counts once there);
 * - `lot_expiry_dirty`: the (item, week) keys whose stock or lots changed since the last refresh.
 *   Triggers only append to it, so writers of lots and stock never wait on each other over a
 *   summary row; `refreshExpirySummary` recomputes the keys it finds (sql/expiry-summary-sql.ts).
 */
export class Migration20261208000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE IF NOT EXISTS "lot_expiry_week" (
        "grain" text NOT NULL, "period_start" date NOT NULL, "inventory_item_id" text NOT NULL, "location_id" text NOT NULL,
        "status" text NOT NULL, "quantity" bigint NOT NULL, "lots" integer NOT NULL,
        CONSTRAINT "lot_expiry_week_pkey" PRIMARY KEY ("grain", "period_start", "inventory_item_id", "location_id", "status") INCLUDE ("quantity", "lots")
      );`)
    this.addSql(`
      CREATE TABLE IF NOT EXISTS "lot_expiry_item_week" (
        "grain" text NOT NULL, "period_start" date NOT NULL, "inventory_item_id" text NOT NULL, "status" text NOT NULL,
        "quantity" bigint NOT NULL, "lots" integer NOT NULL,
        CONSTRAINT "lot_expiry_item_week_pkey" PRIMARY KEY ("grain", "period_start", "inventory_item_id", "status") INCLUDE ("quantity", "lots")
      );`)
    this.addSql(`
      CREATE TABLE IF NOT EXISTS "lot_expiry_dirty" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "inventory_item_id" text NOT NULL, "week_start" date NOT NULL
      );`)
    // Recomputing one (item, week) key reads only that item's lots of that week.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lot_item_expires_at" ON "lot" ("inventory_item_id", "expires_at") WHERE deleted_at IS NULL AND expires_at IS NOT NULL;`
    )

    // Stock rows: what changed on hand (allocations alone do not count).
    this.addSql(`
      CREATE OR REPLACE FUNCTION lot_expiry_mark_stock() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO lot_expiry_dirty (inventory_item_id, week_start)
          SELECT DISTINCT l.inventory_item_id, date_trunc('week', l.expires_at AT TIME ZONE 'UTC')::date
            FROM new_stock n JOIN lot l ON l.id = n.lot_id WHERE l.expires_at IS NOT NULL;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO lot_expiry_dirty (inventory_item_id, week_start)
          SELECT DISTINCT l.inventory_item_id, date_trunc('week', l.expires_at AT TIME ZONE 'UTC')::date
            FROM old_stock o JOIN lot l ON l.id = o.lot_id WHERE l.expires_at IS NOT NULL;
        ELSE
          INSERT INTO lot_expiry_dirty (inventory_item_id, week_start)
          SELECT DISTINCT l.inventory_item_id, date_trunc('week', l.expires_at AT TIME ZONE 'UTC')::date
            FROM old_stock o JOIN new_stock n ON n.id = o.id
            JOIN lot l ON l.id IN (o.lot_id, n.lot_id)
           WHERE l.expires_at IS NOT NULL
             AND (o.quantity, o.location_id, o.lot_id, o.deleted_at) IS DISTINCT FROM (n.quantity, n.location_id, n.lot_id, n.deleted_at);
        END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql;`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_insert ON "lot_stock";`)
    this.addSql(
      `CREATE TRIGGER lot_expiry_stock_insert AFTER INSERT ON "lot_stock" REFERENCING NEW TABLE AS new_stock FOR EACH STATEMENT EXECUTE FUNCTION lot_expiry_mark_stock();`
    )
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_update ON "lot_stock";`)
    this.addSql(
      `CREATE TRIGGER lot_expiry_stock_update AFTER UPDATE ON "lot_stock" REFERENCING OLD TABLE AS old_stock NEW TABLE AS new_stock FOR EACH STATEMENT EXECUTE FUNCTION lot_expiry_mark_stock();`
    )
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_delete ON "lot_stock";`)
    this.addSql(
      `CREATE TRIGGER lot_expiry_stock_delete AFTER DELETE ON "lot_stock" REFERENCING OLD TABLE AS old_stock FOR EACH STATEMENT EXECUTE FUNCTION lot_expiry_mark_stock();`
    )

    // Lots: a new status, expiry, item or deletion moves all of the lot's stock between keys.
    this.addSql(`
      CREATE OR REPLACE FUNCTION lot_expiry_mark_lot() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO lot_expiry_dirty (inventory_item_id, week_start)
          SELECT DISTINCT o.inventory_item_id, date_trunc('week', o.expires_at AT TIME ZONE 'UTC')::date
            FROM old_lots o WHERE o.expires_at IS NOT NULL;
        ELSE
          INSERT INTO lot_expiry_dirty (inventory_item_id, week_start)
          SELECT DISTINCT k.inventory_item_id, date_trunc('week', k.expires_at AT TIME ZONE 'UTC')::date
            FROM old_lots o JOIN new_lots n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o.inventory_item_id, o.expires_at), (n.inventory_item_id, n.expires_at)) AS k(inventory_item_id, expires_at)
           WHERE k.expires_at IS NOT NULL
             AND (o.status, o.expires_at, o.inventory_item_id, o.deleted_at) IS DISTINCT FROM (n.status, n.expires_at, n.inventory_item_id, n.deleted_at);
        END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql;`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_lot_update ON "lot";`)
    this.addSql(
      `CREATE TRIGGER lot_expiry_lot_update AFTER UPDATE ON "lot" REFERENCING OLD TABLE AS old_lots NEW TABLE AS new_lots FOR EACH STATEMENT EXECUTE FUNCTION lot_expiry_mark_lot();`
    )
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_lot_delete ON "lot";`)
    this.addSql(
      `CREATE TRIGGER lot_expiry_lot_delete AFTER DELETE ON "lot" REFERENCING OLD TABLE AS old_lots FOR EACH STATEMENT EXECUTE FUNCTION lot_expiry_mark_lot();`
    )

    // Emptying the stock table (test databases) empties the summary with it.
    this.addSql(`
      CREATE OR REPLACE FUNCTION lot_expiry_clear() RETURNS trigger AS $$
      BEGIN
        DELETE FROM lot_expiry_week; DELETE FROM lot_expiry_item_week; DELETE FROM lot_expiry_dirty;
        RETURN NULL;
      END $$ LANGUAGE plpgsql;`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_truncate ON "lot_stock";`)
    this.addSql(
      `CREATE TRIGGER lot_expiry_stock_truncate AFTER TRUNCATE ON "lot_stock" FOR EACH STATEMENT EXECUTE FUNCTION lot_expiry_clear();`
    )

    // Stock already on hand: every key with lots is dirty, so the first refresh builds the summary.
    this.addSql(`
      INSERT INTO lot_expiry_dirty (inventory_item_id, week_start)
      SELECT DISTINCT inventory_item_id, date_trunc('week', expires_at AT TIME ZONE 'UTC')::date
        FROM lot WHERE deleted_at IS NULL AND expires_at IS NOT NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_truncate ON "lot_stock";`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_lot_delete ON "lot";`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_lot_update ON "lot";`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_delete ON "lot_stock";`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_update ON "lot_stock";`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_expiry_stock_insert ON "lot_stock";`)
    this.addSql(`DROP FUNCTION IF EXISTS lot_expiry_clear(), lot_expiry_mark_lot(), lot_expiry_mark_stock();`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_lot_item_expires_at";`)
    this.addSql(`DROP TABLE IF EXISTS "lot_expiry_dirty", "lot_expiry_item_week", "lot_expiry_week";`)
  }
}
