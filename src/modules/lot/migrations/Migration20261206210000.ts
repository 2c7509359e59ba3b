import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** `lot_level_change`: the change to Medusa's stocked quantity each lot write needs, until applied. */
export class Migration20261206210000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "lot_level_change" ("id" text not null, "change_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity" integer not null, "applied_at" timestamptz null, "reverted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_level_change_pkey" primary key ("id"), constraint CHK_lot_level_change_quantity_nonzero check (quantity <> 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_level_change_deleted_at" ON "lot_level_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_level_change_change_id" ON "lot_level_change" ("change_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_level_change_pending" ON "lot_level_change" ("inventory_item_id", "location_id") WHERE applied_at IS NULL AND reverted_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lot_level_change" cascade;`);
  }

}
