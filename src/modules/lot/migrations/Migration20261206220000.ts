import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// TRUNCATE skips row triggers: without these, one statement could still empty the lot history
// and the repair's record of corrections. A session may truncate them only when it says so
// (`lot_tracking.allow_history_truncate`), which the test harness does between tests and nothing
// in production ever should.
export class Migration20261206220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION lot_event_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' AND current_setting('lot_tracking.allow_history_truncate', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION '% rows are append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$ LANGUAGE plpgsql;`)
    for (const table of ["lot_event", "lot_correction"]) {
      this.addSql(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON "${table}";`)
      this.addSql(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION lot_event_append_only();`)
    }
  }

  override async down(): Promise<void> {
    for (const table of ["lot_event", "lot_correction"]) {
      this.addSql(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON "${table}";`)
    }
  }
}
