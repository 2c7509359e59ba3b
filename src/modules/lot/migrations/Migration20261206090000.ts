import { Migration } from "@medusajs/framework/mikro-orm/migrations";

const TYPES_BEFORE = ['received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'fulfillment_canceled', 'returned', 'return_restocked', 'recalled', 'expired', 'expiry_warning', 'consumed', 'produced', 'reverted'];

const typeCheck = (types: string[]) =>
  `alter table if exists "lot_event" add constraint "lot_event_type_check" check("type" in (${types.map((t) => `'${t}'`).join(", ")}));`;

/** Lot history entry `block_restored`: a deleted blocking reservation was re-created. */
export class Migration20261206090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);
    this.addSql(typeCheck([...TYPES_BEFORE, 'block_restored']));
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);
    this.addSql(typeCheck(TYPES_BEFORE));
  }

}
