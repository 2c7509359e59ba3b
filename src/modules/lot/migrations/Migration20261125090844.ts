import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125090844 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "lot_allocation" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity" integer not null, "status" text check ("status" in ('open', 'fulfilled', 'released')) not null default 'open', "fulfillment_id" text null, "lot_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_allocation_pkey" primary key ("id"), constraint CHK_lot_allocation_quantity_positive check (quantity > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_lot_id" ON "lot_allocation" ("lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_deleted_at" ON "lot_allocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_order_id" ON "lot_allocation" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_line_item_id" ON "lot_allocation" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_lot_id_status" ON "lot_allocation" ("lot_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_allocation_shortfall" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity" integer not null, "reason" text null, "resolved_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_allocation_shortfall_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_shortfall_deleted_at" ON "lot_allocation_shortfall" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_shortfall_order_id" ON "lot_allocation_shortfall" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_allocation_shortfall_line_item_id" ON "lot_allocation_shortfall" ("line_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "lot_allocation" add constraint "lot_allocation_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lot_allocation" cascade;`);

    this.addSql(`drop table if exists "lot_allocation_shortfall" cascade;`);
  }

}
