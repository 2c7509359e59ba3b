import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A recall keeps shipped, returned and outstanding units apart per shipment, customer and lot: the
 * single `quantity` of shipments and customers (shipped minus returned) becomes
 * `outstanding_quantity`, beside new `shipped_quantity` and `returned_quantity`. Existing recalls
 * are filled from their shipment links (shipped as shipped) and, for lots, from the returns recorded
 * before the recall was opened; recall and mock recall summaries gain their returned units.
 */
export class Migration20261206230000 extends Migration {

  override async up(): Promise<void> {
    for (const table of ["recall_shipment", "recall_customer"]) {
      this.addSql(`alter table if exists "${table}" rename column "quantity" to "outstanding_quantity";`);
      this.addSql(`alter table if exists "${table}" add column if not exists "shipped_quantity" integer not null default 0, add column if not exists "returned_quantity" integer not null default 0;`);
    }
    this.addSql(`alter table if exists "recall_lot" add column if not exists "returned_quantity" integer not null default 0, add column if not exists "outstanding_quantity" integer not null default 0;`);

    this.addSql(`update "recall_shipment" rs set "shipped_quantity" = s."quantity", "returned_quantity" = s."quantity" - rs."outstanding_quantity" from "lot_shipment" s where s."id" = rs."shipment_id";`);
    this.addSql(`update "recall_customer" rc set "shipped_quantity" = t.shipped, "returned_quantity" = t.returned from (select "recall_id", "customer_key", sum("shipped_quantity") as shipped, sum("returned_quantity") as returned from "recall_shipment" where "deleted_at" is null group by "recall_id", "customer_key") t where t."recall_id" = rc."recall_id" and t."customer_key" = rc."customer_key";`);
    this.addSql(`update "recall_lot" rl set "returned_quantity" = coalesce((select sum(e."quantity") from "lot_event" e join "recall" r on r."id" = rl."recall_id" where e."lot_id" = rl."lot_id" and e."type" = 'returned' and e."created_at" < r."created_at"), 0);`);
    this.addSql(`update "recall_lot" set "outstanding_quantity" = greatest(0, "shipped_quantity" - "returned_quantity");`);
    for (const table of ["recall", "mock_recall"]) {
      this.addSql(`update "${table}" set "summary" = "summary" || jsonb_build_object('returned_quantity', ("summary"->>'shipped_quantity')::int - ("summary"->>'outstanding_quantity')::int) where "summary"->>'shipped_quantity' is not null and "summary"->>'returned_quantity' is null;`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "recall_lot" drop column if exists "returned_quantity", drop column if exists "outstanding_quantity";`);
    for (const table of ["recall_shipment", "recall_customer"]) {
      this.addSql(`alter table if exists "${table}" drop column if exists "shipped_quantity", drop column if exists "returned_quantity";`);
      this.addSql(`alter table if exists "${table}" rename column "outstanding_quantity" to "quantity";`);
    }
  }

}
