import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * How a recall's customer was told (method, note), and the recall's activity (`recall_action`):
 * append-only like the lot history, with the same triggers.
 */
export class Migration20261207140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "recall_customer" add column if not exists "notification_method" text check ("notification_method" in ('email', 'phone', 'letter')) null, add column if not exists "notification_note" text null;`
    )
    this.addSql(
      `create table if not exists "recall_action" ("id" text not null, "recall_id" text not null, "type" text check ("type" in ('customer_notified', 'notice_withdrawn')) not null, "customer_key" text null, "method" text check ("method" in ('email', 'phone', 'letter')) null, "note" text null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recall_action_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_action_deleted_at" ON "recall_action" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recall_action_recall_id" ON "recall_action" ("recall_id", "created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`DROP TRIGGER IF EXISTS recall_action_append_only ON "recall_action";`)
    this.addSql(
      `CREATE TRIGGER recall_action_append_only BEFORE UPDATE OR DELETE ON "recall_action" FOR EACH ROW EXECUTE FUNCTION lot_event_append_only();`
    )
    this.addSql(`DROP TRIGGER IF EXISTS recall_action_no_truncate ON "recall_action";`)
    this.addSql(
      `CREATE TRIGGER recall_action_no_truncate BEFORE TRUNCATE ON "recall_action" FOR EACH STATEMENT EXECUTE FUNCTION lot_event_append_only();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recall_action" cascade;`)
    this.addSql(`alter table if exists "recall_customer" drop column if exists "notification_method", drop column if exists "notification_note";`)
  }
}
