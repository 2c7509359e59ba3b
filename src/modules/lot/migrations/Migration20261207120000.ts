import { Migration } from "@medusajs/framework/mikro-orm/migrations";

const TYPES_BEFORE = ['received', 'adjusted', 'scrapped', 'transferred_out', 'transferred_in', 'released', 'held', 'rejected', 'allocated', 'deallocated', 'shipped', 'fulfillment_canceled', 'returned', 'return_restocked', 'recalled', 'expired', 'expiry_warning', 'consumed', 'produced', 'reverted', 'block_restored', 'corrected'];

const typeCheck = (types: string[]) =>
  `alter table if exists "lot_event" add constraint "lot_event_type_check" check("type" in (${types.map((t) => `'${t}'`).join(", ")}));`;

/** Lot history entry `edited`: a merchant corrected the lot's dates, supplier or notes. */
export class Migration20261207120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);
    this.addSql(typeCheck([...TYPES_BEFORE, 'edited']));
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_type_check";`);
    this.addSql(typeCheck(TYPES_BEFORE));
  }

}
