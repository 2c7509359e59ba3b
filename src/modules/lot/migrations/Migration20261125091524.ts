import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125091524 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot_allocation" drop constraint if exists "lot_allocation_status_check";`);

    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);

    this.addSql(`alter table if exists "lot_allocation" add constraint "lot_allocation_status_check" check("status" in ('open', 'fulfilled', 'released', 'canceled'));`);

    this.addSql(`alter table if exists "lot_event" add constraint "lot_event_type_check" check("type" in ('received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'fulfillment_canceled', 'returned', 'recalled', 'expired', 'reverted'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_allocation" drop constraint if exists "lot_allocation_status_check";`);

    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);

    this.addSql(`alter table if exists "lot_allocation" add constraint "lot_allocation_status_check" check("status" in ('open', 'fulfilled', 'released'));`);

    this.addSql(`alter table if exists "lot_event" add constraint "lot_event_type_check" check("type" in ('received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'returned', 'recalled', 'expired', 'reverted'));`);
  }

}
