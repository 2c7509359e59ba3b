import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125085020 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot" drop constraint if exists "lot_lot_number_unique";`);
    this.addSql(`create table if not exists "lot" ("id" text not null, "lot_number" text not null, "inventory_item_id" text not null, "status" text check ("status" in ('quarantine', 'released', 'on_hold', 'rejected', 'recalled', 'expired')) not null default 'released', "manufactured_at" timestamptz null, "expires_at" timestamptz null, "best_before_at" timestamptz null, "received_at" timestamptz not null, "supplier" text null, "supplier_lot_number" text null, "notes" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_deleted_at" ON "lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_lot_number_unique" ON "lot" ("lot_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_inventory_item_id" ON "lot" ("inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_status_expires_at" ON "lot" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_expires_at" ON "lot" ("expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_event" ("id" text not null, "lot_id" text not null, "type" text check ("type" in ('received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'returned', 'recalled', 'expired', 'reverted')) not null, "quantity" integer not null default 0, "location_id" text null, "to_location_id" text null, "from_status" text null, "to_status" text null, "actor_id" text null, "reason" text null, "note" text null, "reference_type" text null, "reference_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_event_deleted_at" ON "lot_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_event_lot_id_created_at" ON "lot_event" ("lot_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_event_reference" ON "lot_event" ("reference_type", "reference_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_number_sequence" ("id" text not null, "key" text not null, "last_value" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_number_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_number_sequence_deleted_at" ON "lot_number_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_number_sequence_key" ON "lot_number_sequence" ("key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_policy" ("id" text not null, "inventory_item_id" text not null, "tracked" boolean not null default true, "strategy" text check ("strategy" in ('fefo', 'fifo', 'lifo')) not null default 'fefo', "shelf_life_days" integer null, "removal_lead_days" integer not null default 0, "min_remaining_shelf_life_days" integer not null default 0, "lot_number_template" text null, "lot_number_pattern" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_policy_pkey" primary key ("id"), constraint CHK_lot_policy_shelf_life_positive check (shelf_life_days IS NULL OR shelf_life_days > 0), constraint CHK_lot_policy_removal_lead_not_negative check (removal_lead_days >= 0), constraint CHK_lot_policy_min_shelf_life_not_negative check (min_remaining_shelf_life_days >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_policy_deleted_at" ON "lot_policy" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_policy_inventory_item_id" ON "lot_policy" ("inventory_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_stock" ("id" text not null, "location_id" text not null, "quantity" integer not null default 0, "allocated_quantity" integer not null default 0, "lot_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_stock_pkey" primary key ("id"), constraint CHK_lot_stock_quantity_not_negative check (quantity >= 0), constraint CHK_lot_stock_allocated_not_negative check (allocated_quantity >= 0), constraint CHK_lot_stock_allocated_within_quantity check (allocated_quantity <= quantity));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_stock_lot_id" ON "lot_stock" ("lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_stock_deleted_at" ON "lot_stock" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_stock_lot_id_location_id" ON "lot_stock" ("lot_id", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_stock_location_id" ON "lot_stock" ("location_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "lot_stock" add constraint "lot_stock_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_stock" drop constraint if exists "lot_stock_lot_id_foreign";`);

    this.addSql(`drop table if exists "lot" cascade;`);

    this.addSql(`drop table if exists "lot_event" cascade;`);

    this.addSql(`drop table if exists "lot_number_sequence" cascade;`);

    this.addSql(`drop table if exists "lot_policy" cascade;`);

    this.addSql(`drop table if exists "lot_stock" cascade;`);
  }

}
