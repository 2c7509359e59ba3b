import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125103243 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_released_item_expiry" ON "lot" ("inventory_item_id", "expires_at", "received_at") WHERE deleted_at IS NULL AND status = 'released';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_lot_released_item_expiry";`);
  }

}
