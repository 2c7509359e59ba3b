import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125085828 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot_stock" add column if not exists "blocked_reservation_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_stock" drop column if exists "blocked_reservation_id";`);
  }

}
