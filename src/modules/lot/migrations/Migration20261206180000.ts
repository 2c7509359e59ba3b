import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** `lot_return_surplus`: returned units Medusa restocked that no lot shipped on the line. */
export class Migration20261206180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "lot_return_surplus" ("id" text not null, "return_id" text not null, "order_id" text not null, "line_item_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_return_surplus_pkey" primary key ("id"), constraint CHK_lot_return_surplus_quantity_positive check (quantity > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_return_surplus_deleted_at" ON "lot_return_surplus" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_return_surplus_return_line" ON "lot_return_surplus" ("return_id", "line_item_id", "inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_return_surplus_inventory_item_id" ON "lot_return_surplus" ("inventory_item_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lot_return_surplus" cascade;`);
  }

}
