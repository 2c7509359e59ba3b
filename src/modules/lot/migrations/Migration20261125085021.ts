import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// The lot history is a batch record (CGMP, FSMA 204): the database itself refuses any UPDATE or
// DELETE of a lot event, whoever issues it, so no code path can rewrite history.
export class Migration20261125085021 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION lot_event_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'lot_event rows are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$ LANGUAGE plpgsql;`)
    this.addSql(`DROP TRIGGER IF EXISTS lot_event_append_only ON "lot_event";`)
    this.addSql(`
      CREATE TRIGGER lot_event_append_only BEFORE UPDATE OR DELETE ON "lot_event"
      FOR EACH ROW EXECUTE FUNCTION lot_event_append_only();`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS lot_event_append_only ON "lot_event";`)
    this.addSql(`DROP FUNCTION IF EXISTS lot_event_append_only();`)
  }
}
