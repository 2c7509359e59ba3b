import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A recall's activity also records units recovered and disposed of: which lot, how many, where. */
export class Migration20261207160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "recall_action" add column if not exists "lot_id" text null, add column if not exists "location_id" text null, add column if not exists "quantity" integer null;`
    )
    this.addSql(`alter table if exists "recall_action" drop constraint if exists "recall_action_type_check";`)
    this.addSql(
      `alter table if exists "recall_action" add constraint "recall_action_type_check" check ("type" in ('customer_notified', 'notice_withdrawn', 'units_recovered', 'units_disposed'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "recall_action" drop constraint if exists "recall_action_type_check";`)
    this.addSql(`alter table if exists "recall_action" add constraint "recall_action_type_check" check ("type" in ('customer_notified', 'notice_withdrawn'));`)
    this.addSql(`alter table if exists "recall_action" drop column if exists "lot_id", drop column if exists "location_id", drop column if exists "quantity";`)
  }
}
