import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * An index in the EPCIS export's (event time, id) order over the lot history entries it exports
 * besides receipts and productions (which Migration20261208010000 already indexes): status
 * changes, scraps, returns and restocks, so a period and its keyset pages read an index range.
 */
export class Migration20261208030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lot_event_epcis_at" ON "lot_event" ("created_at", "id") WHERE type IN ('held', 'released', 'rejected', 'recalled', 'expired', 'scrapped', 'returned', 'return_restocked');`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_lot_event_epcis_at";`)
  }
}
