import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * FSMA 204 master data and receipt facts: `lot_supplier` (suppliers with address, phone, GLN,
 * FDA registration number, web address); on `lot` the supplier record, a copy of its details as
 * received, the exempt-source flag, who assigned the lot code and the receipt's reference
 * document; on `lot_policy` the item's unit of measure ("each" for existing items).
 */
export class Migration20261207010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "lot_supplier" ("id" text not null, "name" text not null, "address_1" text null, "address_2" text null, "city" text null, "province" text null, "postal_code" text null, "country_code" text null, "phone" text null, "gln" text null, "ffrn" text null, "url" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_supplier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_supplier_deleted_at" ON "lot_supplier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_supplier_name" ON "lot_supplier" ("name") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_supplier_gln_unique" ON "lot_supplier" ("gln") WHERE deleted_at IS NULL AND gln IS NOT NULL;`);

    this.addSql(`alter table if exists "lot" add column if not exists "supplier_id" text null, add column if not exists "supplier_details" jsonb null, add column if not exists "exempt_source" boolean not null default false, add column if not exists "tlc_assigned_by" text check ("tlc_assigned_by" in ('supplier', 'receiver')) null, add column if not exists "receipt_document_type" text null, add column if not exists "receipt_document_number" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_supplier_id" ON "lot" ("supplier_id") WHERE deleted_at IS NULL AND supplier_id IS NOT NULL;`);

    this.addSql(`alter table if exists "lot_policy" add column if not exists "unit_of_measure" text not null default 'each';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_policy" drop column if exists "unit_of_measure";`);
    this.addSql(`drop index if exists "IDX_lot_supplier_id";`);
    this.addSql(`alter table if exists "lot" drop column if exists "supplier_id", drop column if exists "supplier_details", drop column if exists "exempt_source", drop column if exists "tlc_assigned_by", drop column if exists "receipt_document_type", drop column if exists "receipt_document_number";`);
    this.addSql(`drop table if exists "lot_supplier" cascade;`);
  }

}
