import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125115626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "recall" drop constraint if exists "recall_recall_number_unique";`);
    this.addSql(`create table if not exists "lot_lineage" ("id" text not null, "parent_lot_id" text not null, "child_lot_id" text not null, "kind" text check ("kind" in ('production', 'split')) not null, "transformation_id" text not null, "location_id" text not null, "quantity" integer not null, "actor_id" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_lineage_pkey" primary key ("id"), constraint CHK_lot_lineage_quantity_positive check (quantity > 0), constraint CHK_lot_lineage_not_self check (parent_lot_id <> child_lot_id));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_lineage_deleted_at" ON "lot_lineage" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_lineage_parent_lot_id" ON "lot_lineage" ("parent_lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_lineage_child_lot_id" ON "lot_lineage" ("child_lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_lineage_transformation_id" ON "lot_lineage" ("transformation_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_return" ("id" text not null, "return_id" text not null, "order_id" text not null, "line_item_id" text not null, "lot_id" text not null, "shipment_id" text null, "location_id" text null, "quantity" integer not null, "status" text check ("status" in ('designated', 'received')) not null default 'designated', "chosen_by" text check ("chosen_by" in ('merchant', 'plugin')) not null, "quarantined" boolean not null default false, "received_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_return_pkey" primary key ("id"), constraint CHK_lot_return_quantity_positive check (quantity > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_return_deleted_at" ON "lot_return" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_return_return_line_lot" ON "lot_return" ("return_id", "line_item_id", "lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_return_lot_id" ON "lot_return" ("lot_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_shipment" ("id" text not null, "lot_id" text not null, "inventory_item_id" text not null, "order_id" text not null, "line_item_id" text not null, "fulfillment_id" text not null, "location_id" text not null, "quantity" integer not null, "returned_quantity" integer not null default 0, "status" text check ("status" in ('fulfilled', 'shipped', 'delivered', 'canceled')) not null default 'fulfilled', "customer_id" text null, "customer_email" text null, "customer_name" text null, "ship_to" jsonb null, "fulfilled_at" timestamptz not null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_shipment_pkey" primary key ("id"), constraint CHK_lot_shipment_quantity_positive check (quantity > 0), constraint CHK_lot_shipment_returned_within_quantity check (returned_quantity >= 0 AND returned_quantity <= quantity));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_deleted_at" ON "lot_shipment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_shipment_fulfillment_line_lot" ON "lot_shipment" ("fulfillment_id", "line_item_id", "lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_lot_id" ON "lot_shipment" ("lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_order_id" ON "lot_shipment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_customer_id" ON "lot_shipment" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_fulfilled_at" ON "lot_shipment" ("fulfilled_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mock_recall" ("id" text not null, "lot_ids" jsonb not null, "lot_numbers" jsonb not null, "ran_by" text null, "duration_ms" integer not null, "lot_count" integer not null, "shipment_count" integer not null, "customer_count" integer not null, "received_quantity" integer not null, "accounted_quantity" integer not null, "mass_balance_percent" real not null, "summary" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mock_recall_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mock_recall_deleted_at" ON "mock_recall" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recall" ("id" text not null, "recall_number" text not null, "reason" text not null, "classification" text check ("classification" in ('I', 'II', 'III')) not null, "status" text check ("status" in ('open', 'closed')) not null default 'open', "public_notice" text null, "created_by" text null, "closed_at" timestamptz null, "closed_by" text null, "close_reason" text null, "summary" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recall_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_deleted_at" ON "recall" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recall_recall_number_unique" ON "recall" ("recall_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_status" ON "recall" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recall_customer" ("id" text not null, "customer_key" text not null, "customer_id" text null, "email" text null, "name" text null, "ship_to" jsonb null, "order_ids" jsonb not null, "quantity" integer not null, "notified_at" timestamptz null, "notified_by" text null, "recall_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recall_customer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_customer_recall_id" ON "recall_customer" ("recall_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_customer_deleted_at" ON "recall_customer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recall_customer_recall_key" ON "recall_customer" ("recall_id", "customer_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recall_lot" ("id" text not null, "lot_id" text not null, "lot_number" text not null, "inventory_item_id" text not null, "depth" integer not null, "status_before" text not null, "received_quantity" integer not null default 0, "shipped_quantity" integer not null default 0, "on_hand_quantity" integer not null default 0, "on_hand_by_location" jsonb null, "recall_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recall_lot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_lot_recall_id" ON "recall_lot" ("recall_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_lot_deleted_at" ON "recall_lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recall_lot_recall_lot" ON "recall_lot" ("recall_id", "lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_lot_lot_id" ON "recall_lot" ("lot_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recall_shipment" ("id" text not null, "shipment_id" text not null, "lot_id" text not null, "lot_number" text not null, "order_id" text not null, "fulfillment_id" text not null, "location_id" text not null, "customer_key" text not null, "customer_id" text null, "customer_email" text null, "customer_name" text null, "ship_to" jsonb null, "quantity" integer not null, "shipped_at" timestamptz null, "recall_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recall_shipment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_shipment_recall_id" ON "recall_shipment" ("recall_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_shipment_deleted_at" ON "recall_shipment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "recall_customer" add constraint "recall_customer_recall_id_foreign" foreign key ("recall_id") references "recall" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "recall_lot" add constraint "recall_lot_recall_id_foreign" foreign key ("recall_id") references "recall" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "recall_shipment" add constraint "recall_shipment_recall_id_foreign" foreign key ("recall_id") references "recall" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);

    this.addSql(`alter table if exists "lot" add column if not exists "expiry_warning_days" integer null;`);

    this.addSql(`alter table if exists "lot_event" add constraint "lot_event_type_check" check("type" in ('received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'fulfillment_canceled', 'returned', 'return_restocked', 'recalled', 'expired', 'expiry_warning', 'consumed', 'produced', 'reverted'));`);

    this.addSql(`alter table if exists "lot_stock" drop constraint if exists CHK_lot_stock_allocated_within_quantity;`);

    this.addSql(`alter table if exists "lot_stock" add column if not exists "quarantined_quantity" integer not null default 0;`);
    this.addSql(`alter table if exists "lot_stock" add constraint CHK_lot_stock_quarantined_not_negative check(quarantined_quantity >= 0);`);
    this.addSql(`alter table if exists "lot_stock" add constraint CHK_lot_stock_allocated_within_quantity check(allocated_quantity + quarantined_quantity <= quantity);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "recall_customer" drop constraint if exists "recall_customer_recall_id_foreign";`);

    this.addSql(`alter table if exists "recall_lot" drop constraint if exists "recall_lot_recall_id_foreign";`);

    this.addSql(`alter table if exists "recall_shipment" drop constraint if exists "recall_shipment_recall_id_foreign";`);

    this.addSql(`drop table if exists "lot_lineage" cascade;`);

    this.addSql(`drop table if exists "lot_return" cascade;`);

    this.addSql(`drop table if exists "lot_shipment" cascade;`);

    this.addSql(`drop table if exists "mock_recall" cascade;`);

    this.addSql(`drop table if exists "recall" cascade;`);

    this.addSql(`drop table if exists "recall_customer" cascade;`);

    this.addSql(`drop table if exists "recall_lot" cascade;`);

    this.addSql(`drop table if exists "recall_shipment" cascade;`);

    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);

    this.addSql(`alter table if exists "lot" drop column if exists "expiry_warning_days";`);

    this.addSql(`alter table if exists "lot_event" add constraint "lot_event_type_check" check("type" in ('received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'fulfillment_canceled', 'returned', 'recalled', 'expired', 'reverted'));`);

    this.addSql(`alter table if exists "lot_stock" drop constraint if exists CHK_lot_stock_quarantined_not_negative;`);
    this.addSql(`alter table if exists "lot_stock" drop constraint if exists CHK_lot_stock_allocated_within_quantity;`);
    this.addSql(`alter table if exists "lot_stock" drop column if exists "quarantined_quantity";`);

    this.addSql(`alter table if exists "lot_stock" add constraint CHK_lot_stock_allocated_within_quantity check(allocated_quantity <= quantity);`);
  }

}
