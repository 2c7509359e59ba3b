import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Statistics on a shipment's FSMA 204 event time (shipped, else fulfilled). PostgreSQL keeps none
 * for the expression of a partial index, so it guessed that any period holds 0.5% of the shipments
 * and planned the export's shipping branch for a handful of rows.
 */
export class Migration20261208020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE STATISTICS IF NOT EXISTS "STAT_lot_shipment_shipped_at" ON (coalesce(shipped_at, fulfilled_at)) FROM "lot_shipment";`
    )
    this.addSql(`ANALYZE "lot_shipment";`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP STATISTICS IF EXISTS "STAT_lot_shipment_shipped_at";`)
  }
}
