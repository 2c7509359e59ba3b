import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125120028 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot_return" drop constraint if exists CHK_lot_return_quantity_positive;`);

    this.addSql(`alter table if exists "lot_return" add column if not exists "designated_quantity" integer null;`);
    this.addSql(`alter table if exists "lot_return" alter column "quantity" type integer using ("quantity"::integer);`);
    this.addSql(`alter table if exists "lot_return" alter column "quantity" set default 0;`);
    this.addSql(`alter table if exists "lot_return" add constraint CHK_lot_return_quantity_not_negative check(quantity >= 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_return" drop constraint if exists CHK_lot_return_quantity_not_negative;`);
    this.addSql(`alter table if exists "lot_return" drop column if exists "designated_quantity";`);

    this.addSql(`alter table if exists "lot_return" alter column "quantity" drop default;`);
    this.addSql(`alter table if exists "lot_return" alter column "quantity" type integer using ("quantity"::integer);`);
    this.addSql(`alter table if exists "lot_return" add constraint CHK_lot_return_quantity_positive check(quantity > 0);`);
  }

}
