import { Migration } from "@medusajs/framework/mikro-orm/migrations";

const TYPES_BEFORE = ['received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'fulfillment_canceled', 'returned', 'return_restocked', 'recalled', 'expired', 'expiry_warning', 'consumed', 'produced', 'reverted', 'block_restored'];

const typeCheck = (types: string[]) =>
  `alter table if exists "lot_event" add constraint "lot_event_type_check" check("type" in (${types.map((t) => `'${t}'`).join(", ")}));`;

/**
 * The integrity repair's record, `lot_correction` (append-only, like the lot history), and the lot
 * history entry `corrected`: a lot's number set back to what its records say.
 */
export class Migration20261206150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "lot_correction" ("id" text not null, "check" text not null, "inventory_item_id" text not null, "location_id" text null, "lot_id" text null, "order_id" text null, "line_item_id" text null, "fulfillment_id" text null, "reservation_id" text null, "before" integer not null, "after" integer not null, "source" text not null, "message" text not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_correction_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_correction_deleted_at" ON "lot_correction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_correction_inventory_item_id" ON "lot_correction" ("inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_correction_created_at" ON "lot_correction" ("created_at") WHERE deleted_at IS NULL;`);
    // One refusing function for both append-only tables, naming the table it guards.
    this.addSql(`CREATE OR REPLACE FUNCTION lot_event_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION '% rows are append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$ LANGUAGE plpgsql;`);
    this.addSql(`DROP TRIGGER IF EXISTS lot_correction_append_only ON "lot_correction";`);
    this.addSql(`CREATE TRIGGER lot_correction_append_only BEFORE UPDATE OR DELETE ON "lot_correction" FOR EACH ROW EXECUTE FUNCTION lot_event_append_only();`);
    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);
    this.addSql(typeCheck([...TYPES_BEFORE, 'corrected']));
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);
    this.addSql(typeCheck(TYPES_BEFORE));
    this.addSql(`drop table if exists "lot_correction" cascade;`);
  }

}
