import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Indexes in the FSMA 204 export's (event time, id) order, one per source of events, so its
 * period filter and keyset pages read index ranges instead of every event ever recorded.
 * The first receipt of a lot happened at the lot's `received_at`; later ones when recorded.
 */
export class Migration20261208010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_received_at" ON "lot" ("received_at", "id");`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lot_event_later_receipt_at" ON "lot_event" ("created_at", "id") WHERE type = 'received' AND to_status IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_event_produced_at" ON "lot_event" ("created_at", "id") WHERE type = 'produced';`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_shipped_at" ON "lot_shipment" ((coalesce(shipped_at, fulfilled_at)), "id") WHERE status <> 'canceled' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_lot_shipment_shipped_at";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_lot_event_produced_at";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_lot_event_later_receipt_at";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_lot_received_at";`)
  }
}
